import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

/** A real .xls (拼多多's export) whose compound-file header has one byte changed. */
function damagedXls(): string {
  const bytes = readFileSync(join(__dirname, '../corpus/files/pdd_kefu_xls_named.xlsx'));
  bytes[26] ^= 0xff;
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-damaged-'));
  const path = join(dir, '客服数据.xls');
  writeFileSync(path, bytes);
  return path;
}

async function run(args: string[]) {
  const out: string[] = [];
  const code = await runCli(['--out', mkdtempSync(join(tmpdir(), 'csdaily-out-')), '--lang', 'en', ...args], (l) => out.push(l), (l) => out.push(l));
  return { code, text: out.join('\n') };
}

describe('a damaged file is refused in words; the program\'s error is a debug line only with --verbose', () => {
  it('no JavaScript error text reaches the user', async () => {
    const { code, text } = await run([damagedXls()]);
    expect(code).toBe(2);
    expect(text).toContain('The XLS file is damaged (an unexpected problem in the file\'s structure)');
    expect(text).not.toMatch(/Major Version|Error:|cfb\.js|undefined/);
  });

  it('--verbose adds the program\'s own error as a debug line', async () => {
    const { text } = await run(['--verbose', damagedXls()]);
    expect(text).toMatch(/^debug: .*客服数据\.xls: Error: Major Version/m);
  });
});
