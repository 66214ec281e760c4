import { inquiryConversion } from '../core/metrics';
import { spreadsheetLanguage } from '../sheets/locale';
import { t } from '../i18n';
import { argName, type CellArg, CellError, checkArity, isBlank, mapCells, nonNegativeNumber } from './cells';

/**
 * Inquiry conversion (询单转化率): paid ÷ (inquiries − excluded), as a fraction; format the cell as a percentage.
 * Takes single values or ranges of the same size; blank cells give blank results, an empty denominator gives a blank.
 *
 * @param {number|Array<Array<number>>} paid Buyers who paid (付款人数), a number or a range.
 * @param {number|Array<Array<number>>} inquiries Inquiry buyers (询单人数), a number or a range of the same size.
 * @param {number|Array<Array<number>>} [excluded] Optional: contacts to take out of inquiries (剔除人数: after-sales, freebies). Default 0.
 * @return The conversion rate 0..1 for each cell.
 * @example =INQUIRY_CONVERSION(36, 96)
 * @example =INQUIRY_CONVERSION(E2:E20, D2:D20)
 * @customfunction
 */
export function INQUIRY_CONVERSION(paid: CellArg, inquiries: CellArg, excluded?: CellArg) {
  checkArity('INQUIRY_CONVERSION', 'paid, inquiries, [excluded]', arguments.length, 2, 3);
  const lang = spreadsheetLanguage();
  return mapCells(
    'INQUIRY_CONVERSION',
    lang,
    [
      { name: 'paid', value: paid },
      { name: 'inquiries', value: inquiries },
      { name: 'excluded', value: excluded ?? null },
    ],
    (cells) => {
      // Read by index, not destructured: no iterator per cell over a 10 000-row range.
      const paidCell = cells[0];
      const inquiriesCell = cells[1];
      const excludedCell = cells[2];
      if (isBlank(paidCell) || isBlank(inquiriesCell)) return '';
      const p = nonNegativeNumber(lang, 'paid', paidCell);
      const q = nonNegativeNumber(lang, 'inquiries', inquiriesCell);
      const x = isBlank(excludedCell) ? 0 : nonNegativeNumber(lang, 'excluded', excludedCell);
      const base = q - x;
      if (base < 0) throw new CellError(t(lang, 'fn.error.negative', { name: `${argName(lang, 'inquiries')} − ${argName(lang, 'excluded')}`, value: base }));
      if (p > base) throw new CellError(t(lang, 'fn.error.paidOverBase', { paid: p, base }));
      return inquiryConversion(p, q, x) ?? '';
    },
  );
}
