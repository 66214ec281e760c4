/**
 * When two header texts are "the same": the one comparison every header
 * lookup uses (the synonym tables, the platform markers, column search).
 * A leaf of import/, so the tables can use it while normalize.ts uses them.
 */
import { toHalfWidth } from '../core/values';

/**
 * The comparable form of a header: half-width, lower case, no spaces or
 * brackets, every arrow spelling (`->`, `-->`, `→`, `=>`) as `>`.
 * @example normalizeHeader('询单→最终付款成功率 ') === normalizeHeader('询单->最终付款成功率')
 */
export function normalizeHeader(text: string): string {
  return toHalfWidth(String(text))
    .toLowerCase()
    .replace(/-+>|=>|→|⟶|➔/g, '>')
    // `询单-最终付款人数`: a bare hyphen between two Chinese words is the same arrow.
    .replace(/([\u4e00-\u9fff])\s*[-－—]\s*(?=[\u4e00-\u9fff])/g, '$1>')
    .replace(/[\s()（）[\]【】{}<>《》"'“”‘’]/g, (ch) => (ch === '>' ? '>' : ''))
    .replace(/[_]/g, '')
    // Some tools mark a delayed (`询单人数延`) or corrected (`客单价修`) figure on its header.
    .replace(/(..)[延修]$/, '$1');
}
