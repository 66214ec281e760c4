/** The fake SpreadsheetApp refuses what Sheets refuses, with Sheets' words, and counts calls. */
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheetApp, newDataValidation, parseA1, storedValue } from '../fakes/spreadsheet';

describe('the fake spreadsheet', () => {
  it('throws like Sheets when the data does not fit the range', () => {
    const sheet = new FakeSpreadsheetApp().ss.insertSheet('T');
    expect(() => sheet.getRange(1, 1, 2, 24).setValues([[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 24.',
    );
    expect(() => sheet.getRange(1, 1, 3, 1).setValues([[1]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });

  it('refuses a second sheet of the same name and ranges outside the grid', () => {
    const ss = new FakeSpreadsheetApp().ss;
    ss.insertSheet('X');
    expect(() => ss.insertSheet('X')).toThrow('A sheet with the name "X" already exists');
    expect(() => ss.getSheetByName('X')!.getRange(1001, 1)).toThrow(/outside the dimensions/);
  });

  it('reads A1 notation', () => {
    expect(parseA1('B2:D10')).toEqual({ row: 2, col: 2, rows: 9, cols: 3 });
    expect(parseA1("'My tab'!AA1")).toEqual({ row: 1, col: 27, rows: 1, cols: 1 });
    expect(new FakeSpreadsheetApp().ss.getSheets()[0].getRange('C3:D4').getA1Notation()).toBe('C3:D4');
  });

  it('stores written strings the way Sheets parses typing', () => {
    expect(storedValue("'=1+1")).toEqual({ value: '=1+1', formula: null });
    expect(storedValue('=1+1').formula).toBe('=1+1');
    expect(storedValue('-abc').formula).toBe('-abc');
    expect(storedValue('0012').value).toBe(12);
    expect(storedValue('2026-11-21 10:00:00').value).toBeInstanceOf(Date);
  });

  it('counts every call by method name', () => {
    const fake = new FakeSpreadsheetApp();
    const sheet = fake.ss.insertSheet('T');
    sheet.getRange(1, 1, 1, 2).setValues([[1, 2]]);
    sheet.getRange('A1:B1').getValues();
    expect(fake.calls).toMatchObject({ insertSheet: 1, getRange: 2, setValues: 1, getValues: 1 });
  });

  it('sets data validation cell by cell from one grid of rules, null clearing a cell, as Range.setDataValidations does', () => {
    const fake = new FakeSpreadsheetApp();
    fake.ss.insertSheet('T');
    const raw = fake.spreadsheet.raw('T')!;
    const checkbox = newDataValidation().requireCheckbox().build();
    fake.resetCalls();
    raw.getRange(2, 5, 3, 1).setDataValidations([[checkbox], [null], [checkbox]]);
    expect(fake.calls).toEqual({ setDataValidations: 1 });
    expect(raw.validations.map((v) => [v.a1, v.rule.kind])).toEqual([
      ['E2', 'checkbox'],
      ['E4', 'checkbox'],
    ]);
    raw.getRange(2, 5, 2, 1).setDataValidations([[null], [null]]);
    expect(raw.validations.map((v) => v.a1)).toEqual(['E4']);
    expect(() => raw.getRange(2, 5, 3, 1).setDataValidations([[checkbox]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });
});
