/** The line a month's pay and grade tabs carry when some of its days are not final and were left out. */
import { finalSpan } from '../core/finalDays';
import { periodContaining } from '../core/periods';
import { t } from '../i18n';
import type { ReportData } from './data';

/** `Final figures through 2026-05-02; 2026-05-03 not final yet, left out…`, or '' when every day is final. */
export function finalNote(data: ReportData, month: string): string {
  const period = periodContaining(`${month}-01`, 'month');
  const span = finalSpan(data.agentDays, data.finality.provisional, period.first, period.last);
  if (span.leftOut.length === 0) return '';
  const lang = data.input.language;
  const days = span.leftOut.join(lang === 'zh' ? '、' : ', ');
  return span.finalThrough ? t(lang, 'final.leftOut', { final: span.finalThrough, days }) : t(lang, 'final.noneYet', { days });
}
