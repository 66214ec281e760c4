import { describe, expect, it } from 'vitest';
import { decodeBytes, importFile } from '../../src/import';
import { encodedFile, merged, textFile } from './helpers';

const SMALL = '客服绩效报表 2026-11-21\n旺旺,咨询人数,询单人数,最终付款人数,销售额\n店铺1:小丸子,109,87,32,"6,132.00"\n店铺1：乔巴,82,70,27,4662\n合计,191,157,59,"10,794.00"\n';

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM, dropping the BOM', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x62]))).toEqual({ text: 'ab', encoding: 'utf-8' });
    expect(decodeBytes(new TextEncoder().encode('客服'))).toEqual({ text: '客服', encoding: 'utf-8' });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    expect(decodeBytes(encodedFile('x', '客服,询单人数', 'gbk').bytes)).toEqual({ text: '客服,询单人数', encoding: 'gb18030' });
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decodeBytes(encodedFile('x', '客服\tA', 'utf16le', true).bytes)).toEqual({ text: '客服\tA', encoding: 'utf-16le' });
    expect(decodeBytes(encodedFile('x', '客服\tA', 'utf16be', true).bytes)).toEqual({ text: '客服\tA', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(decodeBytes(encodedFile('x', 'Agent\tInquiries\nA\t1\n', 'utf16le').bytes).encoding).toBe('utf-16le');
    expect(decodeBytes(encodedFile('x', 'Agent\tInquiries\nA\t1\n', 'utf16be').bytes).encoding).toBe('utf-16be');
  });

  it('obeys an override', () => {
    expect(decodeBytes(encodedFile('x', '客服', 'gbk').bytes, 'gb18030').text).toBe('客服');
  });

  it('gives empty text for empty bytes', () => {
    expect(decodeBytes(new Uint8Array()).text).toBe('');
  });
});

describe('one table in four encodings', () => {
  it('UTF-8, GBK, UTF-16LE and UTF-16BE (with BOM, tab-separated) give identical records', async () => {
    const tabbed = SMALL.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, '\t');
    const files = [
      textFile('day_2026-11-21.csv', SMALL),
      encodedFile('day_2026-11-21.csv', SMALL, 'gbk'),
      encodedFile('day_2026-11-21.txt', tabbed, 'utf16le', true),
      encodedFile('day_2026-11-21.txt', tabbed, 'utf16be', true),
    ];
    const results = await Promise.all(files.map((f) => importFile(f)));
    expect(results.map((r) => r.tables[0].encoding)).toEqual(['utf-8', 'gb18030', 'utf-16le', 'utf-16be']);
    const records = results.map((r) => merged(r.tables[0]));
    expect(records[0]).toHaveLength(2);
    expect(records[0].map((d) => [d.date, d.agent, d.sales])).toEqual([['2026-11-21', '小丸子', 6132], ['2026-11-21', '乔巴', 4662]]);
    for (const other of records.slice(1)) expect(other).toEqual(records[0]);
  });
});
