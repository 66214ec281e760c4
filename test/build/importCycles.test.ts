import { describe, expect, test } from 'vitest';
import { importCycles, importGraph, modulesUnder } from '../../scripts/importCycles';

describe('import cycles', () => {
  test('no module of src/ imports itself through others (type-only imports included)', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph)).toEqual([]);
  });

  test('the detector finds a cycle of three modules and a module importing itself', () => {
    const graph = new Map([
      ['/p/a.ts', ['/p/b.ts']],
      ['/p/b.ts', ['/p/c.ts']],
      ['/p/c.ts', ['/p/a.ts', '/p/d.ts']],
      ['/p/d.ts', []],
      ['/p/e.ts', ['/p/e.ts']],
    ]);
    const cycles = importCycles(graph).map((group) => group.map((f) => f.slice(f.lastIndexOf('/') + 1)));
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  test('the graph sees static, type-only and re-exporting imports', () => {
    const graph = importGraph(modulesUnder().filter((f) => /core[\\/](types|rules)\.ts$/.test(f)));
    const [types, rules] = [...graph.entries()].sort(([a], [b]) => b.localeCompare(a));
    expect(types[1].some((f) => f.endsWith('baseTypes.ts'))).toBe(true);
    expect(rules[1].some((f) => f.endsWith('settingDeclarations.ts'))).toBe(true);
  });
});
