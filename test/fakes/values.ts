/** What the fake stores for a written value, A1 notation, and the call-counting proxy. */

type Cell = unknown;
export type Calls = Record<string, number>;

/** Wraps an object so every method call is counted under its name; `before` runs first (and may throw, to inject a failure). */
export function counted<T extends object>(target: T, calls: Calls, before?: (method: string) => void): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'constructor') return value;
      return (...args: unknown[]) => {
        calls[prop] = (calls[prop] ?? 0) + 1;
        before?.(prop);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

const NUMBER_LIKE = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const DATE_LIKE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** What Sheets stores for a value written with setValues (user-entered semantics). */
export function storedValue(value: unknown): { value: Cell; formula: string | null } {
  if (typeof value !== 'string') return { value: value ?? '', formula: null };
  if (value.startsWith("'")) return { value: value.slice(1), formula: null };
  if (value.startsWith('=') || (/^[+-]/.test(value) && !NUMBER_LIKE.test(value.trim()))) {
    return { value: '#ERROR!', formula: value };
  }
  if (NUMBER_LIKE.test(value.trim())) return { value: Number(value), formula: null };
  const d = DATE_LIKE.exec(value);
  if (d) {
    const [, y, mo, da, h = '0', mi = '0', s = '0'] = d;
    return { value: new Date(Number(y), Number(mo) - 1, Number(da), Number(h), Number(mi), Number(s)), formula: null };
  }
  if (/^(true|false)$/i.test(value)) return { value: value.toLowerCase() === 'true', formula: null };
  return { value, formula: null };
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  return letters.toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** `A1`, `B2:D10`, `Sheet1!A1:B2` → 1-based row, col, rows, cols. */
export function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const ref = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new Error(`Range not found: ${a1}`);
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  const col2 = m[3] ? columnNumber(m[3]) : col;
  const row2 = m[4] ? Number(m[4]) : row;
  return { row: Math.min(row, row2), col: Math.min(col, col2), rows: Math.abs(row2 - row) + 1, cols: Math.abs(col2 - col) + 1 };
}
