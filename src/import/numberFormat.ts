/**
 * Which columns of a table write decimal commas (`398,00`, `1.234,50`), as
 * exports from a German or French Excel do. A semicolon file is such an
 * export unless a column shows decimal points; a comma or tab file only when
 * a column's own values show decimal commas and none shows a decimal point.
 * Elsewhere `,` stays the thousands separator (`4,662.00`).
 */

/** Money, currency words and spaces carry no separator. */
const NOISE = /[\s¥￥$€£]|^rmb|^cny|元$|%$/gi;

/** `1.234,50` or `398,00` / `59,9` / `0,12345`: only a decimal comma reads this way (3 digits after it could be thousands). */
const COMMA_DECIMAL = /^[+-]?(\d{1,3}(\.\d{3})+,\d+|\d+,(\d{1,2}|\d{4,}))$/;
/** `1,234.50` or `10.00` / `0.5` / `0.12345`: only a decimal point reads this way. */
const POINT_DECIMAL = /^[+-]?(\d{1,3}(,\d{3})+\.\d+|\d+\.(\d{1,2}|\d{4,}))$/;

/** When one reading leads the other by this many cells, the column is settled: one damaged cell cannot turn it. */
const SETTLED_LEAD = 16;

/**
 * Whether one column (0-based) writes its numbers with a decimal comma: the
 * reading most of its cells show (so one damaged cell never turns the whole
 * column); a semicolon file's commas that show neither mean a decimal comma.
 * @param from the first data row
 * @param delimiter the file's delimiter (undefined for workbooks)
 * @example usesDecimalComma([['金额'], ['398,00']], 1, ',', 0) // true
 */
export function usesDecimalComma(rows: readonly string[][], from: number, delimiter: string | undefined, column: number): boolean {
  let comma = 0;
  let point = 0;
  let anyComma = false;
  for (let i = from; i < rows.length && Math.abs(comma - point) < SETTLED_LEAD; i++) {
    const cell = rows[i][column];
    // Long text is no figure; a short cell without a separator says nothing either way.
    if (cell === undefined || cell.length > 40 || (!cell.includes(',') && !cell.includes('.'))) continue;
    const text = cell.replace(NOISE, '');
    if (COMMA_DECIMAL.test(text)) comma++;
    else if (POINT_DECIMAL.test(text)) point++;
    if (text.includes(',')) anyComma = true;
  }
  if (comma !== point) return comma > point;
  return point === 0 && delimiter === ';' && anyComma;
}
