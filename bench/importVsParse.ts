/**
 * Issue 11's import target: CS Daily's whole import of a 100 k-row GBK CSV
 * (decode, parse, detect, map, validate, typed records) against the raw
 * floor of `TextDecoder('gbk')` + papaparse on the same bytes, in one
 * process. Two files: the chats of the engine bench and an
 * order list (19-digit IDs, two times, money) as 千牛 writes it. Best of 15
 * runs each: both figures are a few hundred milliseconds and move by a fifth
 * from run to run.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { importFile } from '../src/import';
import { uniformShop } from './engineData';

const ROWS = 100_000;

export interface ImportFigure {
  file: string;
  rows: number;
  megabytes: number;
  importMs: number;
  rawMs: number;
}

function chatsCsv(): string {
  const shop = uniformShop(Math.round((ROWS * 4) / 3));
  const lines = shop.consultations.map((c) => `${c.buyer},${c.agent},${new Date(c.start).toISOString().slice(0, 19).replace('T', ' ')},${c.firstResponseSec ?? ''},${c.buyerMessages},${c.agentMessages},售前`);
  return `买家昵称,客服,会话开始时间,首次响应时长(秒),买家消息数,客服消息数,咨询类型\n${lines.join('\n')}`;
}

function ordersCsv(): string {
  const lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const time = new Date(Date.UTC(2026, 10, 1) + ((i * 26_000) % (30 * 86_400_000))).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`3301827${String(i * 7).padStart(12, '0')},买家${i % 31_000},${time},${i % 5 ? time : ''},${(i % 997) + 0.5},${1 + (i % 3)},交易成功,${i % 4 ? '' : `客服${1000 + (i % 90)}`}`);
  }
  return `订单编号,买家会员名,订单创建时间,订单付款时间,买家实际支付金额,宝贝总数量,订单状态,订单备注\n${lines.join('\n')}`;
}

async function bestOf(runs: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export async function importVsParse(runs = 15): Promise<ImportFigure[]> {
  const figures: ImportFigure[] = [];
  for (const [file, text] of [['chats_gbk.csv', chatsCsv()], ['orders_gbk.csv', ordersCsv()]] as const) {
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    let rows = 0;
    const rawMs = await bestOf(runs, () => Papa.parse<string[]>(new TextDecoder('gbk').decode(bytes), { header: false }).data.length);
    const importMs = await bestOf(runs, async () => {
      const { tables } = await importFile({ name: file, bytes });
      rows = tables[0].consultations.length + tables[0].orders.length;
    });
    if (rows !== ROWS) throw new Error(`${file}: ${rows} records stored of ${ROWS}`);
    figures.push({ file, rows, megabytes: bytes.length / 1_048_576, importMs, rawMs });
  }
  return figures;
}
