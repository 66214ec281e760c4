/** Fake embedded charts (builder → chart recording its ranges and options) and sheet protection. */
import { counted } from './values';
import type { FakeRange, FakeSpreadsheetApp } from './spreadsheet';

export class FakeChart {
  constructor(
    public ranges: string[],
    public options: Record<string, unknown>,
    public position: number[],
    public type: string,
  ) {}
  getRanges() {
    return this.ranges;
  }
  getOptions() {
    return { get: (key: string) => this.options[key] };
  }
}

export class FakeChartBuilder {
  ranges: string[] = [];
  options: Record<string, unknown> = {};
  position: number[] = [];
  type = 'unset';
  constructor(private readonly app: FakeSpreadsheetApp) {}
  asLineChart() {
    this.type = 'line';
    return this.self();
  }
  addRange(range: FakeRange) {
    this.ranges.push(range.getA1Notation());
    return this.self();
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number) {
    this.position = [row, col, offsetX, offsetY];
    return this.self();
  }
  setOption(key: string, value: unknown) {
    this.options[key] = value;
    return this.self();
  }
  setTitle(title: string) {
    this.options.title = title;
    return this.self();
  }
  setNumHeaders(n: number) {
    this.options.numHeaders = n;
    return this.self();
  }
  setMergeStrategy() {
    return this.self();
  }
  build() {
    return counted(new FakeChart([...this.ranges], { ...this.options }, [...this.position], this.type), this.app.calls);
  }
  private self() {
    return this.app.wrap(this);
  }
}

export class FakeProtection {
  warningOnly = false;
  description = '';
  setWarningOnly(on: boolean) {
    this.warningOnly = on;
    return this;
  }
  isWarningOnly() {
    return this.warningOnly;
  }
  setDescription(text: string) {
    this.description = text;
    return this;
  }
  remove() {}
}
