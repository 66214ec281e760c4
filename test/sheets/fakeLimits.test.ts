/**
 * The Spreadsheet fake enforces Sheets' documented limits and counts what a
 * real spreadsheet charges for: a test per limit (each fails if the fake
 * stops enforcing it), and the counts the cost model reads.
 */
import { describe, expect, it } from 'vitest';
import { costDifference, FakeSpreadsheetApp, LIMIT_MESSAGES, LIMITS, modelledSeconds, NEW_SHEET, ZERO_COST } from '../fakes/spreadsheet';
import { ensureSize, writeBlock } from '../../src/sheets/tabs';
import { textCell } from '../../src/sheets/cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

describe('limits', () => {
  it('refuses to grow the grid past 10 M cells, counting empty cells, and leaves the grid as it was', () => {
    const fake = new FakeSpreadsheetApp();
    const sheet = fake.ss.getSheets()[0] as unknown as Sheet;
    expect(fake.gridCells()).toBe(NEW_SHEET.rows * NEW_SHEET.columns);
    // 26 columns: rows up to the limit fit, one more row does not.
    ensureSize(sheet, LIMITS.gridCells / NEW_SHEET.columns, NEW_SHEET.columns);
    expect(fake.gridCells()).toBe(LIMITS.gridCells);
    expect(() => writeBlock(sheet, LIMITS.gridCells / NEW_SHEET.columns + 1, 1, [['x']])).toThrow(LIMIT_MESSAGES.gridCells);
    expect(() => fake.ss.insertSheet('more')).toThrow(LIMIT_MESSAGES.gridCells);
    expect(fake.gridCells()).toBe(LIMITS.gridCells);
    expect(fake.ss.getSheetByName('more')).toBeNull();
  });

  it('refuses a cell of more than 50 000 characters; textCell stays under it', () => {
    const fake = new FakeSpreadsheetApp();
    const range = fake.ss.getSheets()[0].getRange(1, 1);
    expect(() => range.setValues([['x'.repeat(LIMITS.cellChars + 1)]])).toThrow(LIMIT_MESSAGES.cellChars);
    range.setValues([['x'.repeat(LIMITS.cellChars)]]);
    const cut = textCell('1'.repeat(150_000));
    expect(cut.length).toBeLessThanOrEqual(LIMITS.cellChars);
    range.setValues([[cut]]);
  });

  it('refuses a document property value over 9 kB (bytes, not characters)', () => {
    const props = new FakeSpreadsheetApp().PropertiesService.getDocumentProperties();
    props.setProperty('ascii', 'a'.repeat(LIMITS.propertyValueBytes));
    // 3 073 Chinese characters are 9 219 bytes in UTF-8 (3 073 characters would pass a count of characters).
    expect(() => props.setProperty('wide', '客'.repeat(3_073))).toThrow(LIMIT_MESSAGES.propertyValue);
    expect(props.getProperty('wide')).toBeNull();
  });

  it('refuses document properties past 500 kB in all; replacing a value counts only the new one', () => {
    const props = new FakeSpreadsheetApp().PropertiesService.getDocumentProperties();
    const value = 'v'.repeat(9_000);
    let stored = 0;
    expect(() => {
      for (;;) props.setProperty(`k${stored++}`, value);
    }).toThrow(LIMIT_MESSAGES.propertyTotal);
    expect(stored - 1).toBe(Math.floor(LIMITS.propertyTotalBytes / (9_000 + 3)));
    props.setProperty('k0', value);
    props.deleteProperty('k0');
    props.setProperty('again', value);
  });
});

describe('counts', () => {
  it('counts cells read and written by the range, calls, and grid cells as the grid grows', () => {
    const fake = new FakeSpreadsheetApp();
    const before = fake.cost();
    const sheet = fake.ss.insertSheet('t') as unknown as Sheet;
    writeBlock(sheet, 1, 1, Array.from({ length: 1500 }, () => ['a', 'b', 'c']));
    sheet.getRange(1, 1, 10, 2).getValues();
    const cost = costDifference(fake.cost(), before);
    expect(cost.cellsWritten).toBe(4500);
    expect(cost.cellsRead).toBe(20);
    expect(fake.gridCells()).toBe(2 * NEW_SHEET.rows * NEW_SHEET.columns + 500 * NEW_SHEET.columns);
    expect(cost.calls).toBeGreaterThan(0);
    expect(modelledSeconds(cost)).toBeGreaterThan(modelledSeconds({ ...cost, cellsWritten: 0 }));
  });

  it('charges a long text cell for its characters past the first 100, read and written; short cells for nothing more', () => {
    const fake = new FakeSpreadsheetApp();
    const sheet = fake.ss.insertSheet('t') as unknown as Sheet;
    const before = fake.cost();
    writeBlock(sheet, 1, 1, [['x'.repeat(100), 'y'.repeat(5_100), 42]]);
    const written = costDifference(fake.cost(), before);
    expect(written.longTextChars).toBe(5_000);
    sheet.getRange(1, 1, 1, 3).getValues();
    const both = costDifference(fake.cost(), before);
    expect(both.longTextChars).toBe(10_000);
    // A 50 000-character cell costs about as much as 500 cells.
    expect(modelledSeconds({ ...ZERO_COST, longTextChars: 50_000 })).toBeCloseTo(modelledSeconds({ ...ZERO_COST, cellsRead: 499 }), 2);
  });
});
