/**
 * HTML saved as ".xls" (千牛 and 京东 downloads are a <table> in a web page):
 * every <table> with cells → a text grid. The markup is only scanned as text:
 * scripts, styles and comments are dropped, nothing is run or fetched.
 * rowspan fills the rows below (like a merged cell, see fillMergedDown);
 * colspan keeps the text in its first cell and blanks after it.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', yen: '¥' };

/** `&amp;`, `&#20320;`, `&#x4F60;` → their characters; unknown entities stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    // Own keys only: `&constructor;` is an unknown entity, not Object.prototype's constructor.
    const key = name.toLowerCase();
    return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, key) ? NAMED_ENTITIES[key] : whole;
  });
}

function spanOf(attributes: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  // A huge span from a broken page must not make a huge grid.
  return m ? Math.min(Math.max(1, +m[1]), 1000) : 1;
}

class GridBuilder {
  readonly rows: string[][] = [];
  /** Column → rows still covered by a rowspan above, and its text. */
  private readonly carried = new Map<number, { left: number; text: string }>();
  private row: string[] | null = null;
  private cell: { text: string; rowspan: number; colspan: number } | null = null;

  private nextFreeColumn(): number {
    const row = this.row!;
    while (this.carried.has(row.length)) {
      const carry = this.carried.get(row.length)!;
      row.push(carry.text);
      if (--carry.left === 0) this.carried.delete(row.length - 1);
    }
    return row.length;
  }

  openRow(): void {
    this.closeRow();
    this.row = [];
  }

  closeRow(): void {
    this.closeCell();
    if (!this.row) return;
    this.nextFreeColumn();
    // Columns still covered further right (a rowspan after a short row).
    for (const col of [...this.carried.keys()].sort((a, b) => a - b)) {
      if (col < this.row.length) continue;
      while (this.row.length < col) this.row.push('');
      this.nextFreeColumn();
    }
    this.rows.push(this.row);
    this.row = null;
  }

  openCell(attributes: string): void {
    this.closeCell();
    if (!this.row) this.openRow();
    this.cell = { text: '', rowspan: spanOf(attributes, 'rowspan'), colspan: spanOf(attributes, 'colspan') };
  }

  text(text: string): void {
    if (this.cell) this.cell.text += text;
  }

  closeCell(): void {
    if (!this.cell || !this.row) return;
    const text = decodeEntities(this.cell.text).replace(/[\s\u00a0]+/g, ' ').trim();
    const col = this.nextFreeColumn();
    this.row.push(text);
    for (let i = 1; i < this.cell.colspan; i++) this.row.push('');
    if (this.cell.rowspan > 1) this.carried.set(col, { left: this.cell.rowspan - 1, text });
    this.cell = null;
  }
}

const TAG = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>/gi;

/** The tables of an HTML page, in order; tables without a single non-blank cell are left out. */
export function htmlTables(html: string): string[][][] {
  const page = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  const tables: string[][][] = [];
  const open: GridBuilder[] = [];
  let last = 0;
  for (const m of page.matchAll(TAG)) {
    const grid = open[open.length - 1];
    grid?.text(page.slice(last, m.index));
    last = m.index! + m[0].length;
    const [closing, name, attributes] = [m[1] === '/', m[2].toLowerCase(), m[3]];
    if (name === 'table') {
      if (!closing) open.push(new GridBuilder());
      else if (grid) {
        grid.closeRow();
        open.pop();
        if (grid.rows.some((row) => row.some((cell) => cell !== ''))) tables.push(grid.rows);
      }
    } else if (!grid) continue;
    else if (name === 'tr') closing ? grid.closeRow() : grid.openRow();
    else if (name === 'td' || name === 'th') closing ? grid.closeCell() : grid.openCell(attributes);
    else if (name === 'br' || name === 'p' || name === 'div') grid.text(' ');
  }
  // A page cut off before </table> still gives what it has.
  for (const grid of open.reverse()) {
    grid.text(page.slice(last));
    last = page.length;
    grid.closeRow();
    if (grid.rows.some((row) => row.some((cell) => cell !== ''))) tables.push(grid.rows);
  }
  return tables;
}
