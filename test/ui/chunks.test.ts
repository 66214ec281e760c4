import { describe, expect, it } from 'vitest';
import type { ExportedAgentDay } from '../../src/core/types';
import type { ImportResult } from '../../src/import/types';
import { CHUNK_SIZE, chunksOf, newImportId } from '../../src/ui/sidebar/chunks';
import { planUpload } from '../../src/ui/sidebar/upload';

function agentDay(i: number): ExportedAgentDay {
  return { date: '2026-11-21', shop: '', agent: `agent ${i}`, source: 'agent_day:test', report: 'a', figures: { inquiries: i }, provisional: [] };
}

function result(records: number, rejected = 0, skipped = 0): ImportResult {
  return {
    file: 'a.csv',
    sheet: null,
    kind: 'agent_day',
    encoding: 'utf-8',
    headerRow: 1,
    mapping: {},
    unmappedHeaders: [],
    unusedHeaders: [],
    source: 'agent_day:test',
    report: 'a',
    date: null,
    rowsRead: records + rejected + skipped,
    shopDays: [],
    agentDays: Array.from({ length: records }, (_, i) => agentDay(i)),
    consultations: [],
    orders: [],
    rejected: Array.from({ length: rejected }, (_, i) => ({ file: 'a.csv', sheet: null, row: i + 2, column: '', reason: 'bad', raw: ['x'] })),
    skipped: Array.from({ length: skipped }, (_, i) => ({ row: i + 2, why: 'blank' as const, text: '' })),
  };
}

describe('chunksOf', () => {
  it('an empty table still makes one chunk, so the server logs it', () => {
    const chunks = chunksOf(result(0), 'imp');
    expect(chunks).toHaveLength(1);
    expect(chunks[0].chunkCount).toBe(1);
    expect(chunks[0].agentDays).toEqual([]);
  });

  it('cuts records, then rejects, then skipped rows into chunks of at most the size, in order', () => {
    const chunks = chunksOf(result(5, 2, 1), 'imp', 3);
    expect(chunks.map((c) => [c.agentDays.length, c.rejected.length, c.skipped.length])).toEqual([
      [3, 0, 0],
      [2, 1, 0],
      [0, 1, 1],
    ]);
    expect(chunks.map((c) => c.chunkIndex)).toEqual([0, 1, 2]);
    expect(chunks.every((c) => c.chunkCount === 3 && c.importId === 'imp' && c.rowsRead === 8)).toBe(true);
    expect(chunks.map((c) => c.chunkId)).toEqual(['imp#0', 'imp#1', 'imp#2']);
    expect(chunks.flatMap((c) => c.agentDays).map((a) => a.figures.inquiries)).toEqual([0, 1, 2, 3, 4]);
  });

  it('uses 500 items a chunk by default', () => {
    expect(CHUNK_SIZE).toBe(500);
    expect(chunksOf(result(1001), 'imp').map((c) => c.agentDays.length)).toEqual([500, 500, 1]);
  });

  it('refuses a chunk size below 1', () => {
    expect(() => chunksOf(result(1), 'imp', 0)).toThrow(/chunk size/);
  });

  it('survives a JSON round trip unchanged', () => {
    const [chunk] = chunksOf(result(2, 1, 1), 'imp');
    expect(JSON.parse(JSON.stringify(chunk))).toEqual(chunk);
  });

  it('gives different ids to imports started in the same millisecond', () => {
    expect(newImportId(1)).not.toBe(newImportId(1));
  });

  it('sends each duplicate-key line with the chunk that holds the record kept', () => {
    const table = result(5);
    // Agent 1's day again at the end, with other figures: read at rows 2 and 7 of the file, kept from the last.
    table.agentDays.push({ ...agentDay(1), figures: { inquiries: 99 } });
    table.recordRows = [2, 3, 4, 5, 6, 7];
    const chunks = planUpload([table], 'en', 2).tables[0].chunks;
    expect(chunks.map((c) => c.conflicts.length)).toEqual([0, 0, 1]);
    expect(chunks[2].agentDays.map((d) => d.figures.inquiries)).toContain(99);
    expect(chunks[2].conflicts[0]).toMatchObject({ file: 'a.csv', row: 3, column: '' });
    expect(chunks[2].conflicts[0].reason).toContain('agent 1 on 2026-11-21 in report a appears 2 times with different values (inquiries)');
  });
});
