/**
 * The *Build all reports* dialog in headless Chromium: the page the BUILT
 * bundle's menu item opens (read from the Spreadsheet fake's dialog), with
 * google.script.run stubbed (or bridged to the bundle itself). Its calls are
 * made one group at a time in order, the later ones given the first's day and
 * clock; a failure is shown and no later group is run; the end shows the owner's
 * message selected; in Chinese no English is left.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/import';
import { CHUNK_SIZE, chunksOf } from '../../src/ui/sidebar/chunks';
import { GROUP_ORDER } from '../../src/reports/reportGroups';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet';
import { loadBundle } from '../support/bundle';
import { strayWords } from '../support/latinWords';
import { launchChromium } from './chromium';

type Lib = Record<string, (...args: unknown[]) => string>;

interface StubAnswers {
  /** The group whose call fails, and its message. */
  fail?: { group: string; message: string };
  /** What each group answers (JSON of a GroupResult), by group. */
  answers: Record<string, string>;
  /** What the warm-up's calls answer in turn (JSON of a KeepResult; null: the call never answers); none = one call keeping nothing. */
  keeps?: (string | null)[];
  /** The warm-up's call that fails, by its number (0 = the first), and its message. */
  keepFails?: { call: number; message: string };
}

/** In the page, before its script: google.script.run answering from `config`, every call recorded on window.__calls. */
function installStub(config: StubAnswers & { bridge: boolean }): void {
  type Handler = ((value: unknown) => void) | null;
  const page = window as unknown as { __calls: unknown[][]; __server?: (...args: unknown[]) => Promise<string>; __keep?: (...args: unknown[]) => Promise<string>; google: unknown };
  page.__calls = [];
  let keepCalls = 0;
  function runner(success: Handler, failure: Handler): unknown {
    return {
      withSuccessHandler: (handler: Handler) => runner(handler, failure),
      withFailureHandler: (handler: Handler) => runner(success, handler),
      keepReportDays(date: unknown, now: unknown) {
        page.__calls.push(['keep', date, now]);
        const call = keepCalls++;
        const fallback = JSON.stringify({ now: 1_790_000_000_000, kept: 0, remaining: 0 });
        if (config.keeps?.[call] === null) return;
        const answer = config.bridge ? page.__keep!(date, now) : Promise.resolve(config.keeps?.[call] ?? fallback);
        setTimeout(() => {
          if (config.keepFails?.call === call) return failure?.(new Error(config.keepFails.message));
          answer.then((json) => success?.(json), (error: Error) => failure?.(error));
        }, 5);
      },
      buildReportGroup(group: string, date: unknown, now: unknown) {
        page.__calls.push([group, date, now]);
        const answer = config.bridge ? page.__server!(group, date, now) : Promise.resolve(config.answers[group]);
        setTimeout(() => {
          if (config.fail?.group === group) return failure?.(new Error(config.fail.message));
          answer.then((json) => success?.(json), (error: Error) => failure?.(error));
        }, 5);
      },
    };
  }
  page.google = { script: { run: runner(null, null) } };
}

/** The dialog's page as the built bundle's menu item makes it, in the spreadsheet's language. */
function dialogOf(locale: string): { fake: FakeSpreadsheetApp; lib: Lib; file: string } {
  const fake = new FakeSpreadsheetApp({ locale });
  const lib = loadBundle(fake.globals()) as Lib;
  lib.buildAllReports();
  expect(fake.ui.dialogs).toHaveLength(1);
  const file = join(mkdtempSync(join(tmpdir(), 'build-all-')), 'dialog.html');
  writeFileSync(file, fake.ui.dialogs[0].html.content!);
  return { fake, lib, file };
}

let browser: Promise<Browser> | null = null;
afterAll(async () => (await browser)?.close());

async function open(file: string, stub: StubAnswers, bridge?: Lib): Promise<{ page: Page; errors: string[] }> {
  browser = browser ?? launchChromium();
  const page = await (await browser).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (bridge) {
    await page.exposeFunction('__server', (group: string, date: string | null, now: number | null) => bridge.buildReportGroup(group, date, now));
    await page.exposeFunction('__keep', (date: string | null, now: number | null) => bridge.keepReportDays(date, now));
  }
  await page.addInitScript(installStub, { ...stub, bridge: Boolean(bridge) });
  await page.goto(pathToFileURL(file).href);
  return { page, errors };
}

const answer = (date: string, written: string[], ownerMessage: string[] = []) => JSON.stringify({ date, now: 1_790_000_000_000, written, ownerMessage, noData: false });
const ANSWERS = {
  daily: answer('2026-11-14', ['Daily', 'Data: import errors'], ['CS daily 2026-11-14', 'Conversion <b>31.0%</b>']),
  review: answer('2026-11-14', ['Chats to review']),
  ranking: answer('2026-11-14', ['Ranking']),
  payroll: answer('2026-11-14', ['Payroll', 'Scorecard']),
  unattributed: answer('2026-11-14', ['Unattributed']),
  coaching: answer('2026-11-14', []),
};

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls);
const statuses = (page: Page) => page.locator('#groups .status').allTextContents();

describe('the Build all reports dialog', () => {
  it('calls each group in order, the later ones with the first one\'s day and clock, then shows the owner\'s message selected', async () => {
    const { file } = dialogOf('en_US');
    const { page, errors } = await open(file, { answers: ANSWERS });
    await page.locator('#end.done').waitFor();
    expect(await calls(page)).toEqual([
      ['keep', null, null],
      ['daily', null, 1_790_000_000_000],
      ['review', '2026-11-14', 1_790_000_000_000],
      ['ranking', '2026-11-14', 1_790_000_000_000],
      ['payroll', '2026-11-14', 1_790_000_000_000],
      ['unattributed', '2026-11-14', 1_790_000_000_000],
      ['coaching', '2026-11-14', 1_790_000_000_000],
    ]);
    expect(await statuses(page)).toEqual(['written: Daily, Data: import errors', 'written: Chats to review', 'written: Ranking', 'written: Payroll, Scorecard', 'written: Unattributed', 'nothing to write']);
    expect(await page.locator('#end').textContent()).toBe('Every report of 2026-11-14 is written.');
    // The message is text, never markup, and selected for copying.
    expect(await page.locator('#owner').inputValue()).toBe('CS daily 2026-11-14\nConversion <b>31.0%</b>');
    expect(await page.evaluate(() => { const box = document.getElementById('owner') as HTMLTextAreaElement; return [document.activeElement === box, box.selectionStart, box.selectionEnd === box.value.length]; })).toEqual([true, 0, true]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('repeats the warm-up while days remain, showing its progress, every call after the first with its clock; then the groups', async () => {
    const { file } = dialogOf('en_US');
    const keep = (kept: number, remaining: number) => JSON.stringify({ now: 1_790_000_000_000, kept, remaining });
    const { page, errors } = await open(file, { answers: ANSWERS, keeps: [keep(6, 9), keep(5, 4), keep(4, 0)] });
    await page.locator('#end.done').waitFor();
    const made = await calls(page);
    expect(made.slice(0, 4)).toEqual([
      ['keep', null, null],
      ['keep', null, 1_790_000_000_000],
      ['keep', null, 1_790_000_000_000],
      ['daily', null, 1_790_000_000_000],
    ]);
    expect(made.map((c) => c[0])).toEqual(['keep', 'keep', 'keep', ...GROUP_ORDER]);
    expect(await page.locator('#keep').textContent()).toBe('ready (15 days computed now)');
    expect(await page.locator('#keep').getAttribute('class')).toBe('status done');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the warm-up\'s progress while it runs', async () => {
    const { file } = dialogOf('en_US');
    const keep = (kept: number, remaining: number) => JSON.stringify({ now: 1_790_000_000_000, kept, remaining });
    const { page, errors } = await open(file, { answers: ANSWERS, keeps: [keep(6, 9), null] });
    await page.locator('#keep', { hasText: '6 days computed, 9 to go…' }).waitFor();
    expect(await statuses(page)).toEqual(GROUP_ORDER.map(() => 'waiting'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a failed warm-up call and builds no group after it', async () => {
    const { file } = dialogOf('en_US');
    const keep = (kept: number, remaining: number) => JSON.stringify({ now: 1_790_000_000_000, kept, remaining });
    const { page, errors } = await open(file, { answers: ANSWERS, keeps: [keep(6, 9)], keepFails: { call: 1, message: 'Another import or report run is writing to this spreadsheet.' } });
    await page.locator('#end.error').waitFor();
    expect(await page.locator('#keep').textContent()).toBe('failed: Another import or report run is writing to this spreadsheet.');
    await page.waitForTimeout(100);
    // No group is built after a failed warm-up.
    expect((await calls(page)).map((c) => c[0])).toEqual(['keep', 'keep']);
    expect(await statuses(page)).toEqual(GROUP_ORDER.map(() => 'not built'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('builds the groups anyway, saying so, when a warm-up call keeps no day while some remain', async () => {
    const { file } = dialogOf('en_US');
    const keep = (kept: number, remaining: number) => JSON.stringify({ now: 1_790_000_000_000, kept, remaining });
    const { page, errors } = await open(file, { answers: ANSWERS, keeps: [keep(3, 4), keep(0, 4)] });
    await page.locator('#end.done').waitFor();
    expect((await calls(page)).map((c) => c[0])).toEqual(['keep', 'keep', ...GROUP_ORDER]);
    expect(await page.locator('#keep').textContent()).toBe('4 days could not be computed ahead: the reports compute them themselves, which takes longer');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a failure and runs no group after it', async () => {
    const { file } = dialogOf('en_US');
    const { page, errors } = await open(file, { answers: ANSWERS, fail: { group: 'ranking', message: 'Another import or report run is writing to this spreadsheet.' } });
    await page.locator('#end.error').waitFor();
    // Give a wrongly scheduled next call the time to be made.
    await page.waitForTimeout(100);
    expect((await calls(page)).map((c) => c[0])).toEqual(['keep', 'daily', 'review', 'ranking']);
    expect(await statuses(page)).toEqual([
      'written: Daily, Data: import errors',
      'written: Chats to review',
      'failed: Another import or report run is writing to this spreadsheet.',
      'not built',
      'not built',
      'not built',
    ]);
    expect(await page.locator('#end').textContent()).toContain('The groups after it were not built');
    expect(await page.locator('#owner').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in a Chinese spreadsheet holds no English, running or failed', async () => {
    const { file } = dialogOf('zh_CN');
    const zhAnswers = {
      daily: answer('2026-11-14', ['日报'], ['客服日报 2026-11-14', '询单转化率 31.0%']),
      review: answer('2026-11-14', ['待复盘会话']),
      ranking: answer('2026-11-14', ['客服排名']),
      payroll: answer('2026-11-14', ['绩效工资', '绩效考核表']),
      unattributed: answer('2026-11-14', ['无备注订单']),
      coaching: answer('2026-11-14', []),
    };
    const texts: string[] = [];
    const busy = '另一个导入或报表正在写入此表格，请稍后再试。';
    const keep = (kept: number, remaining: number) => JSON.stringify({ now: 1_790_000_000_000, kept, remaining });
    // Built; a group failed; the warm-up stuck; a warm-up call failed; the warm-up under way.
    const runs: { fail?: StubAnswers['fail']; keeps?: (string | null)[]; keepFails?: StubAnswers['keepFails']; waitFor: string }[] = [
      { keeps: [keep(6, 9), keep(9, 0)], waitFor: '#end.done' },
      { fail: { group: 'payroll', message: busy }, waitFor: '#end.error' },
      { keeps: [keep(3, 4), keep(0, 4)], waitFor: '#end.done' },
      { keeps: [keep(3, 4)], keepFails: { call: 1, message: busy }, waitFor: '#end.error' },
      { keeps: [keep(3, 4), null], waitFor: '#keep:has-text("还剩")' },
    ];
    for (const { fail, keeps, keepFails, waitFor } of runs) {
      const { page, errors } = await open(file, { answers: zhAnswers, fail, keeps, keepFails });
      texts.push(...(await page.locator('body').allInnerTexts()));
      await page.locator(waitFor).waitFor();
      texts.push(...(await page.locator('body').allInnerTexts()), await page.title());
      if (waitFor === '#end.done') texts.push(await page.locator('#owner').inputValue());
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(texts.join('')).toMatch(/[\u4e00-\u9fff]/);
    // The copy shortcut names the keys as printed on them (Ctrl+C / ⌘C), in every language.
    expect(strayWords(texts, new Set(), new Set(['Ctrl', 'C']))).toEqual([]);
  });

  it('driving the built bundle itself, writes every group\'s tabs and ends with the Daily\'s message', async () => {
    const { fake, lib, file } = dialogOf('en_US');
    for (const name of ['consultations.csv', 'orders.csv']) {
      const result = await importFile({ name, bytes: new Uint8Array(readFileSync(join(__dirname, '../../samples', name))) }, { language: 'en' });
      result.tables.forEach((table, t) => {
        for (const chunk of chunksOf(table, `${name}-${t}`, CHUNK_SIZE)) lib.importChunk(JSON.stringify(chunk));
        lib.finishImport(`${name}-${t}`);
      });
    }
    const { page, errors } = await open(file, { answers: {} }, lib);
    await page.locator('#end.done').waitFor({ timeout: 120_000 });
    expect((await calls(page)).map((c) => c[0])).toEqual(['keep', ...GROUP_ORDER]);
    expect(await page.locator('#keep').textContent()).toMatch(/^ready \(\d+ days computed now\)$/);
    for (const tab of ['Daily', 'Ranking', 'Payroll', 'Scorecard', 'Unattributed', 'Chats to review']) expect(fake.spreadsheet.raw(tab), tab).toBeDefined();
    const daily = fake.spreadsheet.raw('Daily')!;
    const message = await page.locator('#owner').inputValue();
    expect(message.split('\n').length).toBeGreaterThan(2);
    expect(daily.values.flat().map(String)).toContain(message);
    expect(fake.ui.alerts).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
