/**
 * review.csv on real files: the demo's raw chats and orders (each flagged
 * agent's list recomputed here by hand from the two CSVs under SPEC §6a and the
 * ranking rule of docs/decisions.md; paid before = the 30-day repurchase look-back), and the shared 赤兔 workbooks, which
 * carry no chats, so each flagged agent gets the export's own counts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

const ROOT = join(__dirname, '../..');
const SAMPLES = join(ROOT, 'samples');
const SHARED = join(ROOT, '../shared/real-exports/chitu-workbooks');
const DAY = '2026-11-14';
const HOUR = 3_600_000;
const wallClock = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);
const dayStart = (text: string) => Date.parse(`${text.slice(0, 10)}T00:00:00Z`);

function csvRows(path: string, encoding = 'utf-8'): string[][] {
  const text = iconv.decode(readFileSync(path), encoding).replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data as string[][];
}

async function run(args: string[]): Promise<{ dir: string; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-review-'));
  const lines: string[] = [];
  const code = await runCli(['--out', dir, ...args], (l) => lines.push(l), (l) => lines.push(l));
  expect(code).toBe(0);
  return { dir, lines };
}

interface Chat { buyer: string; agent: string; start: number; first: number | null; buyerMsgs: number; agentMsgs: number }
interface Order { buyer: string; created: number; paidAt: number | null; amount: number; refunded: boolean }
interface Inquiry { agent: string; buyer: string; opened: number; chats: Chat[]; orders: Order[] }

/** The demo's agent's unconverted inquiries of DAY as review.csv should list them, computed from the raw files alone. */
function byHand(agent: string, targetSec: number): { inquiries: number; rows: string[][] } {
  const chats: Chat[] = csvRows(join(SAMPLES, 'consultations.csv'))
    .slice(1)
    .filter((r) => r[6] === '售前')
    .map(([buyer, name, start, first, b, a]) => ({ buyer, agent: name, start: wallClock(start), first: first === '' ? null : Number(first), buyerMsgs: Number(b), agentMsgs: Number(a) }));
  const orders: Order[] = csvRows(join(SAMPLES, 'orders.csv'), 'gb18030')
    .slice(1)
    .map(([, buyer, created, paid, amount, , status]) => ({ buyer, created: wallClock(created), paidAt: paid ? wallClock(paid) : null, amount: Number(amount), refunded: status === '退款成功' }));
  // Step 1: per agent and buyer in time order, a chat more than 24 h after the open inquiry's first chat opens a new one.
  const inquiries: Inquiry[] = [];
  const open = new Map<string, Inquiry>();
  for (const c of [...chats].sort((x, y) => x.start - y.start)) {
    const key = `${c.agent}|${c.buyer}`;
    const current = open.get(key);
    if (current && c.start - current.opened <= 24 * HOUR) current.chats.push(c);
    else {
      const inquiry = { agent: c.agent, buyer: c.buyer, opened: c.start, chats: [c], orders: [] };
      inquiries.push(inquiry);
      open.set(key, inquiry);
    }
  }
  // Step 2: an order goes to the buyer's latest inquiry (any agent; a tie to the name that sorts last) opened at or before it, inside its next-day window.
  const windowEnd = (i: Inquiry) => dayStart(new Date(i.opened).toISOString()) + 48 * HOUR;
  for (const o of orders) {
    const before = inquiries.filter((i) => i.buyer === o.buyer && i.opened <= o.created);
    const latest = before.sort((x, y) => y.opened - x.opened || (y.agent > x.agent ? 1 : -1))[0];
    if (latest && o.created < windowEnd(latest)) latest.orders.push(o);
  }
  const ofDay = inquiries.filter((i) => i.agent === agent && new Date(i.opened).toISOString().startsWith(DAY));
  const unpaid = ofDay.filter((i) => !i.orders.some((o) => o.paidAt != null && o.paidAt < windowEnd(i)));
  const picked = unpaid.map((i) => {
    const first = i.chats[0].first;
    const stake = i.orders.reduce((s, o) => s + o.amount, 0);
    const before = orders.filter((o) => o.buyer === i.buyer && o.paidAt != null && o.paidAt < i.opened && o.paidAt >= i.opened - 30 * 24 * HOUR && !o.refunded).reduce((s, o) => s + o.amount, 0);
    const keys = [
      ...(i.chats.every((c) => c.first == null) ? ['no_reply'] : []),
      ...(i.orders.length > 0 ? ['unpaid_order'] : []),
      ...(first != null && first > targetSec ? ['slow_first_response'] : []),
      ...(before > 0 ? ['returning_buyer'] : []),
    ];
    const tier = ['no_reply', 'unpaid_order', 'slow_first_response', 'returning_buyer'].findIndex((k) => keys.includes(k));
    const buyerMsgs = i.chats.reduce((s, c) => s + c.buyerMsgs, 0);
    return { i, first, stake, before, keys, buyerMsgs, sortKey: [tier < 0 ? 4 : tier, -(stake + before), -buyerMsgs, -(first ?? 1e300), i.opened] };
  });
  picked.sort((x, y) => {
    for (let k = 0; k < x.sortKey.length; k++) if (x.sortKey[k] !== y.sortKey[k]) return x.sortKey[k] - y.sortKey[k];
    return x.i.buyer < y.i.buyer ? -1 : 1;
  });
  const time = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const rows = picked.slice(0, 5).map((p, n) => [
    String(n + 1), String(unpaid.length), String(ofDay.length), p.i.buyer, time(p.i.opened), String(p.i.chats.length), p.first == null ? '' : p.first.toFixed(2),
    String(p.buyerMsgs), String(p.i.chats.reduce((s, c) => s + c.agentMsgs, 0)), p.stake.toFixed(2), p.before.toFixed(2), p.keys.join(';'),
  ]);
  return { inquiries: ofDay.length, rows };
}

/** A daily.csv row whose Flag keys column names a flag that calls for reading the chats. */
const flaggedForReview = (dailyHeader: string[]) => (row: string[]) =>
  /below_team_conversion|slow_first_response|low_response_rate/.test(row[dailyHeader.indexOf('Flag keys')]);

describe('review.csv of the demo (raw chats and orders)', () => {
  let header: string[];
  let rows: string[][];
  let lines: string[];
  beforeAll(async () => {
    const args = ['--lang', 'en', '--now', '2026-11-15T09:00', '--date', DAY, '--roster', join(SAMPLES, 'roster.csv'), '--rules', join(SAMPLES, 'rules.csv'), join(SAMPLES, 'consultations.csv'), join(SAMPLES, 'orders.csv')];
    const result = await run(args);
    lines = result.lines;
    [header, ...rows] = csvRows(join(result.dir, 'review.csv'));
    const daily = csvRows(join(result.dir, 'daily.csv'));
    // The agents the Daily flags for review (below team conversion, slow first response, low response rate).
    flagged = daily.slice(1).filter(flaggedForReview(daily[0])).map((r) => r[1]);
    unflagged = daily.slice(1).map((r) => r[1]).filter((a) => !flagged.includes(a));
  }, 120_000);
  let flagged: string[] = [];
  let unflagged: string[] = [];
  const col = (name: string) => header.indexOf(name);

  it('lists, for each flagged agent, the unconverted inquiries computed by hand, in the documented order, at most 5', () => {
    expect(flagged).toEqual(['小明', '阿杰']);
    const wanted = ['#', 'Unconverted inquiries', 'Inquiries', 'Buyer', 'First message', 'Chats', 'First response (s)', 'Buyer messages', 'Agent messages', 'Ordered, not paid', 'Paid before', 'Reason keys'].map(col);
    expect(wanted.every((i) => i >= 0)).toBe(true);
    for (const agent of flagged) {
      const hand = byHand(agent, 20);
      expect(hand.rows.length).toBe(5);
      const listed = rows.filter((r) => r[col('Agent')] === agent).map((r) => wanted.map((i) => r[i]));
      expect(listed).toEqual(hand.rows);
    }
  });

  it('says why each was picked in words, and how many more there are', () => {
    const first = rows.find((r) => r[col('Agent')] === '小明')!;
    expect(first[col('Why')]).toBe('ordered 299.00, not paid; buyer messages: 11');
    expect(first[col('Flags')]).toBe('below team conversion: review chats; slow first response');
    // 89 inquiries of the day, 26 paid (the Daily's figures): 63 unconverted, 5 listed.
    expect([first[col('Unconverted inquiries')], first[col('Inquiries')]]).toEqual(['63', '89']);
    expect(lines).toContain(`Chats to review ${DAY}: 10 listed for 2 flagged agents`);
  });

  it('gives an agent who is not flagged no rows', () => {
    expect(unflagged).toContain('美美');
    expect(unflagged).toContain('乔巴');
    for (const agent of unflagged) expect(rows.filter((r) => r[col('Agent')] === agent)).toEqual([]);
  });
});

describe.skipIf(!existsSync(SHARED))('review.csv of the shared 赤兔 workbooks (exports only)', () => {
  it('gives each flagged agent one line with the export\'s slow-response and unanswered counts', async () => {
    const files = readdirSync(SHARED).filter((f) => f.endsWith('.xlsx')).map((f) => join(SHARED, f));
    const { dir, lines } = await run(['--lang', 'en', '--now', '2026-05-03T09:00', '--date', '2026-05-02', ...files]);
    const [header, ...rows] = csvRows(join(dir, 'review.csv'));
    const col = (name: string) => header.indexOf(name);
    const [dailyHeader, ...daily] = csvRows(join(dir, 'daily.csv'));
    const flagged = daily.filter(flaggedForReview(dailyHeader)).map((r) => r[1]);
    expect(flagged.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[col('Agent')])).toEqual(flagged);
    // The counts as the 客服数据 sheet states them for 2026-05-02 (慢响应人数, 未回复人数).
    const counts = Object.fromEntries(rows.map((r) => [r[col('Agent')], [r[col('Slow responses (export)')], r[col('Unanswered (export)')]]]));
    expect(counts).toEqual({ bob: ['1', '0'], liz: ['0', '0'], melissa: ['2', '0'] });
    for (const r of rows) {
      expect(r[col('Reason keys')]).toBe('chats_not_imported');
      expect(r[col('Buyer')]).toBe('');
      expect(r[col('Why')]).toMatch(/^chats not imported; the export counts slow responses: \d+, unanswered: \d+$/);
    }
    expect(lines.some((l) => l.startsWith('Chats to review 2026-05-02: chats not imported'))).toBe(true);
  }, 120_000);
});
