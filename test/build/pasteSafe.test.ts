/**
 * The built files survive a paste: no controls, noncharacters or invalid
 * UTF-8 in dist/ (the release zip's entries are scanned in package.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM build helper without types
import { escapeUnpastable as escapeUntyped } from '../../scripts/build.mjs';
import { unpastable } from '../support/unpastable';

const escapeUnpastable = escapeUntyped as (code: string) => string;
const DIST = join(__dirname, '../../dist');
const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('built files a person can paste', () => {
  test('the scan finds a key separator, a noncharacter, a BOM and bytes that are not UTF-8', () => {
    expect(unpastable(bytesOf('a\u0001b\uffffc\ufeff\u{10ffff}')).map((u) => u.codePoint)).toEqual(['U+0001', 'U+FFFF', 'U+FEFF', 'U+10FFFF']);
    expect(unpastable(new Uint8Array([0x61, 0xff, 0x62]))).toEqual([{ at: 0, codePoint: 'not UTF-8' }]);
    expect(unpastable(bytesOf('tab\tline\r\n客服日报 ¥'))).toEqual([]);
  });

  test.each(['Code.js', 'Sidebar.html', 'appsscript.json'])('dist/%s holds no control character or noncharacter', (file) => {
    const bytes = readFileSync(join(DIST, file));
    expect(bytes.length).toBeGreaterThan(100);
    expect(unpastable(bytes)).toEqual([]);
  });

  test('dist/ holds only the files the scan covers', () => {
    expect(readdirSync(DIST).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
  });

  test('the code outside comments and regex text is ASCII: strings are escaped', () => {
    const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
    // The i18n table's Chinese is in string literals: escaped, never raw.
    expect(code).not.toContain('客服日报');
    expect(code).toMatch(/\\u5BA2\\u670D\\u65E5\\u62A5|\\u5ba2\\u670d\\u65e5\\u62a5/);
  });

  test('escaping keeps what strings, templates and regexes mean', () => {
    const source = 'return ["a\u0001b", `c\u001fd`, /x\u0001y/.test("x\u0001y"), "e\uffff"];';
    const escaped = escapeUnpastable(source);
    expect(unpastable(bytesOf(escaped))).toEqual([]);
    expect(new Function(escaped)()).toEqual(['a\u0001b', 'c\u001fd', true, 'e\uffff']);
  });
});
