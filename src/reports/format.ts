/**
 * Values as the machine CSVs write them: plain numbers with a fixed number
 * of decimals per kind (rates 4, seconds and ratios 2, money 2; counts
 * whole), no thousands separators, no float noise, blank for empty.
 */
export type CsvCell = string;

/** Decimals of each kind of CSV figure (docs/decisions.md, "CSV numbers"). */
export const CSV_DECIMALS = { rate: 4, decimal: 2, money: 2 } as const;

/** n with `digits` decimals; a value that rounds to zero is written without a minus sign. */
function fixed(n: number, digits: number): CsvCell {
  if (!Number.isFinite(n)) return '';
  const text = n.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

export const csvCount = (n: number | null | undefined): CsvCell => (n == null ? '' : String(n));
export const csvMoney = (n: number | null | undefined): CsvCell => (n == null ? '' : fixed(n, CSV_DECIMALS.money));
/** A rate or share as a fraction (0.4688 = 46.88 %), or a difference of two rates. */
export const csvRate = (n: number | null | undefined): CsvCell => (n == null ? '' : fixed(n, CSV_DECIMALS.rate));
/** Seconds, ratios that are not rates (Q/A, items per buyer, points, coefficients). */
export const csvNumber = (n: number | null | undefined): CsvCell => (n == null ? '' : fixed(n, CSV_DECIMALS.decimal));

/** A readable percentage for summaries and labels (not for CSVs). */
export const percentText = (n: number | null | undefined, digits = 2): string => (n == null ? '—' : `${(n * 100).toFixed(digits)}%`);
export const moneyText = (n: number | null | undefined): string =>
  n == null ? '—' : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
