/**
 * From the sheet-independent CellStyle to ExcelJS styles: number format
 * codes, style precedence, and one shared ExcelJS style object per distinct
 * look (so 100k cells cost 100k lookups, not 100k style objects).
 */
import type { Style } from 'exceljs';
import { NUMBER_FORMAT_CODES, type Block, type CellStyle, type NumberFormat, type SpecValue } from '../reports/types';

/** The Excel number format code of each NumberFormat. */
/** Excel's format codes: the shared table (see NUMBER_FORMAT_CODES). */
export const EXCEL_NUMBER_FORMATS = NUMBER_FORMAT_CODES;

const STYLE_KEYS: readonly (keyof CellStyle)[] = ['bold', 'italic', 'background', 'color', 'format', 'align', 'indent', 'wrap'];

/**
 * Layers merged left to right, later ones winning property by property; an
 * absent (undefined) property never erases an earlier one.
 * @example mergeStyles({ bold: true, format: 'money' }, { format: 'percent' }) // { bold: true, format: 'percent' }
 */
export function mergeStyles(...layers: (CellStyle | null | undefined)[]): CellStyle {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of STYLE_KEYS) {
      if (layer[key] !== undefined) out[key] = layer[key];
    }
  }
  return out as CellStyle;
}

/**
 * The effective style of each cell of a block, by block-relative (row, col):
 * `style` < `columnStyles[col]` < `rowStyles[row]` < `cellStyles` (whose
 * row/col are block-relative too, like the column and row styles).
 */
export function blockStyleAt(block: Block): (row: number, col: number) => CellStyle {
  const overrides = new Map<number, CellStyle>();
  for (const c of block.cellStyles ?? []) {
    const key = c.row * 65536 + c.col;
    overrides.set(key, mergeStyles(overrides.get(key), c.style));
  }
  return (row, col) =>
    mergeStyles(block.style, block.columnStyles?.[col], block.rowStyles?.[row], overrides.get(row * 65536 + col));
}

/** Turns CellStyles into shared ExcelJS style objects, one per distinct look. */
export class StyleCache {
  private readonly cache = new Map<string, Partial<Style>>();

  get(style: CellStyle): Partial<Style> {
    const key = STYLE_KEYS.map((k) => String(style[k] ?? '')).join('|');
    let excel = this.cache.get(key);
    if (!excel) {
      excel = toExcelStyle(style);
      this.cache.set(key, excel);
    }
    return excel;
  }
}

/** The ExcelJS style of a CellStyle. Colours are #RRGGBB; malformed ones are ignored. */
export function toExcelStyle(style: CellStyle): Partial<Style> {
  const out: Partial<Style> = {};
  const color = argb(style.color);
  if (style.bold || style.italic || color) {
    out.font = {
      name: 'Calibri',
      size: 11,
      family: 2,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(color ? { color: { argb: color } } : {}),
    };
  }
  const fill = argb(style.background);
  if (fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  if (style.align || style.wrap || style.indent) {
    out.alignment = {
      ...(style.align ? { horizontal: style.align } : {}),
      ...(style.indent ? { indent: style.indent } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    };
  }
  if (style.format) out.numFmt = EXCEL_NUMBER_FORMATS[style.format];
  return out;
}

function argb(hex: string | undefined): string | null {
  const m = hex ? /^#?([0-9a-f]{6})$/i.exec(hex.trim()) : null;
  return m ? 'FF' + m[1].toUpperCase() : null;
}

/**
 * The value ExcelJS should store: `YYYY-MM-DD` text in a 'date' cell becomes
 * a real date (a Date at UTC midnight, which ExcelJS turns into the serial
 * day without any time-zone shift); everything else is stored as given.
 */
export function excelValue(value: SpecValue, format: NumberFormat | undefined): string | number | boolean | Date | null {
  if (format === 'date' && typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    // An impossible day (2024-02-30) stays text rather than rolling into March.
    if (date && date.toISOString().slice(0, 10) === value) return date;
  }
  if (format === 'datetime' && typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
    if (m) {
      const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
      const time = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
      if (time.toISOString().slice(0, 19).replace('T', ' ') === value) return time;
    }
  }
  return value;
}
