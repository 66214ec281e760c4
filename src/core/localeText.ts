/**
 * Numbers and dates in running text (a proposal's source, a note), written the
 * way the language's readers expect: grouped digits, the locale's percent
 * sign, and a span of dates that does not repeat its year.
 */
import type { IsoDate, Language } from './types';

const LOCALE: Record<Language, string> = { en: 'en-US', zh: 'zh-CN' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A number with up to `digits` decimals (trailing zeros dropped).
 * @example numberText('en', 1234.56, 1) // '1,234.6'
 */
export function numberText(lang: Language, n: number, digits = 1): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits }).format(n);
}

/**
 * A fraction as a percentage with up to `digits` decimals.
 * @example percentText('zh', 0.098) // '9.8%'
 */
export function percentText(lang: Language, fraction: number, digits = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

const parts = (d: IsoDate) => d.split('-').map(Number) as [number, number, number];

/**
 * The days first…last: zh `2026-04-03 … 05-02`, en `Apr 3 … May 2, 2026`;
 * one day alone when first = last; both years when they differ.
 */
export function dateSpanText(lang: Language, first: IsoDate, last: IsoDate): string {
  const [y1, m1, d1] = parts(first);
  const [y2, m2, d2] = parts(last);
  if (lang === 'zh') {
    if (first === last) return first;
    return y1 === y2 ? `${first} … ${last.slice(5)}` : `${first} … ${last}`;
  }
  const day = (m: number, d: number) => `${MONTHS[m - 1]} ${d}`;
  if (first === last) return `${day(m1, d1)}, ${y1}`;
  return y1 === y2 ? `${day(m1, d1)} … ${day(m2, d2)}, ${y2}` : `${day(m1, d1)}, ${y1} … ${day(m2, d2)}, ${y2}`;
}
