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

/**
 * The columns (0-based) whose numbers use a decimal comma.
 * @param from the first data row
 * @param delimiter the file's delimiter (undefined for workbooks)
 * @example decimalCommaColumns([['金额'], ['398,00']], 1, ',') // Set {0}
 */
export function decimalCommaColumns(rows: readonly string[][], from: number, delimiter: string | undefined): Set<number> {
  const comma: number[] = [];
  const point: number[] = [];
  const anyComma: boolean[] = [];
  for (let i = from; i < rows.length; i++) {
    const row = rows[i];
    for (let c = 0; c < row.length; c++) {
      // A column that has shown a decimal point is settled: no need to look at its other cells.
      if (point[c]) continue;
      const cell = row[c];
      // Long text is no figure; a short cell without a separator says nothing either way.
      if (cell.length > 40 || (!cell.includes(',') && !cell.includes('.'))) continue;
      const text = cell.replace(NOISE, '');
      if (COMMA_DECIMAL.test(text)) comma[c] = (comma[c] ?? 0) + 1;
      else if (POINT_DECIMAL.test(text)) point[c] = (point[c] ?? 0) + 1;
      if (text.includes(',')) anyComma[c] = true;
    }
  }
  const columns = new Set<number>();
  const width = Math.max(comma.length, point.length, anyComma.length);
  for (let c = 0; c < width; c++) {
    if (point[c]) continue;
    if (comma[c] || (delimiter === ';' && anyComma[c])) columns.add(c);
  }
  return columns;
}
