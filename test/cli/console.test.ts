/** Issue 9.15: nothing the CLI prints can drive the terminal. */
import { describe, expect, test } from 'vitest';
import { safePrinter, terminalSafe } from '../../src/cli/console';

describe('terminalSafe', () => {
  test.each([
    ['\u001b[2J\u001b[31mred', '\uFFFD[2J\uFFFD[31mred'],
    ['title\u001b]0;pwned\u0007', 'title\uFFFD]0;pwned\uFFFD'],
    ['c1\u009b31m', 'c1\uFFFD31m'],
    ['abc\u202Egpj.exe', 'abc\uFFFDgpj.exe'],
    ['iso\u2066late\u2069', 'iso\uFFFDlate\uFFFD'],
    ['back\bspace\rreturn\u007f', 'back\uFFFDspace\uFFFDreturn\uFFFD'],
  ])('%j is printed as %j', (raw, safe) => {
    expect(terminalSafe(raw)).toBe(safe);
  });
  test('ordinary text, Chinese, tabs and line feeds pass unchanged', () => {
    const text = '小丸子\t101\nWrote out/report.xlsx: 36.41% ¥29,589.00 — ok';
    expect(terminalSafe(text)).toBe(text);
  });
  test('safePrinter cleans every line before printing it', () => {
    const lines: string[] = [];
    const print = safePrinter((l) => lines.push(l));
    print('a\u001bb');
    expect(lines).toEqual(['a\uFFFDb']);
  });
});
