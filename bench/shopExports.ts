/**
 * Writes a realistic shop's raw exports (chat records as UTF-8, the order list
 * as GB18030, as 千牛 downloads it) to a directory, for the scale bench and the
 * CLI scale test. The data is generated at run time and never committed.
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import iconv from 'iconv-lite';

const DAY = 86_400_000;

export interface ShopSize {
  consultations: number;
  orders: number;
  agents?: number;
  days?: number;
  /** First day of the month covered (UTC midnight). */
  start?: number;
}

export interface ShopFiles {
  roster: string;
  consultations: string;
  orders: string;
  /** Rows written per file (header excluded), to check the run's counts against. */
  rows: { consultations: number; orders: number };
  /** Rows written as a repeat of an earlier key (the CLI replaces them). */
  repeats: { consultations: number; orders: number };
  /** Rows written broken on purpose (the CLI rejects them). */
  broken: { consultations: number; orders: number };
}

/** A deterministic pseudo-random sequence, so runs compare. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Writes lines through a stream in blocks, so a million rows never sit in memory as one string. */
async function writeLines(path: string, header: string, count: number, line: (i: number) => string, encoding: 'utf8' | 'gb18030'): Promise<void> {
  const out = createWriteStream(path);
  const encode = (text: string) => (encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030'));
  out.write(encode(encoding === 'utf8' ? `\ufeff${header}\n` : `${header}\n`));
  let block: string[] = [];
  for (let i = 0; i < count; i++) {
    block.push(line(i));
    if (block.length === 20_000 || i === count - 1) {
      if (!out.write(encode(`${block.join('\n')}\n`))) await once(out, 'drain');
      block = [];
    }
  }
  out.end();
  await once(out, 'finish');
}

const CATEGORIES = ['售前', '售前', '售前', '售前', '售前', '售前', '售后', '售后', '赠品'];
const STATUSES = ['交易成功', '交易成功', '交易成功', '卖家已发货', '等待买家付款', '交易关闭'];

/**
 * A shop of `agents` agents over `days` days: chats spread over the day,
 * buyers who come back, orders after a chat, remarks naming the agent's ID.
 * One row in 5 000 is broken (a bad time) and one in 2 000 repeats an earlier key.
 */
export async function writeShopExports(dir: string, size: ShopSize): Promise<ShopFiles> {
  const agents = size.agents ?? 100;
  const days = size.days ?? 30;
  const start = size.start ?? Date.UTC(2026, 9, 1);
  const rnd = random(7);
  const buyers = Math.max(1, Math.round(size.consultations / 3));
  const roster = join(dir, 'roster.csv');
  const rosterLines = ['agent,agent_id,shift,base_pay,active'];
  for (let a = 0; a < agents; a++) rosterLines.push(`客服${a},${1000 + a},${a % 5 === 0 ? 'night' : 'day'},3000,yes`);
  writeFileSync(roster, `${rosterLines.join('\n')}\n`, 'utf8');

  const repeats = { consultations: 0, orders: 0 };
  const broken = { consultations: 0, orders: 0 };
  // The previous row's line, kept to write a repeat of it now and then.
  let previous = '';
  // Each chat's buyer and time, so most orders can follow a chat of the same buyer (typed arrays: 12 bytes a chat).
  const chatBuyer = new Int32Array(size.consultations);
  const chatTime = new Float64Array(size.consultations);
  const consultations = join(dir, 'consultations.csv');
  await writeLines(
    consultations,
    '买家昵称,客服,会话开始时间,首次响应时长(秒),买家消息数,客服消息数,咨询类型',
    size.consultations,
    (i) => {
      if (i % 2000 === 1999 && previous) {
        repeats.consultations++;
        chatBuyer[i] = chatBuyer[i - 1];
        chatTime[i] = chatTime[i - 1];
        return previous;
      }
      const when = start + Math.floor(rnd() * days * DAY);
      const buyer = Math.floor(rnd() * buyers);
      chatBuyer[i] = buyer;
      chatTime[i] = when;
      const time = i % 5000 === 4999 ? (broken.consultations++, '昨天下午') : stamp(when);
      const response = rnd() < 0.03 ? '' : String(Math.floor(rnd() * 60));
      const line = `tb_${buyer},客服${Math.floor(rnd() * agents)},${time},${response},${1 + Math.floor(rnd() * 12)},${Math.floor(rnd() * 12)},${CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]}`;
      previous = time === '昨天下午' ? previous : line;
      return line;
    },
    'utf8',
  );

  previous = '';
  const orders = join(dir, 'orders.csv');
  await writeLines(
    orders,
    '订单编号,买家会员名,订单创建时间,订单付款时间,实付金额,宝贝总数量,订单状态,是否使用优惠券,卖家备注,旗帜',
    size.orders,
    (i) => {
      if (i % 2000 === 1999 && previous) {
        repeats.orders++;
        return previous;
      }
      // Two orders in three follow a chat of the same buyer within a few hours; the rest come without one.
      const chat = rnd() < 0.67 && size.consultations > 0 ? Math.floor(rnd() * size.consultations) : -1;
      const buyer = chat >= 0 ? chatBuyer[chat] : Math.floor(rnd() * buyers);
      const created = chat >= 0 ? chatTime[chat] + Math.floor(rnd() * 6 * 3_600_000) : start + Math.floor(rnd() * days * DAY);
      const status = STATUSES[Math.floor(rnd() * STATUSES.length)];
      const paid = status !== '等待买家付款' && status !== '交易关闭';
      const amount = i % 5000 === 4999 ? (broken.orders++, '三百') : (Math.round(rnd() * 50000) / 100).toFixed(2);
      const remark = rnd() < 0.8 ? `客服${1000 + Math.floor(rnd() * agents)} 已核对` : '';
      const line = `${880_000_000 + i},tb_${buyer},${stamp(created)},${paid ? stamp(created + Math.floor(rnd() * 3_600_000)) : ''},${amount},${1 + Math.floor(rnd() * 3)},${status},${rnd() < 0.2 ? '是' : '否'},${remark},`;
      previous = amount === '三百' ? previous : line;
      return line;
    },
    'gb18030',
  );
  return { roster, consultations, orders, rows: { consultations: size.consultations, orders: size.orders }, repeats, broken };
}
