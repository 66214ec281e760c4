/**
 * Values as the machine CSVs of SPEC §6 write them: plain numbers, rates as
 * fractions at full precision, amounts with 2 decimals, blank for empty.
 */
export type CsvCell = string;

export const csvCount = (n: number | null | undefined): CsvCell => (n == null ? '' : String(n));
export const csvMoney = (n: number | null | undefined): CsvCell => (n == null ? '' : n.toFixed(2));
export const csvRate = (n: number | null | undefined): CsvCell => (n == null ? '' : String(n));
/** Means and ratios that are not rates: float noise trimmed, no fixed rounding. */
export const csvNumber = (n: number | null | undefined): CsvCell => (n == null ? '' : String(Number(n.toPrecision(12))));

/** A readable percentage for summaries and labels (not for CSVs). */
export const percentText = (n: number | null | undefined, digits = 2): string => (n == null ? '—' : `${(n * 100).toFixed(digits)}%`);
export const moneyText = (n: number | null | undefined): string =>
  n == null ? '—' : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
