import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../src/import');

describe('src/import stays pure', () => {
  it('uses no Node-only API, so the sidebar and Apps Script can bundle it', () => {
    for (const name of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(DIR, name), 'utf8');
      expect(source, name).not.toMatch(/from ['"](node:|fs|path|buffer|os)['"]|\bBuffer\b|\bprocess\.|\brequire\(/);
      expect(source.split('\n').length, name).toBeLessThan(300);
    }
  });
});
