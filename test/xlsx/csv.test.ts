import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { CsvTable, SpecValue } from '../../src/reports/types';
import { csvField, csvText, plainNumber } from '../../src/xlsx/csv';

function table(header: string[], rows: SpecValue[][]): CsvTable {
  return { fileName: 't.csv', header, rows };
}

describe('csvText', () => {
  it('writes BOM, header and rows with LF line ends, exactly', () => {
    const text = csvText(table(['Agent', 'Paid', 'Rate'], [['Lin', 3, 0.25], ['Zhou', null, 0.1]]));
    expect(text).toBe('\uFEFFAgent,Paid,Rate\nLin,3,0.25\nZhou,,0.1\n');
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes a header alone for a table without rows', () => {
    expect(csvText(table(['File', 'Row'], []))).toBe('\uFEFFFile,Row\n');
  });

  it('quotes fields with a comma, a quote, CR or LF, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('plain text 中文')).toBe('plain text 中文');
    expect(csvField(' padded ')).toBe(' padded ');
  });

  it('writes null and undefined as empty, booleans as true/false', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(false)).toBe('false');
  });

  it('writes numbers plainly, never with an exponent, and non-finite ones as empty', () => {
    expect(csvField(1234.5)).toBe('1234.5');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(-0)).toBe('0');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-2e-7)).toBe('-0.0000002');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.2345e22)).toBe('12345000000000000000000');
    expect(plainNumber(NaN)).toBe('');
    expect(plainNumber(Infinity)).toBe('');
  });

  it('round-trips through a CSV parser', () => {
    const rows: SpecValue[][] = [
      ['2024-05-01', 'Lin, "Amy"', 0.123456789, 'a\nb', null],
      ['2024-05-02', '李', 1e-7, '', true],
    ];
    const parsed = Papa.parse<string[]>(csvText(table(['Date', 'Agent', 'C', 'Note', 'X'], rows)).slice(1), {
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['Date', 'Agent', 'C', 'Note', 'X'],
      ['2024-05-01', 'Lin, "Amy"', '0.123456789', 'a\nb', ''],
      ['2024-05-02', '李', '0.0000001', '', 'true'],
    ]);
  });

  it('does not mutate the table', () => {
    const t = table(['A'], [['x,y']]);
    const copy = structuredClone(t);
    csvText(t);
    expect(t).toEqual(copy);
  });
});
