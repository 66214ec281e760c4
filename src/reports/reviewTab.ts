/**
 * The chats-to-review tab (待复盘会话) and review.csv: for each agent the Daily
 * flags, the day's unconverted inquiries most worth reading (chatReview.ts),
 * with buyer and time to find them in 千牛 and why each was picked; or, for an
 * agent-day known from exports only, the export's own counts.
 */
import type { CsvTable, SpecValue, TabSpec } from './types';
import { formatLocalTime } from '../core/dates';
import { t, type Language, type MessageKey } from '../i18n';
import type { ReportData } from './data';
import { agentLabel } from './dailyAgents';
import { addTitle, COLOURS, emptyTab, fitRowHeights, setWidths, tableBlock, wrappedLines, type Column } from './layout';
import { csvCount, csvMoney, csvNumber, moneyText } from './format';
import { REVIEW_CAP, type AgentReview, type ChatReview, type ReviewChat } from './chatReview';

const separator = (lang: Language) => (lang === 'zh' ? '；' : '; ');
const secondsText = (sec: number) => String(Math.round(sec * 10) / 10);

/** Why the chat was picked, in words: its reasons, then its buyer messages. */
export function whyText(chat: ReviewChat, lang: Language, targetSec: number): string {
  const words = chat.reasons.map((reason) => {
    const key = `review.reason.${reason}` as MessageKey;
    if (reason === 'unpaid_order') return t(lang, key, { amount: moneyText(chat.unpaidAmount) });
    if (reason === 'returning_buyer') return t(lang, key, { amount: moneyText(chat.paidBefore) });
    if (reason === 'slow_first_response') return t(lang, key, { sec: secondsText(chat.firstResponseSec ?? 0), target: secondsText(targetSec) });
    return t(lang, key);
  });
  words.push(t(lang, 'review.reason.messages', { count: chat.buyerMessages }));
  return words.join(separator(lang));
}

/** The line an agent without listed chats gets (exports only, all paid, no inquiry), or the count of those left out. */
function agentLine(review: AgentReview, lang: Language): string | null {
  const { day } = review;
  if (review.source === 'rolled_up') return t(lang, 'review.rolledUp');
  if (review.source === 'exports') return t(lang, 'review.exportsOnly', { slow: day.slowResponses ?? '—', unanswered: day.unanswered ?? '—' });
  if (review.inquiries === 0) return t(lang, 'review.noInquiries');
  if (review.unconverted === 0) return t(lang, 'review.allPaid', { inquiries: review.inquiries });
  const more = review.unconverted - review.chats.length;
  return more > 0 ? t(lang, 'review.more', { more, unconverted: review.unconverted, inquiries: review.inquiries }) : null;
}

const flagsText = (review: AgentReview, lang: Language) => review.flags.map((f) => t(lang, `flag.${f}` as MessageKey)).join(separator(lang));

function tabColumns(lang: Language): Column[] {
  return [
    { header: t(lang, 'col.agent'), format: 'text', widthPx: 100 },
    { header: t(lang, 'review.col.rank'), format: 'integer', widthPx: 40 },
    { header: t(lang, 'col.buyer'), format: 'text', widthPx: 120 },
    { header: t(lang, 'review.col.firstMessage'), format: 'datetime', widthPx: 140 },
    { header: t(lang, 'col.firstResponseSec'), format: 'seconds', widthPx: 80 },
    { header: t(lang, 'review.col.buyerMessages'), format: 'integer', widthPx: 76 },
    { header: t(lang, 'review.col.unpaidOrder'), format: 'money', widthPx: 90 },
    { header: t(lang, 'review.col.paidBefore'), format: 'money', widthPx: 90 },
    { header: t(lang, 'review.col.why'), format: 'text', widthPx: 470, wrap: true },
  ];
}

/** The line heading an agent's chats: who, the Daily's flags, and how many are listed of how many (or why none are). */
function agentHeading(review: AgentReview, lang: Language): string {
  const count = agentLine(review, lang) ?? t(lang, 'review.allListed', { unconverted: review.unconverted, inquiries: review.inquiries });
  return [agentLabel(review.day), flagsText(review, lang), count].join(' · ');
}

/**
 * Each flagged agent under a heading row (name, flags, counts); under it its
 * chats, each with the buyer's nick and the first message's time to find it
 * in 千牛, the figures that picked it and why, in words.
 */
export function reviewTab(data: ReportData, review: ChatReview): TabSpec {
  const lang = data.input.language;
  const target = data.input.rules.firstResponseTargetSec;
  const tab = emptyTab('review', t(lang, 'tab.review'));
  if (review.agents.length === 0) {
    // Two lines and nothing else: the grid holds no empty table around them.
    tab.blocks.push({ row: 0, col: 0, values: [[t(lang, 'review.title', { date: review.date })], [t(lang, 'review.none', { date: review.date })]], rowStyles: [{ bold: true, color: COLOURS.title }] });
    tab.frozenRows = 1;
    return tab;
  }
  const columns = tabColumns(lang);
  addTitle(tab, 0, t(lang, review.provisional ? 'review.titleProvisional' : 'review.title', { date: review.date }), columns.length);
  const hint = t(lang, 'review.hint', { target: secondsText(target), cap: REVIEW_CAP });
  tab.blocks.push({ row: 1, col: 0, values: [[hint]], style: { italic: true, color: COLOURS.muted, wrap: true } });
  tab.merges.push({ row: 1, col: 0, rows: 1, cols: columns.length });
  setWidths(tab, columns);
  const widthPx = columns.reduce((s, c) => s + (c.widthPx ?? 0), 0);
  tab.rowHeights = { 1: Math.max(21, wrappedLines(hint, widthPx) * 17 + 4) };
  tab.frozenRows = 3;
  const rows: SpecValue[][] = [];
  const cellStyles: NonNullable<TabSpec['blocks'][number]['cellStyles']> = [];
  for (const agent of review.agents) {
    const label = agentLabel(agent.day);
    rows.push([agentHeading(agent, lang), null, null, null, null, null, null, null, null]);
    cellStyles.push({ row: rows.length, col: 0, style: { bold: true, background: COLOURS.note } });
    agent.chats.forEach((chat, i) => {
      rows.push([label, i + 1, chat.buyer, formatLocalTime(chat.opened), chat.firstResponseSec, chat.buyerMessages, chat.unpaidAmount || null, chat.paidBefore || null, whyText(chat, lang, target)]);
      if (chat.reasons.includes('no_reply') || chat.reasons.includes('unpaid_order')) cellStyles.push({ row: rows.length, col: 8, style: { background: COLOURS.bad } });
    });
  }
  tab.blocks.push(tableBlock(2, 0, columns, rows, cellStyles));
  fitRowHeights(tab, 2, columns, rows);
  return tab;
}

const CSV_COLUMNS: MessageKey[] = [
  'col.date', 'col.agent', 'col.flags', 'review.col.rank', 'review.col.unconverted', 'review.col.inquiries', 'col.buyer', 'review.col.firstMessage',
  'review.col.chats', 'col.firstResponseSec', 'review.col.buyerMessages', 'review.col.agentMessages', 'review.col.unpaidOrder', 'review.col.paidBefore',
  'review.col.why', 'review.col.slowResponses', 'review.col.unanswered', 'review.col.reasonKeys',
];

/** One row per listed chat; an agent with none listed gets one row saying why (exports only, with the export's counts; all paid; no inquiry). */
export function reviewCsv(data: ReportData, review: ChatReview): CsvTable {
  const lang = data.input.language;
  const target = data.input.rules.firstResponseTargetSec;
  const rows: SpecValue[][] = [];
  for (const agent of review.agents) {
    const head = [review.date, agentLabel(agent.day), flagsText(agent, lang)];
    const counts = agent.source === 'chats' ? [csvCount(agent.unconverted), csvCount(agent.inquiries)] : ['', ''];
    agent.chats.forEach((chat, i) => {
      rows.push([
        ...head, String(i + 1), ...counts, chat.buyer, formatLocalTime(chat.opened), csvCount(chat.chats), csvNumber(chat.firstResponseSec),
        csvCount(chat.buyerMessages), csvCount(chat.agentMessages), csvMoney(chat.unpaidAmount), csvMoney(chat.paidBefore),
        whyText(chat, lang, target), '', '', chat.reasons.join(';'),
      ]);
    });
    if (agent.chats.length > 0) continue;
    const exported = agent.source === 'exports';
    rows.push([
      ...head, '', ...counts, '', '', '', '', '', '', '', '', agentLine(agent, lang) ?? '',
      exported ? csvCount(agent.day.slowResponses) : '', exported ? csvCount(agent.day.unanswered) : '', exported ? 'chats_not_imported' : agent.source === 'rolled_up' ? 'chats_rolled_up' : 'nothing_unconverted',
    ]);
  }
  return { fileName: 'review.csv', header: CSV_COLUMNS.map((k) => t(lang, k)), rows };
}
