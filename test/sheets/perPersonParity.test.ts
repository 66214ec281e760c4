/**
 * A per-person table whose name column the synonyms do not know, through both
 * edges (the CLI's loader and the sidebar's path into the BUILT bundle): its
 * people are stored as agent-days when a name column can be guessed, or every
 * row is rejected; never one shop-day row, and the four counts add up.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throughCli, throughSheets, type Stored } from '../support/ingestAdapters';

const dir = mkdtempSync(join(tmpdir(), 'per-person-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

const GUESSABLE = ['日期,花名,回复率,答问比,上班天数', '2026-05-01,winnie,100%,1.50,1', '2026-05-01,liz,95%,1.20,1', '2026-05-01,dianna,98%,0.90,1', '合计,,97%,1.20,3'];
const NAMELESS = ['日期,工号,回复率,答问比,上班天数', '2026-05-01,101,100%,1.50,1', '2026-05-01,102,95%,1.20,1', '2026-05-01,103,98%,0.90,1'];

async function bothEdges(path: string): Promise<{ cli: Stored; sheets: Stored }> {
  const args = ['--lang', 'en', path];
  return { cli: await throughCli(args), sheets: await throughSheets(args, 2) };
}

describe('a per-person table with an unknown name column, through the CLI and the built bundle', () => {
  it('is read as one agent-day per person when the name column can be guessed', async () => {
    const { cli, sheets } = await bothEdges(file('guessable.csv', GUESSABLE));
    for (const edge of [cli, sheets]) {
      expect(edge.records.shopDays).toEqual([]);
      expect(edge.records.agentDays.map((d) => d.agent).sort()).toEqual(['dianna', 'liz', 'winnie']);
      expect(edge.counts).toEqual({ read: 4, stored: 3, replaced: 0, rejected: 0, skipped: 1 });
    }
    expect(sheets.newAgents.sort()).toEqual(cli.newAgents.sort());
  });

  it('is refused row by row when no column can be the names: nothing stored, every row rejected', async () => {
    const { cli, sheets } = await bothEdges(file('nameless.csv', NAMELESS));
    for (const edge of [cli, sheets]) {
      expect(edge.records.shopDays).toEqual([]);
      expect(edge.records.agentDays).toEqual([]);
      expect(edge.counts).toEqual({ read: 3, stored: 0, replaced: 0, rejected: 3, skipped: 0 });
    }
  });
});
