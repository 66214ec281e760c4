/**
 * The Daily as it prints on A4 landscape through LibreOffice, for a generated
 * 赤兔-style export of 12 and of 30 agents (every service figure stated, so
 * the service part is as wide as it gets): 12 agents on two pages at most, 30
 * on four, at a print scale of 70 % or more, and every header, title and
 * merged line printed whole.
 *
 * How a cut is found, twice: in the PDF's text (test/support/printedReport: a
 * cell clipped by its neighbour prints only its visible part), and by the
 * fonts' metrics on the written xlsx (headersCutByMetrics: lines needed at the
 * column's width against the row's height, no word wider than its column),
 * since LibreOffice keeps every line of a wrapped cell in the PDF's text even
 * when its row is too short to show them. The last test proves the metric
 * check bites where the text check does not: the same workbook with one
 * header's column narrowed to two characters. Skips, saying why, without LibreOffice or the Carlito font
 * (Calibri's metric twin: without it LibreOffice lays columns out a third wider
 * than Excel does).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { t, type Language } from '../../src/i18n';
import { DAILY_MIN_PRINT_SCALE } from '../../src/reports/daily';
import { linesHeightPx, textWidthPx, wrappedLines } from '../../src/reports/layout';
import { cutTexts, missingPrintTool, printWorkbook, textsThatMustPrintWhole } from '../support/printedReport';
import { writeAgentDayExport } from '../support/agentDayExport';

function carlito(): boolean {
  try {
    return /carlito/i.test(execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}
const missing = missingPrintTool() ?? (carlito() ? null : 'the Carlito font (fonts-crosextra-carlito)');
if (missing) console.log(`Daily print test skipped: ${missing} not found (scripts/ensure-libreoffice.mjs installs it as root)`);

async function dailyOf(agents: number, lang: Language): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `csdaily-daily${agents}-`));
  const csv = join(dir, 'agents.csv');
  writeAgentDayExport(csv, agents, '2026-05-14');
  const out = join(dir, 'out');
  expect(await runCli(['--out', out, '--lang', lang, '--date', '2026-05-14', csv], () => {}, () => {})).toBe(0);
  return join(out, 'report.xlsx');
}

const HEADER_FILL = 'FFDCE6F1';

/**
 * Header cells (bold on the header tint) whose text needs more room than the
 * written xlsx gives it: more wrapped lines than the row is tall, or a Latin
 * word wider than the column (it would break inside). Widths and heights are
 * read back from the file as Excel counts them (width × 7 + 5 px; points ÷ 0.75),
 * the text measured with textWidthPx (Calibri / Noto Sans CJK metrics).
 */
async function headersCutByMetrics(xlsx: string, tab: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const sheet = book.getWorksheet(tab)!;
  const cut: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell, col) => {
      const fill = cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
      if (typeof cell.value !== 'string' || !cell.font?.bold || fill !== HEADER_FILL || cell.isMerged) return;
      const widthPx = (sheet.getColumn(col).width ?? 8.43) * 7 + 5;
      const heightPx = (row.height ?? 15) / 0.75;
      const lines = wrappedLines(cell.value, widthPx, true);
      const longestWord = Math.max(0, ...cell.value.split(/[\s\u2e80-\ua4cf\uff00-\uffe6]+/).map((w) => textWidthPx(w, true)));
      // One line fits a row of any height the tabs write; more need the row's height.
      if ((lines > 1 && linesHeightPx(cell.value, lines) - 4 > heightPx + 1) || longestWord > widthPx - 8) cut.push(cell.value);
    }),
  );
  return cut;
}

async function scaleOf(xlsx: string, tab: string): Promise<number | undefined> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  return book.getWorksheet(tab)!.pageSetup.scale;
}

describe.skipIf(missing !== null)('the Daily printed through LibreOffice on A4 landscape', () => {
  for (const [agents, limit] of [[12, 2], [30, 4]] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${agents} agents: at most ${limit} pages, at ${DAILY_MIN_PRINT_SCALE} % or more, no header cut (${lang})`, async () => {
        const xlsx = await dailyOf(agents, lang);
        const tab = t(lang, 'tab.daily');
        const scale = await scaleOf(xlsx, tab);
        const printed = printWorkbook(xlsx, process.env.CSDAILY_SHOTS).get(tab)!;
        console.log(`Daily of ${agents} agents (${lang}): ${printed.pages} pages at ${scale} %`);
        expect(scale).toBeGreaterThanOrEqual(DAILY_MIN_PRINT_SCALE);
        expect(printed.pages).toBeGreaterThanOrEqual(1);
        expect(printed.pages).toBeLessThanOrEqual(limit);
        const whole = (await textsThatMustPrintWhole(xlsx)).get(tab)!;
        // Every figure header of both parts is among what must print whole.
        expect(whole).toEqual(expect.arrayContaining([t(lang, 'col.slowResponses'), t(lang, 'col.veryDissatisfied'), t(lang, 'col.inquiryConversion')]));
        // ▲ ▼ ＝ come from a fallback font, which LibreOffice draws after the rest of the line: they are left out of the comparison.
        const arrows = (text: string) => text.replace(/[▲▼＝]/g, '');
        expect(cutTexts({ ...printed, text: arrows(printed.text) }, whole.map(arrows))).toEqual([]);
        expect(await headersCutByMetrics(xlsx, tab)).toEqual([]);
      }, 300_000);
    }
  }

  it('the check finds a cut header: the same Daily with the slow-responses column narrowed', async () => {
    const xlsx = await dailyOf(12, 'zh');
    expect(await headersCutByMetrics(xlsx, '日报')).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet('日报')!;
    let narrowed = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell, col) => {
        if (cell.value === '慢响应人数') narrowed = col;
      }),
    );
    expect(narrowed).toBeGreaterThan(0);
    // Two characters wide: the header wraps over more lines than its row holds.
    sheet.getColumn(narrowed).width = 2;
    const cut = join(mkdtempSync(join(tmpdir(), 'csdaily-cut-')), 'report.xlsx');
    await book.xlsx.writeFile(cut);
    expect(await headersCutByMetrics(cut, '日报')).toContain('慢响应人数');
    // The PDF's text alone does not show it: LibreOffice keeps a clipped wrapped cell's lines in the text layer.
    expect(cutTexts(printWorkbook(cut).get('日报')!, ['慢响应人数'])).not.toContain('慢响应人数');
  }, 300_000);
});
