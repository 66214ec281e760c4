/**
 * 1 MB cells shaped to make a backtracking pattern slow: long digit runs,
 * long space runs before no `#`, a date followed by spaces. The test checks
 * what each parser answers on them; the bench measures how fast.
 */
const MB = 1 << 20;

export const HOSTILE_CELLS: Readonly<Record<string, string>> = {
  digits: '1'.repeat(MB),
  digitsThenUnit: '1'.repeat(MB) + 'x分',
  spaces: '1' + ' '.repeat(MB) + 'x',
  dateThenSpaces: '2026-11-03' + ' '.repeat(MB) + 'x',
  dotsAndDigits: '1.1'.repeat(MB / 3),
  colons: '店铺:'.repeat(MB / 3),
};
