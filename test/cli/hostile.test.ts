/**
 * Issue 9 through the whole offline pipeline: agent names, buyers, order IDs,
 * remarks, event reasons and setting names that name Object.prototype's
 * members, look like formulas or carry terminal controls. Nothing crashes,
 * nothing is NaN, no CSV cell runs as a formula, nothing raw reaches the
 * terminal; a file given as --out and a roster with duplicates are refused.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { runCli } from '../../src/cli/main';

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const FORMULA_NAMES = ['=1+1', '+SUM(A1:A2)', '-2+3', '@cmd', '=HYPERLINK("http://x","y")'];
const CONTROL_NAMES = ['\u001b[31mred\u001b[0m', 'evil\u202Etxt.exe', 'c1\u009b2J', 'bell\u0007'];
const AGENTS = [...PROTO_NAMES, ...FORMULA_NAMES, ...CONTROL_NAMES];
/** C0 (but tab, LF), DEL, C1 and bidi controls: what no console line may hold. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: (string | number)[][]) => rows.map((r) => r.map((v) => field(String(v))).join(',')).join('\n') + '\n';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

function writeInputs(dir: string) {
  const path = (name: string) => join(dir, name);
  const consultations: (string | number)[][] = [['买家昵称', '客服', '会话开始时间', '首次响应时长(秒)', '买家消息数', '客服消息数', '咨询类型']];
  const orders: (string | number)[][] = [['订单编号', '买家会员名', '订单创建时间', '订单付款时间', '实付金额', '宝贝总数量', '订单状态', '是否使用优惠券', '卖家备注', '旗帜']];
  AGENTS.forEach((agent, i) => {
    const buyer = AGENTS[(i + 1) % AGENTS.length];
    consultations.push([buyer, agent, `2026-11-03 10:${String(i % 60).padStart(2, '0')}:00`, 5, 3, 3, '售前']);
    // Half the orders carry the agent's ID (commission), half a hostile remark (unattributed).
    const remark = i % 2 === 0 ? `ID${i}` : AGENTS[(i + 2) % AGENTS.length];
    orders.push([`=ORDER${i}`, buyer, `2026-11-03 11:${String(i % 60).padStart(2, '0')}:00`, `2026-11-03 12:00:00`, '100.00', 1, '交易成功', '否', remark, '']);
  });
  orders.push(['-1+1', '@buyer', '2026-11-03 11:00:00', '2026-11-03 12:00:00', '50.00', 1, '交易成功', '否', '+cmd', '']);
  orders.push(['-12.5', 'b', '2026-11-03 11:00:00', '2026-11-03 12:00:00', '50.00', 1, '交易成功', '否', '-', '']);
  writeFileSync(path('consultations.csv'), csv(consultations));
  writeFileSync(path('orders=1+1.csv'), csv(orders));
  writeFileSync(path('roster.csv'), csv([['agent', 'agent_id', 'shift', 'base_pay', 'active'], ...AGENTS.map((a, i) => [a, `ID${i}`, 'day', 1000, 'yes'])]));
  writeFileSync(
    path('events.csv'),
    csv([['date', 'agent', 'kind', 'reason', 'amount'], ...AGENTS.flatMap((a) => [['2026-11-03', a, 'reward', a, ''], ['2026-11-04', a, 'fine', a, '']])]),
  );
  writeFileSync(
    path('rules.csv'),
    csv([['setting', 'value', 'amount'], ...PROTO_NAMES.map((n) => [n, '1', '1']), ...PROTO_NAMES.map((n) => ['reward_per_item', n, 5]), ['commission_rate', '150%', ''], ...CONTROL_NAMES.map((n) => [n, '1', ''])]),
  );
  return path;
}

describe('hostile names through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-hostile-'));
  const out = join(dir, 'out');
  let result: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    const path = writeInputs(dir);
    result = await cli([
      '--out', out, '--lang', 'en', '--date', '2026-11-03',
      '--roster', path('roster.csv'), '--events', path('events.csv'), '--rules', path('rules.csv'),
      path('consultations.csv'), path('orders=1+1.csv'),
    ]);
  });

  test('exits 0 and reports every prototype-named setting as unknown, and the 150 % commission as out of range', () => {
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    for (const name of PROTO_NAMES) expect(result.out.some((l) => l.includes(`(${name.toLowerCase()}): unknown setting`)), name).toBe(true);
    expect(result.out.some((l) => l.includes('(commission_rate): 1.5 is outside 0..0.2'))).toBe(true);
  });

  test('payroll.csv pays every agent finite amounts: base 1000, 1 % commission on 100.00, the reward of its rule, a fine of 10', () => {
    const { header, rows } = readCsv(join(out, 'payroll.csv'));
    const col = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(AGENTS.length);
    for (const row of rows) {
      for (const cell of row.slice(col('Base pay'), col('Total') + 1)) expect(Number.isFinite(Number(cell)), `${row[0]}: ${cell}`).toBe(true);
      // reward_per_item is set for the prototype names only: other reasons have no rule and pay 0.
      expect(row[col('Rewards')], row[0]).toBe(PROTO_NAMES.includes(row[0]) ? '5.00' : '0.00');
      expect(row[col('Fines')], row[0]).toBe('10.00');
    }
    const paidCommission = rows.filter((r) => r[col('Commission')] === '1.00').length;
    expect(paidCommission).toBe(Math.ceil(AGENTS.length / 2));
  });

  test('no cell of any CSV starts like a formula unless it is a plain number, and none is NaN or Infinity', () => {
    const files = readdirSync(out).filter((f) => f.endsWith('.csv'));
    expect(files.sort()).toEqual(['daily.csv', 'import-errors.csv', 'payroll.csv', 'ranking.csv', 'review.csv', 'scorecard.csv', 'unattributed.csv']);
    let escaped = 0;
    for (const file of files) {
      const { header, rows } = readCsv(join(out, file));
      for (const cell of [...header, ...rows.flat()]) {
        if (FORMULA_START.test(cell)) expect(PLAIN_NUMBER.test(cell), `${file}: ${cell}`).toBe(true);
        if (cell.startsWith("'")) escaped++;
        expect(cell, file).not.toMatch(/^(NaN|-?Infinity)$/);
      }
    }
    const unattributed = readCsv(join(out, 'unattributed.csv')).rows;
    expect(unattributed.map((r) => r[0])).toContain("'=ORDER1");
    expect(unattributed.map((r) => r[0])).toContain("'-1+1");
    // A plain number stays a number; a lone '-' is text a spreadsheet would still try to parse.
    expect(unattributed.map((r) => r[0])).toContain('-12.5');
    expect(unattributed.find((r) => r[0] === '-12.5')?.[4]).toBe("'-");
    expect(escaped).toBeGreaterThan(AGENTS.length);
  });

  test('the escaped text reads back as written once the leading quote is dropped', () => {
    const { header, rows } = readCsv(join(out, 'payroll.csv'));
    const names = rows.map((r) => r[header.indexOf('Agent')]).map((n) => (n.startsWith("'") && FORMULA_START.test(n.slice(1)) ? n.slice(1) : n));
    for (const name of [...PROTO_NAMES, ...FORMULA_NAMES]) expect(names, name).toContain(name);
  });

  test('report.xlsx stores formula-like names as text cells, never as formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(out, 'report.xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    for (const name of FORMULA_NAMES) expect(texts, name).toContain(name);
  });

  test('no console line carries a control or bidi character', () => {
    for (const line of [...result.out, ...result.err]) expect(UNSAFE.test(line), JSON.stringify(line)).toBe(false);
    expect(result.out.some((l) => l.includes('\uFFFD[31mred'))).toBe(true);
  });
});

function readCsv(path: string) {
  const text = readFileSync(path, 'utf8');
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data as string[][];
  return { header: rows[0], rows: rows.slice(1) };
}

describe('refusals with a message and an exit code, never a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-refuse-'));
  const path = writeInputs(dir);

  test('--out naming an existing file exits 64 (usage) with a message naming it', async () => {
    const file = join(dir, 'taken.txt');
    writeFileSync(file, 'x');
    for (const out of [file, join(file, 'sub')]) {
      const { code, err } = await cli(['--out', out, '--lang', 'en', path('consultations.csv')]);
      expect(code).toBe(64);
      expect(err).toEqual([`--out ${out} is a file, not a directory: give a directory (it is created when missing).`]);
    }
    const zh = await cli(['--out', file, '--lang', 'zh', path('consultations.csv')]);
    expect(zh.err[0]).toContain('是一个文件而不是目录');
  });

  test('a roster with one ID on two people or one name twice exits 2, naming the rows, and writes nothing', async () => {
    const roster = join(dir, 'dup-roster.csv');
    writeFileSync(roster, csv([['agent', 'agent_id', 'shift', 'base_pay', 'active'], ['A', '101', 'day', 1, 'yes'], ['B', '101', 'day', 1, 'yes'], ['C', '103', 'day', 1, 'yes'], ['A', '104', 'day', 1, 'yes']]));
    const out = join(dir, 'dup-out');
    const { code, err } = await cli(['--out', out, '--lang', 'en', '--roster', roster, path('consultations.csv')]);
    expect(code).toBe(2);
    expect(err).toEqual([
      '  dup-roster.csv row 2 (agent): agent "A" is on rows 2, 5 of the roster: one row per agent.',
      '  dup-roster.csv row 2 (agent_id): agent ID "101" is on rows 2, 3 of the roster: one ID per agent.',
      '  dup-roster.csv row 3 (agent_id): agent ID "101" is on rows 2, 3 of the roster: one ID per agent.',
      '  dup-roster.csv row 5 (agent): agent "A" is on rows 2, 5 of the roster: one row per agent.',
      'Roster dup-roster.csv refused: an agent ID or name appears on more than one row (listed above). Fix the roster and run again; nothing was written.',
    ]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('a cell over Excel\'s limit through the CLI', () => {
  test('report.xlsx cuts it with the marker of --lang and the console names the cell; the CSV keeps it whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csdaily-long-'));
    const remark = '备注'.repeat(20_000);
    writeFileSync(
      join(dir, 'orders.csv'),
      csv([['订单编号', '买家会员名', '订单创建时间', '订单付款时间', '实付金额', '卖家备注'], ['880001', 'b1', '2026-11-03 10:00:00', '2026-11-03 10:05:00', '10', remark]]),
    );
    const out = join(dir, 'out');
    const { code, out: lines } = await cli(['--out', out, '--lang', 'zh', join(dir, 'orders.csv')]);
    expect(code).toBe(0);
    expect(lines.filter((l) => l.includes('被截断'))).toHaveLength(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(out, 'report.xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value)))));
    const cut = texts.find((t) => t.startsWith('备注备注'))!;
    expect(cut).toHaveLength(32_767);
    expect(cut.endsWith('…[已截断]')).toBe(true);
    expect(readCsv(join(out, 'unattributed.csv')).rows[0][4]).toBe(remark);
  });
});
