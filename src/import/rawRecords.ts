/** One row of a consultations or orders export → Consultation / Order. */
import { toHalfWidth } from '../core/values';
import { formatLocalTime, MS_PER_DAY } from '../core/dates';
import type { Consultation, ConsultationCategory, LocalTime, Order } from '../core/types';
import { agentNameOf, withoutInvisibles } from './agentName';
import { RowProblem, type RowReader } from './cells';
import { isExcelDamagedId, unwrapTextId } from './orderIds';

const COMMON_CATEGORIES = new Map<string, ConsultationCategory>([
  ['', 'presale'],
  ['售前', 'presale'],
  ['售后', 'after_sales'],
  ['赠品', 'freebie'],
  ['presale', 'presale'],
  ['after_sales', 'after_sales'],
  ['freebie', 'freebie'],
]);

/** 售前/售后/赠品 and their English names; blank means pre-sale (the default kind of chat). */
export function categoryOf(text: string): ConsultationCategory | null {
  // The spellings nearly every row uses, without folding: this runs on every chat.
  const common = COMMON_CATEGORIES.get(text);
  if (common) return common;
  const v = toHalfWidth(text).trim().toLowerCase().replace(/[\s_-]/g, '');
  if (v === '' || v.includes('售前') || v === 'presale' || v === 'pre' || v.includes('咨询')) return 'presale';
  if (v.includes('售后') || v === 'aftersales' || v === 'aftersale' || v === 'after') return 'after_sales';
  if (v.includes('赠品') || v === 'freebie' || v === 'gift' || v === 'freebies' || v === 'gifts') return 'freebie';
  return null;
}

/** A key cell (buyer, agent, order ID) without invisible characters; one holding nothing else is missing. */
function requiredKey(r: RowReader, field: string): string {
  const value = withoutInvisibles(r.required(field));
  if (value === '') throw new RowProblem(r.header(field), 'import.reject.required', { column: r.header(field) });
  return value;
}

export function consultationFromRow(r: RowReader): Consultation {
  const buyer = requiredKey(r, 'buyer');
  const agent = agentNameOf(requiredKey(r, 'agent'));
  const start = r.requiredTime('start');
  const firstResponseSec = r.seconds('firstResponseSec');
  const buyerMessages = r.count('buyerMessages') ?? 0;
  const agentMessages = r.count('agentMessages') ?? 0;
  const category = categoryOf(r.text('category'));
  if (category === null) throw new RowProblem(r.header('category'), 'import.reject.category', { value: r.text('category') });
  return { buyer, agent, start, firstResponseSec, buyerMessages, agentMessages, category };
}

const REFUNDED_STATUS = /退款成功|已退款|全额退款|refunded|refund\s*(success|complete)/i;

/** A refund status; the full pattern runs only on text holding 退 or "refund" (most statuses are 交易成功 and the like). */
function isRefundText(text: string): boolean {
  return (text.includes('退') || REFUND_WORD.test(text)) && REFUNDED_STATUS.test(text);
}

// Patterns live at module level: a literal in a function body is a new RegExp object on every row.
const REFUND_WORD = /refund/i;
const REFUND_YES = /^(是|yes|y|true|1)$/i;

/** `truncatedIds`: the table's ID column went through Excel (see orderIds.ts), so zero-tailed IDs are damaged too. */
export function orderFromRow(r: RowReader, opts: { truncatedIds?: boolean } = {}): Order {
  const orderId = unwrapTextId(requiredKey(r, 'orderId'));
  if (isExcelDamagedId(orderId, opts.truncatedIds ?? false)) throw new RowProblem(r.header('orderId'), 'import.reject.excelId', { value: orderId });
  const buyer = requiredKey(r, 'buyer');
  const created = r.requiredTime('created');
  const paidAt: LocalTime | null = r.time('paidAt');
  if (paidAt !== null) checkPayment(r, created, paidAt);
  const amount = r.amount('amount') ?? 0;
  const items = r.count('items') ?? 0;
  const status = r.text('status');
  const refundText = r.text('refund');
  const refunded = isRefundText(status) || isRefundText(refundText) || REFUND_YES.test(refundText);
  const couponUsed = r.yesNo('couponUsed', false);
  return { orderId, buyer, created, paidAt, amount, items, status, refunded, couponUsed, remark: r.text('remark'), flag: r.text('flag') };
}

/** Longest a payment may follow its order (a deposit-and-balance pre-sale runs weeks, never a year). */
const MAX_PAYMENT_DELAY_DAYS = 366;

/** A payment before its order was created, or a year after it (2099), is a broken time stamp: the row is rejected rather than counted as paid. */
function checkPayment(r: RowReader, created: LocalTime, paidAt: LocalTime): void {
  if (paidAt < created) throw new RowProblem(r.header('paidAt'), 'import.reject.paidBeforeCreated', paymentTimes(created, paidAt));
  if (paidAt - created > MAX_PAYMENT_DELAY_DAYS * MS_PER_DAY) {
    throw new RowProblem(r.header('paidAt'), 'import.reject.paidTooLate', { ...paymentTimes(created, paidAt), days: MAX_PAYMENT_DELAY_DAYS });
  }
}

/** The times of a refused payment, formatted for its message only: checkPayment runs on every paid order. */
function paymentTimes(created: LocalTime, paidAt: LocalTime): Record<string, string> {
  return { paid: formatLocalTime(paidAt), created: formatLocalTime(created) };
}
