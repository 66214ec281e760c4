/**
 * The lines a table's card is made of (its format, dates, counts, first
 * rejected rows) and the context every view is drawn in.
 */
import { t, type Language, type MessageKey } from '../../i18n';
import type { Rejection } from '../../core/types';
import type { TableEncoding } from '../../import/types';
import { el } from './dom';
import { daySpanText, encodingKey, firstRejections, type TableCounts } from './glance';

export interface ViewContext {
  lang: Language;
  roster: ReadonlySet<string>;
}

/** Text encodings are named as such; spreadsheet formats as the program that made them. */
export function formatLine(ctx: ViewContext, encoding: TableEncoding): HTMLElement {
  const isText = encoding === 'utf-8' || encoding === 'gb18030' || encoding === 'utf-16le' || encoding === 'utf-16be';
  return el(
    'p',
    { className: 'row' },
    el('span', { text: t(ctx.lang, isText ? 'sidebar.encoding' : 'sidebar.format') }),
    el('span', { className: 'encoding', 'data-encoding': encoding, text: t(ctx.lang, encodingKey(encoding)) }),
  );
}

export function datesLine(ctx: ViewContext, span: { first: string; last: string } | null): HTMLElement | null {
  return span ? el('p', { className: 'row' }, el('span', { text: t(ctx.lang, 'sidebar.date') }), el('span', { className: 'dates', text: daySpanText(span) })) : null;
}

export function countsLine(ctx: ViewContext, counts: TableCounts): HTMLElement {
  return el('p', { className: 'counts', text: t(ctx.lang, 'sidebar.counts', { ...counts }) });
}

/** The first rejected rows with row, column and reason, and how many more: seen before anything is imported. */
export function rejectionsList(ctx: ViewContext, rejected: readonly Rejection[], title: MessageKey = 'sidebar.rejections.title'): HTMLElement | null {
  if (!rejected.length) return null;
  const { shown, more } = firstRejections(rejected);
  const items = shown.map((r) =>
    el('li', { text: r.column ? t(ctx.lang, 'sidebar.rejection.row', { row: r.row, column: r.column, reason: r.reason }) : t(ctx.lang, 'sidebar.rejection.rowOnly', { row: r.row, reason: r.reason }) }),
  );
  return el(
    'div',
    { className: 'rejections' },
    el('p', { className: 'error rejections-title', text: t(ctx.lang, title) }),
    el('ul', {}, ...items),
    more ? el('p', { className: 'note rejections-more', text: t(ctx.lang, 'sidebar.rejections.more', { count: more }) }) : null,
  );
}
