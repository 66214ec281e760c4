/**
 * Chinese end to end: finds Latin words in text a Chinese supervisor reads,
 * outside the ones expected there — units, formats and brands (the allow-list),
 * grades (A–D), and the words the data itself brought (agent and buyer names,
 * IDs, file and sheet names, remarks, the supervisor's own rules and events).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';

/** Words that are Latin in Chinese reports too: units, formats (YYYY-MM-DD), brands (Google 表格, Excel, Windows), and the setting keys the Settings tab names. */
export const ALLOWED = new Set(['AOV', 'ISO', 'UV', 'PV', 'GMV', 'ID', 'CSV', 'xlsx', 'xls', 'csv', 'txt', 'KPI', 'Excel', 'UTF', 'utf', 'GBK', 'BOM', 'W', 'Google', 'Windows', 'YYYY', 'MM', 'DD']);

/** Latin words of `text` into `into`. */
export function addWords(into: Set<string>, text: string): void {
  for (const word of text.match(/[A-Za-z]+/g) ?? []) into.add(word);
}

/**
 * The words the input files bring: their names, and every cell of a data
 * file (CSV text, or every sheet name and text cell of a workbook), since a
 * remark, a buyer or an agent name is the shop's, not a word of the report.
 */
export async function dataWordsOfFiles(files: string[]): Promise<Set<string>> {
  const words = new Set<string>();
  for (const file of files) {
    addWords(words, basename(file));
    if (/\.(csv|txt)$/i.test(file)) addWords(words, readFileSync(file, 'utf8'));
    if (/\.xlsx$/i.test(file)) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      book.eachSheet((sheet) => {
        addWords(words, sheet.name);
        sheet.eachRow((row) => row.eachCell((cell) => addWords(words, cell.text ?? '')));
      });
    }
  }
  return words;
}

/** The Latin words of `lines` that are neither allowed, nor data, nor a name (a whole token or a word of one). */
export function strayWords(lines: Iterable<string>, data: Set<string>, names: Set<string> = new Set()): string[] {
  const stray = new Set<string>();
  for (const full of lines) {
    // A path the CLI names (已写入 /tmp/…/daily.csv) is the user's, not a word of the report.
    const line = full.replace(/\S*\/\S*/g, ' ');
    // Paths, IDs and names with digits or underscores (tb_1_00136, 3.30182E+18) are data, not words.
    for (const token of line.split(/[\s,，、;；：:（）()【】「」“”"'/\\|=+\-*<>·—–…→\[\]{}!?？！。]+/)) {
      // A grade is the label the supervisor chose (A, B, C, D).
      if (!/[A-Za-z]/.test(token) || /[\d_@.]/.test(token) || /^[A-Z]$/.test(token)) continue;
      for (const word of token.match(/[A-Za-z]+/g) ?? []) if (!ALLOWED.has(word) && !data.has(word) && !names.has(token) && !names.has(word)) stray.add(word);
    }
  }
  return [...stray].sort();
}
