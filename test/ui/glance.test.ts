/**
 * What a sidebar card states about a table, computed in Node from the real
 * sample files: counts that add up and agree with the CLI's run line, the
 * days of every kind, encodings in words, the first rejected rows; and a
 * roster sent whole through the uploader to the real server function,
 * retried after a lost answer without logging twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCounts } from '../../src/cli/runCounts';
import { t } from '../../src/i18n';
import { readTables } from '../../src/import';
import type { TableEncoding } from '../../src/import/types';
import { importSupervisorTable } from '../../src/sheets/supervisorImport';
import { daySpan, encodingKey, firstRejections, tableCounts } from '../../src/ui/sidebar/glance';
import { ServerError } from '../../src/ui/sidebar/server';
import { supervisorPayload } from '../../src/ui/sidebar/supervisor';
import { newTableState, type TableState } from '../../src/ui/sidebar/tables';
import { planUpload, runUpload } from '../../src/ui/sidebar/upload';
import { installFake } from '../sheets/helpers';

afterEach(() => vi.unstubAllGlobals());

const SAMPLES = join(__dirname, '../../samples');

async function cardOf(name: string, text?: string): Promise<TableState> {
  const bytes = text === undefined ? readFileSync(join(SAMPLES, name)) : new TextEncoder().encode(text);
  const raws = await readTables({ name, bytes }, { language: 'en' });
  return newTableState('t1', raws[0], 'en');
}

describe('card counts and days', () => {
  it.each(['agent_day.csv', 'consultations.csv', 'orders.csv'])('%s: read = to import + rejected + skipped, as the CLI counts it', async (name) => {
    const { result } = await cardOf(name);
    const counts = tableCounts(result!);
    expect(counts.read).toBe(counts.toImport + counts.rejected + counts.skipped);
    const cli = runCounts([result!], counts.toImport, { identical: 0, conflicts: 0 });
    expect([cli.read, cli.rejected, cli.skipped]).toEqual([counts.read, counts.rejected, counts.skipped]);
  });

  it('counts the title line above the header as read and skipped (the 96-read, 95-accepted, 2-skipped card)', async () => {
    const { result } = await cardOf('agent_day.csv');
    expect(tableCounts(result!)).toEqual({ read: 97, toImport: 95, rejected: 0, skipped: 2 });
  });

  it('gives the days of consultations and orders from their times, as of agent-days', async () => {
    const text = '订单编号,买家会员名,订单创建时间\n1,b1,2026-11-03 23:59:59\n2,b2,2026-11-01 00:00:00\n3,b3,2026-11-02 12:00:00\n';
    expect(daySpan((await cardOf('orders.csv', text)).result!)).toEqual({ first: '2026-11-01', last: '2026-11-03' });
    const chats = '买家昵称,客服,会话开始时间\nb1,小丸子,2026-11-05 08:00:00\n';
    expect(daySpan((await cardOf('chats.csv', chats)).result!)).toEqual({ first: '2026-11-05', last: '2026-11-05' });
  });

  it('names every encoding and format in words, in both languages', () => {
    const all: TableEncoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'xlsx', 'xls', 'xml', 'html'];
    expect(all.map((e) => t('en', encodingKey(e)))).toEqual([
      'UTF-8',
      'GBK (Chinese Windows)',
      'UTF-16',
      'UTF-16',
      'Excel (.xlsx)',
      'Excel 97–2003 (.xls)',
      'Excel 2003 XML (saved as .xls)',
      'Web page (HTML) saved as a spreadsheet',
    ]);
    expect(t('zh', encodingKey('gb18030'))).toBe('GBK（中文 Windows）');
  });

  it('lists the first rejected rows in file order and counts the rest', () => {
    const rejection = (row: number) => ({ file: 'f', sheet: null, row, column: 'c', reason: 'r', raw: [] });
    const { shown, more } = firstRejections([9, 2, 7, 4, 3, 8, 5].map(rejection));
    expect(shown.map((r) => r.row)).toEqual([2, 3, 4, 5, 7]);
    expect(more).toBe(2);
  });
});

describe('roster and events kept in a workbook', () => {
  it('reads a roster sheet of an .xlsx from its rows; a bad shift is rejected naming the sheet, a blank row skipped', () => {
    const raw = {
      file: '客服名单.xlsx',
      sheet: '名单',
      encoding: 'xlsx' as const,
      rows: [['客服名单 2026-11'], ['客服', '工号', '班次', '底薪'], ['小丸子', '101', '白班', '3000'], ['', '', '', ''], ['乔巴', '102', '中班', '3000']],
    };
    const card = newTableState('t1', raw, 'zh');
    expect(card.supervisor?.kind).toBe('roster');
    expect(card.supervisor?.headerRow).toBe(2);
    expect(card.supervisor?.agents.map((a) => a.name)).toEqual(['小丸子']);
    expect(card.supervisor?.rejected.map((r) => [r.sheet, r.row, r.column])).toEqual([['名单', 5, '班次']]);
    expect(card.supervisor?.counts).toEqual({ read: 4, toImport: 1, rejected: 1, skipped: 2 });
    expect(card.include).toBe(true);
  });
});

describe('roster through the uploader', () => {
  it('recognises the sample roster and stores it whole, once, even when the answer is lost and the call repeated', async () => {
    const fake = installFake();
    const card = await cardOf('roster.csv');
    expect(card.failure).toBeNull();
    expect(card.supervisor?.kind).toBe('roster');
    const upload = planUpload([{ whole: supervisorPayload(card.supervisor!, card.raw.file, card.raw.sheet) }], 'en');
    expect(upload.totalChunks).toBe(1);
    let calls = 0;
    const outcome = await runUpload(upload, {
      retryDelaysMs: [0],
      call: async (name, arg) => {
        expect(name).toBe('importSupervisorTable');
        const answer = importSupervisorTable(arg);
        if (++calls === 1) throw new ServerError(name, 'NetworkError: connection lost');
        return answer;
      },
    });
    expect(outcome).toEqual({ status: 'done' });
    expect(calls).toBe(2);
    expect(upload.summaries).toHaveLength(1);
    expect(upload.summaries[0]).toMatchObject({ kind: 'roster', rowsRead: 6, added: 6, replaced: 0, rejected: 0, skipped: 0 });
    expect(fake.spreadsheet.raw('Roster')!.getLastRow()).toBe(7);
    expect(fake.spreadsheet.raw('Import log')!.getLastRow()).toBe(2);
  });
});
