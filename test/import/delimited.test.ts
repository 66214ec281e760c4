import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDelimited } from '../../src/import';

describe('parseDelimited', () => {
  it('detects comma, tab and semicolon', () => {
    expect(parseDelimited('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseDelimited('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseDelimited('a;b\n"1,5";2\r\n')).toEqual([['a', 'b'], ['1,5', '2']]);
  });

  it('keeps delimiters, doubled quotes and newlines inside quoted fields', () => {
    expect(parseDelimited('remark,id\n"客服101\n已核对",1\n"say ""hi"", ok",2\n')).toEqual([
      ['remark', 'id'],
      ['客服101\n已核对', '1'],
      ['say "hi", ok', '2'],
    ]);
  });

  it('reads CRLF and LF alike', () => {
    expect(parseDelimited('a,b\r\n1,2\r\n')).toEqual(parseDelimited('a,b\n1,2\n'));
  });

  it('keeps ragged rows as they are', () => {
    expect(parseDelimited('a,b,c\n1\n1,2,3,4\n')).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]);
  });

  it('keeps blank lines so row numbers match the file, and a title line does not fool the delimiter', () => {
    expect(parseDelimited('报表 2026-11-21\n\na;b\n1;2\n')).toEqual([['报表 2026-11-21'], [''], ['a', 'b'], ['1', '2']]);
  });

  it('gives no rows for empty text', () => {
    expect(parseDelimited('')).toEqual([]);
  });
});

/** A CSV writer with random quoting: fields that need quotes always get them, others sometimes. */
function writeCsv(rows: string[][], delimiter: string, quoteMask: boolean[], newline: string): string {
  let k = 0;
  return rows
    .map((row) =>
      row
        .map((cell) => {
          const needs = cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r') || cell.includes(',') || cell.includes(';') || cell.includes('\t');
          const quote = needs || quoteMask[k++ % quoteMask.length];
          return quote ? `"${cell.replace(/"/g, '""')}"` : cell;
        })
        .join(delimiter),
    )
    .join(newline);
}

describe('parseDelimited (properties)', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'b', '客', '服', ' ', ',', ';', '\t', '"', '\n', '1', '.', '-'), maxLength: 8 });
  it('random tables written as CSV with random quoting read back as written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 })),
        fc.constantFrom(',', '\t', ';'),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, delimiter, quoteMask, newline, trailing) => {
          const text = writeCsv(rows, delimiter, quoteMask, newline) + (trailing ? newline : '');
          expect(parseDelimited(text)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('delimited files end to end', () => {
  it('a semicolon file with a quoted multi-line remark imports with file row numbers', async () => {
    const { importFile } = await import('../../src/import');
    const text = 'Order ID;Buyer;Created;Paid at;Amount;Seller remark\n1;b;2026-11-21 10:00;;"1,234.5";"客服101\n已核对"\n2;b;bad;;1;\n';
    const result = await importFile({ name: 'o.csv', bytes: new TextEncoder().encode(text) });
    const table = result.tables[0];
    expect(table.orders).toHaveLength(1);
    expect(table.orders[0]).toMatchObject({ amount: 1234.5, remark: '客服101\n已核对' });
    expect(table.rejected[0]).toMatchObject({ row: 3, column: 'Created' });
  });
});
