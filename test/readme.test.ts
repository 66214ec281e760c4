/**
 * The README's examples run as written from a fresh clone: every `sh` block
 * is run line by line in a copy of the repository's top level (so `out/`
 * lands in a scratch directory), every `console` block's command is run and
 * its transcript compared with the real output, and the facts the README
 * states about the reports (the tabs a build writes, the spreadsheet grid)
 * are checked against the code and against themselves.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

interface Block {
  lang: string;
  lines: string[];
  /** 1-based line of the opening fence. */
  at: number;
}

function fencedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  text.split('\n').forEach((line, i) => {
    const fence = /^```(\S*)\s*$/.exec(line);
    if (!open && fence) open = { lang: fence[1], lines: [], at: i + 1 };
    else if (open && /^```\s*$/.test(line)) {
      blocks.push(open);
      open = null;
    } else if (open) open.lines.push(line);
  });
  return blocks;
}

/** Commands a test cannot run inside `npm test`: the install it runs after, and itself. */
const NOT_RUN: Record<string, string> = { 'npm ci': 'CI runs it before npm test', 'npm test': 'this test is part of it' };

/** The repository's top level, linked into a scratch directory: commands run there as in a clone, their output stays there. */
function scratchClone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csdaily-readme-'));
  for (const name of readdirSync(ROOT)) if (!['.git', 'out', 'release', 'test-results.json'].includes(name)) symlinkSync(join(ROOT, name), join(dir, name));
  return dir;
}

/** A shell without the npm variables of the `npm test` that runs this file, as a user's terminal would be. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('npm_')) env[key] = value;
  return { ...env, LANG: 'en_US.UTF-8' };
}

const runs = new Map<string, { status: number | null; stdout: string; stderr: string; dir: string }>();
function run(command: string) {
  let result = runs.get(command);
  if (!result) {
    const dir = scratchClone();
    const done = spawnSync('sh', ['-c', command], { cwd: dir, env: shellEnv(), encoding: 'utf8', timeout: 240_000 });
    result = { status: done.status, stdout: done.stdout, stderr: done.stderr, dir };
    runs.set(command, result);
  }
  return result;
}

const commandOf = (line: string) => line.replace(/\s+#.*$/, '').trim();

/**
 * A transcript matches when its lines are the real output's lines in order,
 * adjacent except where the transcript has a line `…` (any number of lines).
 * npm's own header (`> name@version script`, `> command`) is not shown.
 */
function transcriptMismatch(expected: string[], actualText: string): string | null {
  const actual = actualText.replace(/\n$/, '').split('\n');
  while (actual.length > 0 && (actual[0].trim() === '' || actual[0].startsWith('> '))) actual.shift();
  let at = 0;
  let gap = false;
  for (const line of expected) {
    if (line.trim() === '…') {
      gap = true;
      continue;
    }
    const found = gap ? actual.indexOf(line, at) : actual[at] === line ? at : -1;
    if (found < 0) return `"${line}" not found ${gap ? 'after' : 'right after'} line ${at} of the real output:\n${actual.slice(Math.max(0, at - 2), at + 4).join('\n')}`;
    at = found + 1;
    gap = false;
  }
  return gap || at === actual.length ? null : `the real output goes on after the transcript ends (add a line … ): "${actual[at]}"`;
}

const blocks = fencedBlocks(README);

describe('README examples', () => {
  test('every command block is tagged: sh (run here), console (a transcript checked here) or text (a synopsis)', () => {
    const untagged = blocks.filter((b) => b.lang === '' && /^(\$ |npm |npx )/.test(b.lines[0] ?? '')).map((b) => `README.md line ${b.at}`);
    expect(untagged).toEqual([]);
    expect(blocks.filter((b) => b.lang === 'sh').length).toBeGreaterThanOrEqual(2);
    expect(blocks.filter((b) => b.lang === 'console').length).toBeGreaterThanOrEqual(1);
  });

  const commands = blocks.filter((b) => b.lang === 'sh').flatMap((b) => b.lines.map(commandOf).filter((c) => c !== '').map((command) => ({ command, at: b.at })));
  for (const { command, at } of commands) {
    test.skipIf(command in NOT_RUN)(`line ${at}: ${command}${NOT_RUN[command] ? ` (not run: ${NOT_RUN[command]})` : ''}`, () => {
      const result = run(command);
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
      expect(result.status, result.stderr).toBe(0);
      // A report run says what it wrote, and wrote it.
      const wrote = /^(?:Wrote|已写入) (.*report\.xlsx)$/m.exec(result.stdout);
      if (/npm run (report|demo)\b/.test(command)) expect(wrote && existsSync(join(result.dir, wrote[1])), result.stdout).toBe(true);
      else expect(result.stdout.trim()).not.toBe('');
    });
  }

  for (const block of blocks.filter((b) => b.lang === 'console')) {
    const command = block.lines[0].replace(/^\$ /, '');
    test(`line ${block.at}: the transcript of ${command} is what it prints`, () => {
      expect(block.lines[0].startsWith('$ ')).toBe(true);
      const result = run(command);
      expect(result.status, result.stderr).toBe(0);
      expect(transcriptMismatch(block.lines.slice(1), result.stdout)).toBeNull();
    });
  }

  test('the transcript check fails on a missing, an extra or a changed line', () => {
    const real = '\n> cs-daily@0.1.0 demo\n> tsx x\n\na\nb\nc\nd\n';
    expect(transcriptMismatch(['a', 'b', 'c', 'd'], real)).toBeNull();
    expect(transcriptMismatch(['a', '…', 'd'], real)).toBeNull();
    expect(transcriptMismatch(['a', 'b', '…'], real)).toBeNull();
    expect(transcriptMismatch(['a', 'c', 'd'], real)).not.toBeNull();
    expect(transcriptMismatch(['a', 'b', 'c'], real)).not.toBeNull();
    expect(transcriptMismatch(['a', 'b', 'x', 'c', 'd'], real)).not.toBeNull();
  });
});

describe('what the README says about the reports', () => {
  let tabs: string[] = [];
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'csdaily-readme-tabs-'));
    const sample = (name: string) => join(ROOT, 'samples', name);
    await runCli(['--out', out, '--lang', 'en', '--now', '2026-11-15T09:00', '--roster', sample('roster.csv'), sample('consultations.csv'), sample('orders.csv')], () => {}, () => {});
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'report.xlsx'));
    tabs = book.worksheets.map((sheet) => sheet.name);
  });

  test('"Build all reports" names every tab a build writes', () => {
    const line = README.split('\n').find((l) => l.includes('Build all reports*: the'))!;
    const named = [...line.matchAll(/\*([^*]+)\*/g)].map((m) => m[1]).filter((name) => !name.includes('→'));
    expect(tabs.length).toBeGreaterThanOrEqual(6);
    expect(named).toEqual(tabs);
  });

  test('the "A morning" grid: every column letter stands over its column in every row', () => {
    const start = README.indexOf('## A morning with CS Daily');
    const grid = fencedBlocks(README.slice(start))[0].lines;
    const width = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
    /** Display columns where each field (cells are parted by two spaces or more) starts. */
    const starts = (line: string) => [...line.matchAll(/(?:^|\s{2,})(\S)/g)].map((m) => width(line.slice(0, m.index! + m[0].length - 1)));
    const letters = starts(grid[0]);
    expect(grid[0].trim().split(/\s+/)).toEqual(['A', 'B', 'C', 'D', 'E'].slice(0, letters.length));
    const rows = grid.slice(1).filter((line) => starts(line).length > 1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(starts(row), row).toEqual(expect.arrayContaining(letters));
  });
});

describe('the no-Node install guide (docs/INSTALL.md)', () => {
  const guide = readFileSync(join(ROOT, 'docs/INSTALL.md'), 'utf8');
  const steps = [...guide.matchAll(/^\| (\d+) \| (.*) \| (.*) \|$/gm)].map((m) => ({ n: Number(m[1]), en: m[2], zh: m[3] }));

  test('its steps are numbered 1…N, and the README gives that number', () => {
    expect(steps.map((s) => s.n)).toEqual(steps.map((_, i) => i + 1));
    const words = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen'];
    expect(README).toContain(`${words[steps.length]} steps`);
  });

  test('the first step unzips the package; Code.gs and Sidebar.html are opened in a text editor (en and zh)', () => {
    expect(steps[0].en).toMatch(/^Unzip/);
    expect(steps[0].zh).toMatch(/^先解压/);
    for (const file of ['Code.gs', 'Sidebar.html']) {
      const step = steps.find((s) => s.en.includes(`Open \`${file}\``))!;
      expect(step.en).toMatch(/text editor/);
      expect(step.zh).toMatch(/文本编辑器/);
    }
  });

  test('the HTML file\'s name is tied to the sidebar, not to the menu', () => {
    const noMenu = guide.split('\n').find((l) => l.startsWith('- No menu after reload'))!;
    expect(noMenu).not.toMatch(/HTML|Sidebar/);
    expect(guide).toContain('No HTML file named Sidebar was found');
  });
});
