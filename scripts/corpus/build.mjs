/**
 * Builders shared by the corpus cases: realistic rows of each export, text in
 * each encoding, and the shapes of a manifest entry.
 */
import iconv from 'iconv-lite';
import JSZip from 'jszip';

export const DAY = '2026-11-03';
export const AGENTS = ['小丸子', '乔巴', '小明', '小红', '美美', '阿杰'];
export const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
/** Text a spreadsheet would run: a formula, a sign, an at, a tab or a CR first. */
export const INJECTIONS = ['=HYPERLINK("http://evil.example","点我")', '+SUM(1,2)', '-1+2', '@cmd', '\t=1+1', '\r=1+1'];

export const CONSULT_HEADER = ['买家昵称', '客服', '会话开始时间', '首次响应时长(秒)', '买家消息数', '客服消息数', '咨询类型'];
export const ORDER_HEADER = ['订单编号', '买家会员名', '订单创建时间', '订单付款时间', '实付金额', '宝贝总数量', '订单状态', '是否使用优惠券', '卖家备注', '旗帜'];
export const AGENT_DAY_HEADER = ['日期', '旺旺', '咨询人数', '询单人数', '最终付款人数', '询单->最终付款成功率', '销售额', '客单价', '首次响应(秒)', '答问比'];
export const ROSTER_HEADER = ['agent', 'agent_id', 'shift', 'base_pay', 'active'];
export const EVENTS_HEADER = ['date', 'agent', 'kind', 'reason', 'amount'];

const two = (n) => String(n).padStart(2, '0');

/** The i-th pre-sale chat of the day: a distinct buyer, agents in turn. */
export function consultation(i, over = {}) {
  const row = { buyer: `tb_${1000 + i}`, agent: AGENTS[i % AGENTS.length], start: `${DAY} ${two(9 + Math.floor(i / 60) % 12)}:${two(i % 60)}:00`, first: 5 + (i % 20), buyerMsgs: 4, agentMsgs: 4, category: '售前', ...over };
  return [row.buyer, row.agent, row.start, row.first, row.buyerMsgs, row.agentMsgs, row.category];
}

/** The i-th paid order: a 19-digit ID, the remark naming an agent ID 101–106. */
export function order(i, over = {}) {
  const row = {
    id: String(3301827345678901234n + BigInt(i) * 1000003n),
    buyer: `tb_${1000 + i}`,
    created: `${DAY} 10:${two(i % 60)}:00`,
    paid: `${DAY} 11:${two(i % 60)}:00`,
    amount: `${59 + i * 10}.00`,
    items: 1,
    status: '交易成功',
    coupon: '否',
    remark: String(101 + (i % AGENTS.length)),
    flag: '',
    ...over,
  };
  return [row.id, row.buyer, row.created, row.paid, row.amount, row.items, row.status, row.coupon, row.remark, row.flag];
}

/** The i-th agent's day in a 赤兔-style 客服绩效 export. */
export function agentDay(i, over = {}) {
  const inquiries = 60 + i * 3;
  const paid = 20 + i;
  const sales = paid * 180;
  const row = { date: DAY, agent: AGENTS[i % AGENTS.length], consultations: 80 + i * 4, inquiries, paid, rate: `${((paid / inquiries) * 100).toFixed(2)}%`, sales: sales.toFixed(2), price: (sales / paid).toFixed(2), first: '12.5', ratio: '1.02', ...over };
  return [row.date, row.agent, row.consultations, row.inquiries, row.paid, row.rate, row.sales, row.price, row.first, row.ratio];
}

export const range = (n) => Array.from({ length: n }, (_, i) => i);

const quoted = (delimiter) => (v) => {
  const s = String(v);
  return s.includes('"') || s.includes(delimiter) || /[\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows as delimited text, quoting as a careful exporter does. */
export function csv(rows, { delimiter = ',', eol = '\n', final = true } = {}) {
  const cell = quoted(delimiter);
  return rows.map((r) => r.map(cell).join(delimiter)).join(eol) + (final ? eol : '');
}

/** Lines written as they stand (damaged on purpose: no quoting added). */
export const lines = (list, eol = '\n') => list.join(eol) + eol;

export const utf8 = (text, bom = false) => Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
export const gbk = (text) => iconv.encode(text, 'gbk');
export const utf16le = (text, bom = true) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), iconv.encode(text, 'utf16le')]);
export const utf16be = (text, bom = true) => Buffer.concat([Buffer.from(bom ? [0xfe, 0xff] : []), iconv.encode(text, 'utf16be')]);

/** One table's counts through importFile; read = accepted + rejected + skipped (title lines above the header included). */
export const table = (kind, read, accepted, rejected = 0, skipped = 0, sheet = null) => {
  if (accepted + rejected + skipped !== read) throw new Error(`${kind}${sheet ? ` [${sheet}]` : ''}: ${accepted}+${rejected}+${skipped} is not ${read}`);
  return { sheet, kind, read, accepted, rejected, skipped };
};

/** The run line the CLI prints; stored + replaced + rejected + skipped = read. */
export const counts = (read, stored, replaced = 0, rejected = 0, skipped = 0) => {
  if (stored + replaced + rejected + skipped !== read) throw new Error(`run counts ${stored}+${replaced}+${rejected}+${skipped} are not ${read}`);
  return { read, stored, replaced, rejected, skipped };
};

/** The usual arguments: English, the corpus day, then the files (corpus names; the runner adds --out). */
export const args = (...files) => ['--lang', 'en', '--date', DAY, ...files];

/**
 * A manifest entry. role: data (goes through importFile), roster, events or
 * rules (read by the CLI beside a data file). import.messages are fragments of
 * the rejection reasons; cli.messages of the console output, cli.errors of
 * import-errors.csv. knownBugPart: 'import' or 'cli' when only that half fails.
 */
export function entry({ file, covers, bytes, role = 'data', tables = [], refused = [], messages = [], cli, knownBug, knownBugPart }) {
  const e = { file, covers, role };
  if (role === 'data') e.import = { tables, refused, messages };
  e.cli = cli;
  if (knownBug) e.known_bug = knownBug;
  if (knownBugPart) e.known_bug_part = knownBugPart;
  return { ...e, bytes };
}

const ZIP_DATE = new Date('2026-11-03T00:00:00Z');

/** The zip again with every entry dated alike, so a regenerated workbook has the same bytes (git sees no change). */
export async function fixedZip(bytes) {
  const from = await JSZip.loadAsync(bytes);
  const to = new JSZip();
  for (const name of Object.keys(from.files).sort()) {
    const entry = from.files[name];
    if (!entry.dir) to.file(name, await entry.async('nodebuffer'), { date: ZIP_DATE, createFolders: false });
  }
  return to.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
