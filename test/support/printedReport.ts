/**
 * A report.xlsx as it prints: rendered to PDF by LibreOffice, its pages told
 * apart by the footer every tab prints (tab name, page / pages), and checked
 * for cut text. LibreOffice writes only the visible part of a clipped cell into
 * the PDF (a header cut by its neighbour prints as "首次响应时间", a wrapped one in
 * a row too short loses its first lines), and it draws a cell's lines one after
 * the other, so a header is whole when its text, spaces aside, is in the page's
 * text in drawing order (`pdftotext -raw`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';

/** The first of soffice, pdftotext, pdfinfo that is missing, or null when all are there. */
export function missingPrintTool(): string | null {
  for (const tool of ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return tool;
    }
  }
  return null;
}

export interface PrintedTab {
  pages: number;
  /** The tab's pages' text in drawing order, all whitespace removed. */
  text: string;
  /** Each page's lines as laid out (`pdftotext -layout`), blank lines left out: a cell's text on one line is printed on one line. */
  pageLines: string[][];
}

/** Renders the workbook beside itself (FILE.pdf) and returns each tab's pages; `shots` keeps PNG pages there. */
export function printWorkbook(xlsx: string, shots?: string): Map<string, PrintedTab> {
  const dir = dirname(xlsx);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore', timeout: 180_000 });
  const pdf = join(dir, basename(xlsx).replace(/\.xlsx$/, '.pdf'));
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const tabs = new Map<string, PrintedTab>();
  for (let p = 1; p <= count; p++) {
    const page = ['-f', String(p), '-l', String(p)];
    const lines = execFileSync('pdftotext', [...page, '-layout', pdf, '-'], { encoding: 'utf8' }).split('\n').filter((l) => l.trim());
    const footers = lines.map((l) => /^\s*(\S.*?)\s+(\d+) ?\/ ?(\d+)\s*$/.exec(l)).filter((m) => m !== null);
    const footer = footers[footers.length - 1];
    if (!footer) throw new Error(`${pdf}: page ${p} has no footer naming its tab`);
    const raw = execFileSync('pdftotext', [...page, '-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const tab = tabs.get(footer[1]) ?? { pages: 0, text: '', pageLines: [] };
    tabs.set(footer[1], { pages: tab.pages + 1, text: tab.text + raw, pageLines: [...tab.pageLines, lines] });
  }
  if (shots) {
    mkdirSync(shots, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(shots, basename(dir))]);
  }
  return tabs;
}

const HEADER_FILL = 'FFDCE6F1';

/**
 * The text of every header cell of every tab (bold on the header tint) and of
 * every merged text cell (titles, intro lines, KPI names): what must print whole.
 */
export async function textsThatMustPrintWhole(xlsx: string): Promise<Map<string, string[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const out = new Map<string, string[]>();
  book.eachSheet((sheet) => {
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value !== 'string' || !cell.value.trim()) return;
        const fill = cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
        const header = cell.font?.bold && fill === HEADER_FILL;
        const merged = cell.isMerged && cell.master === cell;
        if (header || merged) texts.push(cell.value);
      }),
    );
    out.set(sheet.name, texts);
  });
  return out;
}

/** The texts of `expected` that the printed tab does not show whole, and '###' where a number did not fit its column. */
export function cutTexts(printed: PrintedTab, expected: string[]): string[] {
  const cut = expected.filter((text) => !printed.text.includes(text.replace(/\s+/g, '')));
  if (printed.text.includes('###')) cut.push('### (a number wider than its column)');
  return cut;
}
