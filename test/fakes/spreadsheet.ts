/**
 * An in-memory SpreadsheetApp, LockService, HtmlService and PropertiesService,
 * good enough for CS Daily's edge code. Every method call on every fake object
 * is counted by name in `fake.calls`, so tests can hold the code to "one
 * getValues/setValues per block, never per row".
 *
 * It behaves like Sheets where our code depends on it:
 * - setValues with a wrong shape throws Sheets' own message;
 * - a written string is read the way a user's typing would be: `'x` stores the
 *   text `x`, a number-like string becomes a number, `YYYY-MM-DD[ HH:mm:ss]`
 *   becomes a Date, `=…` (and `+`/`-` followed by non-numbers) becomes a formula;
 * - ranges outside the sheet's grid throw; insertSheet refuses duplicate names.
 *
 * Failure injection: `failAtCall(n)` makes the n-th counted call from then on
 * (any method of any service) throw Apps Script's "Service Spreadsheets
 * failed" error before it takes effect, once; `callsSinceArmed` tells how many
 * calls a clean run makes, so a test can fail a run at every one of them.
 */

import { FakeChart, FakeChartBuilder, FakeProtection } from './charts';
import { FakeHtmlOutput, FakeLock, FakeProperties, FakeUi } from './services';
import { columnLetter, counted, parseA1, storedValue, type Calls } from './values';
import { LIMIT_MESSAGES, LIMITS, longTextCharsOf, NEW_SHEET, type Cost } from './cost';

export * from './charts';
export * from './services';
export * from './values';
export * from './cost';

type Cell = unknown;
type Grid = Cell[][];

/** Style properties a Range can set in bulk; each is one dense grid per sheet. */
const STYLE_PROPS = ['numberFormat', 'background', 'fontWeight', 'fontColor', 'fontStyle', 'note', 'wrap', 'horizontalAlignment'] as const;
type StyleProp = (typeof STYLE_PROPS)[number];

export class FakeSheet {
  values: Grid = [];
  formulas = new Map<string, string>();
  styles: Record<StyleProp, Grid> = Object.fromEntries(STYLE_PROPS.map((p) => [p, []])) as unknown as Record<StyleProp, Grid>;
  merges: string[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths: Record<number, number> = {};
  rowHeights: Record<number, number> = {};
  charts: FakeChart[] = [];
  protections: FakeProtection[] = [];
  /** Data-validation rules set on ranges, by A1 notation, in order. */
  validations: { a1: string; rule: FakeValidation }[] = [];
  deleted = false;
  /** Throws from the named method once set; tests use it to simulate a failure part-way. */
  failOn: string | null = null;

  constructor(
    readonly app: FakeSpreadsheetApp,
    private name: string,
    public maxRows: number = NEW_SHEET.rows,
    public maxColumns: number = NEW_SHEET.columns,
  ) {}

  getName() {
    return this.name;
  }
  /** Whether a simulated failure is set for this method, on this sheet or on every sheet. */
  fails(method: string): boolean {
    return this.failOn === method || this.app.failOn === method;
  }
  setName(name: string) {
    if (this.app.spreadsheet.sheets.some((s) => s !== this && s.name === name)) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    return this.app.wrap(this);
  }
  getSheetId() {
    return this.app.spreadsheet.sheets.indexOf(this);
  }
  getIndex() {
    return this.app.spreadsheet.sheets.indexOf(this) + 1;
  }
  getRange(a: number | string, b?: number, c?: number, d?: number): FakeRange {
    if (typeof a === 'string') {
      const r = parseA1(a);
      return this.range(r.row, r.col, r.rows, r.cols);
    }
    return this.range(a, b ?? 1, c ?? 1, d ?? 1);
  }
  getDataRange() {
    return this.range(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  /** One call for several ranges (A1 notations): the style setters apply to each, counting their cells. */
  getRangeList(a1Notations: string[]) {
    const ranges = a1Notations.map((a1) => {
      const r = parseA1(a1);
      return this.rawRange(r.row, r.col, r.rows, r.cols);
    });
    return this.app.wrap(new FakeRangeList(ranges));
  }
  private range(row: number, col: number, rows: number, cols: number): FakeRange {
    return this.app.wrap(this.rawRange(row, col, rows, cols));
  }
  private rawRange(row: number, col: number, rows: number, cols: number): FakeRange {
    if (rows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (cols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row < 1 || col < 1 || row + rows - 1 > this.maxRows || col + cols - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, rows, cols);
  }
  getLastRow() {
    for (let r = this.values.length - 1; r >= 0; r--) if ((this.values[r] ?? []).some((v) => v !== '' && v !== undefined)) return r + 1;
    return 0;
  }
  getLastColumn() {
    let last = 0;
    for (const row of this.values) for (let c = (row ?? []).length - 1; c >= last; c--) if (row[c] !== '' && row[c] !== undefined) last = c + 1;
    return last;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  insertRowsAfter(_after: number, howMany: number) {
    this.app.growGrid(howMany * this.maxColumns);
    this.maxRows += howMany;
    return this.app.wrap(this);
  }
  insertColumnsAfter(_after: number, howMany: number) {
    this.app.growGrid(howMany * this.maxRows);
    this.maxColumns += howMany;
    return this.app.wrap(this);
  }
  deleteRows(start: number, howMany: number) {
    this.values.splice(start - 1, howMany);
    for (const p of STYLE_PROPS) this.styles[p].splice(start - 1, howMany);
    this.maxRows -= howMany;
  }
  deleteColumns(start: number, howMany: number) {
    for (const row of this.values) row?.splice(start - 1, howMany);
    for (const p of STYLE_PROPS) for (const row of this.styles[p]) row?.splice(start - 1, howMany);
    this.maxColumns -= howMany;
  }
  clear() {
    this.values = [];
    this.formulas.clear();
    for (const p of STYLE_PROPS) this.styles[p] = [];
    this.merges = [];
    return this.app.wrap(this);
  }
  clearContents() {
    this.values = [];
    this.formulas.clear();
    return this.app.wrap(this);
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
  }
  setFrozenColumns(n: number) {
    this.frozenColumns = n;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  getFrozenColumns() {
    return this.frozenColumns;
  }
  setColumnWidth(col: number, width: number) {
    this.columnWidths[col] = width;
    return this.app.wrap(this);
  }
  setRowHeight(row: number, height: number) {
    this.rowHeights[row] = height;
    return this.app.wrap(this);
  }
  setColumnWidths(start: number, count: number, width: number) {
    for (let c = start; c < start + count; c++) this.columnWidths[c] = width;
    return this.app.wrap(this);
  }
  autoResizeColumns(_start: number, _count: number) {
    return this.app.wrap(this);
  }
  protect() {
    const p = this.app.wrap(new FakeProtection());
    this.protections.push(p);
    return p;
  }
  getProtections() {
    return this.protections;
  }
  newChart() {
    return this.app.wrap(new FakeChartBuilder(this.app));
  }
  insertChart(chart: FakeChart) {
    if (this.fails('insertChart')) throw new Error('insertChart failed (fake)');
    this.charts.push(chart);
  }
  getCharts() {
    return [...this.charts];
  }
  removeChart(chart: FakeChart) {
    this.charts = this.charts.filter((c) => c !== chart);
  }
  activate() {
    this.app.spreadsheet.active = this;
    return this.app.wrap(this);
  }
  hidden = false;
  hideSheet() {
    this.hidden = true;
    return this.app.wrap(this);
  }
  isSheetHidden() {
    return this.hidden;
  }
  showSheet() {
    this.hidden = false;
    return this.app.wrap(this);
  }

  /** Test helper (not counted when called on the raw sheet): the stored values as a plain grid. */
  grid(): Cell[][] {
    const rows = this.getLastRow();
    const cols = this.getLastColumn();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.values[r]?.[c] ?? ''));
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getSheet() {
    return this.sheet.app.wrap(this.sheet);
  }
  getA1Notation() {
    const a = `${columnLetter(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1 ? a : `${a}:${columnLetter(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }
  getValues(): Cell[][] {
    return this.read(this.sheet.values, '');
  }
  setDataValidation(rule: FakeValidation | null) {
    this.sheet.validations = this.sheet.validations.filter((v) => v.a1 !== this.getA1Notation());
    if (rule) this.sheet.validations.push({ a1: this.getA1Notation(), rule });
    return this.self();
  }
  /** Range.setDataValidations(rules[][]): one rule per cell, indexed by row then column (null clears the cell's); the grid must match the range. */
  setDataValidations(rules: (FakeValidation | null)[][]) {
    this.checkShape(rules);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const a1 = `${columnLetter(this.col + c)}${this.row + r}`;
        this.sheet.validations = this.sheet.validations.filter((v) => v.a1 !== a1);
        const rule = rules[r][c];
        if (rule) this.sheet.validations.push({ a1, rule });
      }
    }
    return this.self();
  }
  getDisplayValues(): string[][] {
    return this.getValues().map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : String(v))));
  }
  getValue() {
    return this.getValues()[0][0];
  }
  getFormulas(): string[][] {
    this.sheet.app.countCells(this.sheet.getName(), 'read', this.rows * this.cols);
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => this.sheet.formulas.get(`${this.row + r},${this.col + c}`) ?? ''),
    );
  }
  setValues(data: unknown[][]) {
    if (this.sheet.fails('setValues')) throw new Error('setValues failed (fake)');
    this.checkShape(data);
    for (const row of data) for (const v of row) if (typeof v === 'string' && v.length > LIMITS.cellChars) throw new Error(LIMIT_MESSAGES.cellChars);
    this.sheet.app.countCells(this.sheet.getName(), 'written', this.rows * this.cols);
    this.sheet.app.longTextChars += longTextCharsOf(data);
    this.sheet.app.writes.push(`${this.sheet.getName()}!${this.getA1Notation()}`);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const { value, formula } = storedValue(data[r][c]);
        this.put(this.sheet.values, r, c, value);
        const key = `${this.row + r},${this.col + c}`;
        if (formula) this.sheet.formulas.set(key, formula);
        else this.sheet.formulas.delete(key);
      }
    }
    return this.self();
  }
  setValue(value: unknown) {
    return this.setValues([[value]]);
  }
  clearContent() {
    this.sheet.app.countCells(this.sheet.getName(), 'written', this.rows * this.cols);
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) this.put(this.sheet.values, r, c, '');
    return this.self();
  }
  merge() {
    this.sheet.merges.push(this.getA1Notation());
    return this.self();
  }
  setWrap(on: boolean) {
    return this.fill('wrap', on);
  }
  setWraps(grid: boolean[][]) {
    return this.setGrid('wrap', grid);
  }
  setNumberFormat(f: string) {
    return this.fill('numberFormat', f);
  }
  setNumberFormats(grid: string[][]) {
    return this.setGrid('numberFormat', grid);
  }
  getNumberFormats() {
    return this.read(this.sheet.styles.numberFormat, 'General');
  }
  setBackground(color: string | null) {
    return this.fill('background', color ?? '');
  }
  setBackgrounds(grid: (string | null)[][]) {
    return this.setGrid('background', grid);
  }
  getBackgrounds() {
    return this.read(this.sheet.styles.background, '#ffffff');
  }
  setFontWeight(w: string | null) {
    return this.fill('fontWeight', w ?? 'normal');
  }
  setFontWeights(grid: (string | null)[][]) {
    return this.setGrid('fontWeight', grid);
  }
  getFontWeights() {
    return this.read(this.sheet.styles.fontWeight, 'normal');
  }
  setFontStyle(s: string | null) {
    return this.fill('fontStyle', s ?? 'normal');
  }
  setFontStyles(grid: (string | null)[][]) {
    return this.setGrid('fontStyle', grid);
  }
  setFontColor(color: string | null) {
    return this.fill('fontColor', color ?? '');
  }
  setFontColors(grid: (string | null)[][]) {
    return this.setGrid('fontColor', grid);
  }
  getFontColors() {
    return this.read(this.sheet.styles.fontColor, '#000000');
  }
  setNote(note: string | null) {
    return this.fill('note', note ?? '');
  }
  setNotes(grid: (string | null)[][]) {
    return this.setGrid('note', grid);
  }
  getNotes() {
    return this.read(this.sheet.styles.note, '');
  }
  setHorizontalAlignment(a: string | null) {
    return this.fill('horizontalAlignment', a ?? 'general');
  }
  setHorizontalAlignments(grid: (string | null)[][]) {
    return this.setGrid('horizontalAlignment', grid);
  }

  private self() {
    return this.sheet.app.wrap(this);
  }
  private checkShape(data: unknown[][]) {
    if (!Array.isArray(data) || data.length !== this.rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${this.rows}.`,
      );
    }
    for (const row of data) {
      if (!Array.isArray(row) || row.length !== this.cols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.cols}.`,
        );
      }
    }
  }
  private read(grid: Grid, blank: Cell): Cell[][] {
    this.sheet.app.countCells(this.sheet.getName(), 'read', this.rows * this.cols);
    const values = Array.from({ length: this.rows }, (_, r) => {
      const src = grid[this.row - 1 + r];
      return Array.from({ length: this.cols }, (_, c) => {
        const v = src?.[this.col - 1 + c];
        return v === undefined || v === '' ? blank : v;
      });
    });
    this.sheet.app.longTextChars += longTextCharsOf(values);
    return values;
  }
  private put(grid: Grid, r: number, c: number, value: Cell) {
    const rowIndex = this.row - 1 + r;
    if (!grid[rowIndex]) grid[rowIndex] = [];
    grid[rowIndex][this.col - 1 + c] = value;
  }
  private fill(prop: StyleProp, value: Cell) {
    if (this.sheet.fails(prop)) throw new Error(`${prop} failed (fake)`);
    this.sheet.app.countCells(this.sheet.getName(), 'written', this.rows * this.cols);
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) this.put(this.sheet.styles[prop], r, c, value);
    return this.self();
  }
  private setGrid(prop: StyleProp, grid: unknown[][]) {
    if (this.sheet.fails(prop)) throw new Error(`${prop} failed (fake)`);
    this.checkShape(grid);
    this.sheet.app.countCells(this.sheet.getName(), 'written', this.rows * this.cols);
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) this.put(this.sheet.styles[prop], r, c, grid[r][c] ?? '');
    return this.self();
  }
}

/** Sheet.getRangeList: the style setters CS Daily uses, each one counted call over every range. */
export class FakeRangeList {
  constructor(private readonly ranges: FakeRange[]) {}
  getRanges() {
    return this.ranges.map((r) => r.sheet.app.wrap(r));
  }
  private each(set: (r: FakeRange) => unknown) {
    for (const r of this.ranges) set(r);
    return this.ranges[0]?.sheet.app.wrap(this) ?? this;
  }
  setNumberFormat(f: string) {
    return this.each((r) => r.setNumberFormat(f));
  }
  setBackground(color: string | null) {
    return this.each((r) => r.setBackground(color));
  }
  setFontWeight(w: string | null) {
    return this.each((r) => r.setFontWeight(w));
  }
  setFontStyle(s: string | null) {
    return this.each((r) => r.setFontStyle(s));
  }
  setFontColor(color: string | null) {
    return this.each((r) => r.setFontColor(color));
  }
  setHorizontalAlignment(a: string | null) {
    return this.each((r) => r.setHorizontalAlignment(a));
  }
  setWrap(on: boolean) {
    return this.each((r) => r.setWrap(on));
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  toasts: { message: string; title: string }[] = [];
  constructor(
    readonly app: FakeSpreadsheetApp,
    public locale: string,
    public timeZone: string,
  ) {
    this.sheets.push(new FakeSheet(app, locale.startsWith('zh') ? '工作表1' : 'Sheet1'));
  }
  getId() {
    return 'fake-spreadsheet-id';
  }
  getName() {
    return 'CS Daily test';
  }
  getSpreadsheetLocale() {
    return this.locale;
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  getSheets() {
    return this.sheets.map((s) => this.app.wrap(s));
  }
  getSheetByName(name: string) {
    const sheet = this.sheets.find((s) => s.getName() === name);
    return sheet ? this.app.wrap(sheet) : null;
  }
  insertSheet(name?: string, index?: number) {
    const sheetName = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.getName() === sheetName)) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    this.app.growGrid(NEW_SHEET.rows * NEW_SHEET.columns);
    const sheet = new FakeSheet(this.app, sheetName);
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    this.active = sheet;
    return this.app.wrap(sheet);
  }
  deleteSheet(sheet: FakeSheet) {
    const raw = this.sheets.find((s) => s.getName() === sheet.getName());
    if (!raw) throw new Error('Sheet not found');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    raw.deleted = true;
    this.sheets = this.sheets.filter((s) => s !== raw);
    if (this.active === raw) this.active = this.sheets[0];
  }
  setActiveSheet(sheet: FakeSheet) {
    this.active = this.sheets.find((s) => s.getName() === sheet.getName()) ?? null;
    return sheet;
  }
  getActiveSheet() {
    return this.active ? this.app.wrap(this.active) : null;
  }
  moveActiveSheet(position: number) {
    if (!this.active) return;
    this.sheets = this.sheets.filter((s) => s !== this.active);
    this.sheets.splice(position - 1, 0, this.active);
  }
  toast(message: string, title = '', _timeout?: number) {
    this.toasts.push({ message, title });
  }
  /** Test helper: the raw sheet by name (method calls on it are not counted). */
  raw(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.getName() === name);
  }
}

const PROPERTY_METHODS = ['getDocumentProperties', 'getProperty', 'setProperty', 'deleteProperty', 'getProperties', 'setProperties', 'deleteAllProperties'];

/** A data-validation rule as the builder made it: a list of values (drop-down), a date, or a checkbox (TRUE/FALSE). */
export interface FakeValidation {
  kind: 'list' | 'date' | 'checkbox';
  values: string[];
  allowInvalid: boolean;
  helpText: string;
}

/** SpreadsheetApp.newDataValidation(): the builder calls CS Daily uses. */
export function newDataValidation() {
  const rule: FakeValidation = { kind: 'list', values: [], allowInvalid: true, helpText: '' };
  const builder = {
    requireValueInList: (values: string[]) => ((rule.kind = 'list'), (rule.values = [...values]), builder),
    requireDate: () => ((rule.kind = 'date'), builder),
    requireCheckbox: () => ((rule.kind = 'checkbox'), builder),
    setAllowInvalid: (allow: boolean) => ((rule.allowInvalid = allow), builder),
    setHelpText: (text: string) => ((rule.helpText = text), builder),
    build: () => ({ ...rule }),
  };
  return builder;
}

export class FakeSpreadsheetApp {
  calls: Calls = {};
  /** Makes every sheet throw from this method ('setValues', 'insertChart', or a style prop like 'background'). */
  failOn: string | null = null;
  /** `Sheet!A1:B2` of every setValues, in order. */
  writes: string[] = [];
  spreadsheet: FakeSpreadsheet;
  ui = new FakeUi();
  lock = new FakeLock();
  documentProperties = new FakeProperties();
  htmlOutputs: FakeHtmlOutput[] = [];

  constructor(opts: { locale?: string; timeZone?: string } = {}) {
    this.spreadsheet = new FakeSpreadsheet(this, opts.locale ?? 'en_US', opts.timeZone ?? 'Asia/Shanghai');
  }
  /** Cells read (getValues and the other getters) and written (setValues, formats, clearing), over the fake's life. */
  cellsRead = 0;
  cellsWritten = 0;
  /** Characters of long text cells read and written past their first LONG_TEXT_FREE_CHARS, over the fake's life. */
  longTextChars = 0;
  /** Cells read and written by tab name, over the fake's life (clear it to count a stretch of work). */
  cellsByTab = new Map<string, { read: number; written: number }>();
  countCells(tab: string, how: 'read' | 'written', cells: number): void {
    if (how === 'read') this.cellsRead += cells;
    else this.cellsWritten += cells;
    const entry = this.cellsByTab.get(tab) ?? { read: 0, written: 0 };
    entry[how] += cells;
    this.cellsByTab.set(tab, entry);
  }
  /** google.script.run calls: the caller counts them (the fake cannot see an execution start). */
  serverCalls = 0;

  /** Cells of every sheet's grid, empty ones included (Sheets' 10 M limit counts these). */
  gridCells(): number {
    return this.spreadsheet.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }
  /** Refuses a change that would take the grid past Sheets' limit, before it takes effect. */
  growGrid(cells: number): void {
    if (this.gridCells() + cells > LIMITS.gridCells) throw new Error(LIMIT_MESSAGES.gridCells);
  }
  /** Everything counted so far; subtract two snapshots (costDifference) for a stretch of work. */
  cost(): Cost {
    const calls = Object.values(this.calls).reduce((n, c) => n + c, 0);
    const propertyCalls = PROPERTY_METHODS.reduce((n, m) => n + (this.calls[m] ?? 0), 0);
    return { calls, propertyCalls, cellsRead: this.cellsRead, cellsWritten: this.cellsWritten, longTextChars: this.longTextChars, serverCalls: this.serverCalls };
  }

  /** Counted calls since failAtCall was last set (a clean run: failAtCall(null), run, read this). */
  callsSinceArmed = 0;
  private failingCall: number | null = null;

  /** The n-th counted call from now on throws, once (null: none). Counting restarts at 0. */
  failAtCall(n: number | null) {
    this.failingCall = n;
    this.callsSinceArmed = 0;
  }
  private beforeCall = (method: string) => {
    this.callsSinceArmed++;
    if (this.callsSinceArmed !== this.failingCall) return;
    this.failingCall = null;
    throw new Error(`Service Spreadsheets failed while accessing document with id ${this.spreadsheet.getId()}. (fake failure at call ${this.callsSinceArmed}: ${method})`);
  };
  wrap<T extends object>(obj: T): T {
    return counted(obj, this.calls, this.beforeCall);
  }
  resetCalls() {
    for (const key of Object.keys(this.calls)) delete this.calls[key];
  }
  /** The spreadsheet as the code under test sees it (typed as the real one). */
  get ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.wrap(this.spreadsheet) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  }
  /** The SpreadsheetApp global. */
  get SpreadsheetApp() {
    const ss = this.wrap(this.spreadsheet);
    const ui = this.wrap(this.ui);
    return this.wrap({
      getActiveSpreadsheet: () => ss,
      getActive: () => ss,
      getUi: () => ui,
      flush: () => undefined,
      newDataValidation,
    });
  }
  get LockService() {
    const lock = this.wrap(this.lock);
    return this.wrap({ getDocumentLock: () => lock, getScriptLock: () => lock, getUserLock: () => lock });
  }
  get HtmlService() {
    return this.wrap({
      createHtmlOutputFromFile: (file: string) => {
        const out = new FakeHtmlOutput(file);
        this.htmlOutputs.push(out);
        return this.wrap(out);
      },
      createHtmlOutput: (content: string) => {
        const out = new FakeHtmlOutput('', content);
        this.htmlOutputs.push(out);
        return this.wrap(out);
      },
    });
  }
  get PropertiesService() {
    const props = this.wrap(this.documentProperties);
    return this.wrap({ getDocumentProperties: () => props });
  }
  /** Every global at once, for loadBundle() or vi.stubGlobal. */
  globals() {
    return {
      SpreadsheetApp: this.SpreadsheetApp,
      LockService: this.LockService,
      HtmlService: this.HtmlService,
      PropertiesService: this.PropertiesService,
    };
  }
}
