/**
 * One XLSX cell's value as the import's text, or why it cannot be read:
 * a shared-string index past the list, a boolean that is not 0/1, a number
 * that is not one, a style that does not exist, a date past 9999-12-31.
 * Such a cell is a per-cell damage; the rest of its sheet reads on.
 */
import type { MessageKey } from '../i18n';
import { numberText, serialDateText } from './xlsCells';
import { stringItemText, unescapeOoxml, type WorkbookParts } from './xlsxWorkbook';

export interface CellFault {
  key: MessageKey;
  params: Record<string, string | number>;
}

export type CellValue = { text: string } | { fault: CellFault };

/** 9999-12-31, the last day Excel has (1900 date system). */
const LAST_SERIAL = 2958465;
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

const fault = (key: MessageKey, params: Record<string, string | number> = {}): CellValue => ({ fault: { key, params } });

/** A value quoted in a reason: short, and with no control characters. */
export function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

function isoDateText(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +(h ?? 0), +(mi ?? 0), +(s ?? 0)));
  if (date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d || +(h ?? 0) > 23 || +(mi ?? 0) > 59 || +(s ?? 0) > 59) return null;
  return h === undefined || `${h}${mi}${s ?? '00'}` === '000000' ? `${y}-${mo}-${d}` : `${y}-${mo}-${d} ${h}:${mi}:${s ?? '00'}`;
}

/**
 * The text of a cell from its type (`t`), style (`s`) and inner XML.
 * Blank (no value) is `{ text: '' }`.
 */
export function cellValue(type: string | null, style: string | null, inner: string, parts: WorkbookParts): CellValue {
  if (type === 'inlineStr') return { text: stringItemText(inner) };
  const v = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner);
  if (!v) return { text: '' };
  const raw = v[1];
  switch (type) {
    case 's': {
      const index = NUMBER.test(raw) ? Number(raw) : NaN;
      if (parts.strings === null) return fault('import.cell.noStrings', { index: shown(raw) });
      if (!Number.isInteger(index) || index < 0 || index >= parts.strings.length) return fault('import.cell.sharedString', { index: shown(raw), count: parts.strings.length });
      return { text: parts.strings[index] };
    }
    case 'str':
      return { text: unescapeOoxml(raw) };
    case 'e':
      return { text: unescapeOoxml(raw) };
    case 'b':
      if (raw.trim() === '1' || raw.trim().toLowerCase() === 'true') return { text: 'TRUE' };
      if (raw.trim() === '0' || raw.trim().toLowerCase() === 'false') return { text: 'FALSE' };
      return fault('import.cell.boolean', { value: shown(unescapeOoxml(raw)) });
    case 'd': {
      const text = isoDateText(raw);
      return text === null ? fault('import.cell.isoDate', { value: shown(unescapeOoxml(raw)) }) : { text };
    }
    case null:
    case 'n':
      return numberValue(raw, style, parts);
    default:
      return fault('import.cell.type', { type: shown(type) });
  }
}

function numberValue(raw: string, style: string | null, parts: WorkbookParts): CellValue {
  if (raw.trim() === '') return { text: '' };
  if (!NUMBER.test(raw)) return fault('import.cell.number', { value: shown(unescapeOoxml(raw)) });
  const n = Number(raw);
  if (!Number.isFinite(n)) return fault('import.cell.number', { value: shown(raw) });
  let isDate = false;
  if (style !== null && style !== '0') {
    const index = /^\d+$/.test(style) ? Number(style) : NaN;
    const styles = parts.dateStyles ?? [];
    if (!(index < styles.length)) return fault('import.cell.style', { index: shown(style), count: styles.length });
    isDate = styles[index];
  }
  if (!isDate) return { text: numberText(n) };
  if (n < 0 || n > LAST_SERIAL) return fault('import.cell.dateRange', { value: numberText(n) });
  return { text: serialDateText(n, parts.date1904) };
}
