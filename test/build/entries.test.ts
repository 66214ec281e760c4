/**
 * "Script function not found" and lost autocomplete are the commonest failures
 * of bundled Apps Script projects: these tests hold the built dist/Code.js to
 * the entry's exports, both ways.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import vm from 'node:vm';
// @ts-expect-error plain ESM build helper without types
import { readEntries } from '../../scripts/entries.mjs';
import { bundleSource } from '../support/bundle';

interface Entry {
  name: string;
  params: string[];
  jsdoc: string;
}
const entries: Entry[] = readEntries(join(__dirname, '../../src/main.ts'));
const code = bundleSource();

/** Names of top-level function declarations, read by parsing the bundle, not by regex alone. */
function topLevelFunctions(source: string): string[] {
  const context = vm.createContext({});
  vm.runInContext(source, context);
  return Object.keys(context).filter((name) => typeof context[name] === 'function' && new RegExp(`^function ${name}\\(`, 'm').test(source));
}

const CUSTOM_FUNCTIONS = ['INQUIRY_CONVERSION', 'WORKLOAD_BAND', 'AGENTS_NEEDED'];

describe('dist/Code.js', () => {
  it('declares exactly one top-level function per export of src/main.ts, and no other', () => {
    expect(topLevelFunctions(code).sort()).toEqual(entries.map((e) => e.name).sort());
  });

  it('has an implementation in the bundle behind every top-level function', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const { name } of entries) expect(typeof context.CSDaily_[name], name).toBe('function');
  });

  it('includes the custom functions, triggers and menu handlers Sheets calls', () => {
    const names = entries.map((e) => e.name);
    for (const name of [...CUSTOM_FUNCTIONS, 'onOpen', 'onInstall']) expect(names).toContain(name);
  });

  it.each(CUSTOM_FUNCTIONS)('puts %s under its @customfunction JSDoc with parameter help and an example', (name) => {
    const entry = entries.find((e) => e.name === name)!;
    const block = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
    expect(block, `JSDoc right above function ${name}`).not.toBeNull();
    const [, doc, params] = block!;
    expect(doc).toContain('@customfunction');
    expect(doc).toMatch(/@example =/);
    expect(params.split(',').map((p) => p.trim())).toEqual(entry.params);
    for (const param of entry.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${param}\\]? \\S`));
  });

  it('keeps private helpers (names ending in _) and modules out of the top level', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const globals = Object.keys(context);
    expect(globals.filter((g) => !entries.some((e) => e.name === g))).toEqual(['CSDaily_']);
  });
});
