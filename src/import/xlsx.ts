/**
 * An XLSX's bytes → one grid per sheet, read with bounds: the zip through
 * zipEntries (sizes capped), the workbook's parts through xlsxWorkbook, each
 * sheet through xlsxSheet. A damaged part costs that part, a damaged cell
 * that cell; only a file with no readable zip directory is refused whole.
 */
import type { CellDamage } from './types';
import { workbookParts } from './xlsxWorkbook';
import { sheetGrid } from './xlsxSheet';
import { ZipProblem } from './zipEntries';
import type { MessageKey } from '../i18n';

export interface WorkbookSheet {
  name: string;
  rows: string[][];
  rowNumbers: number[];
  damage: CellDamage[];
  /** Why the whole sheet could not be read (its part missing or damaged); its grid is then empty. */
  unreadable?: MessageKey;
}

/** Every sheet of the workbook, in the workbook's order; throws ZipProblem when the file has no readable zip directory. */
export function readXlsx(bytes: Uint8Array): WorkbookSheet[] {
  const parts = workbookParts(bytes);
  return parts.sheets.map(({ name, entry }): WorkbookSheet => {
    const empty = { name, rows: [], rowNumbers: [], damage: [] };
    if (!entry) return { ...empty, unreadable: 'import.sheet.missing' };
    let xml: string;
    try {
      xml = parts.text(entry);
    } catch (error) {
      if (error instanceof ZipProblem) return { ...empty, unreadable: `import.zip.${error.code}` };
      throw error;
    }
    return { name, ...sheetGrid(xml, parts) };
  });
}
