/**
 * The Settings table of SPEC §7, both ways: Rules → rows (a fresh Settings
 * tab, or `--rules` template) and rows → Rules (the tab as the supervisor left
 * it, or the CLI's CSV). Same layout everywhere: setting, value, amount, note.
 * Which settings exist, and how each is read and written, is the declaration
 * table core/settingDeclarations.ts.
 * Unknown or malformed settings are reported as problems, never ignored.
 */
import type { Language } from './types';
import { defaultRules, type Rules } from './rules';
import { shortText } from './values';
import { t, type MessageKey } from '../i18n';
import { SETTINGS } from './settingDeclarations';
import type { ListSetting, Setting } from './settingKinds';
import { isProblem } from './settingValues';
import { isScorecardSetting, ScorecardReader, scorecardTable } from './scorecardSettings';

export const SETTINGS_HEADER = ['setting', 'value', 'amount', 'note'];

/** A problem with one settings row, for the supervisor to fix (1-based row in the table). */
export interface SettingsProblem {
  row: number;
  setting: string;
  reason: string;
}

/** The first cell of a header row, in either language (a Chinese rules CSV heads its first column 设置项). */
const isHeaderName = (name: string): boolean => name === 'setting' || name === t('en', 'suggest.csv.setting') || name === t('zh', 'suggest.csv.setting');

/** The declarations by name, as the reader looks them up. A Map, so `constructor` or `__proto__` is an unknown setting. */
const BY_NAME: ReadonlyMap<string, Setting> = new Map(SETTINGS.map((s): [string, Setting] => [s.name, s as Setting]));

/** The table a fresh Settings tab (or a rules CSV template) holds: header, then one row per setting. */
export function settingsTable(rules: Rules, lang: Language): string[][] {
  const note = (setting: string) => t(lang, `settings.note.${setting}` as MessageKey);
  const values = rules as unknown as Record<string, unknown>;
  const rows: string[][] = [];
  for (const declared of SETTINGS) {
    const setting = declared as Setting;
    const value = values[setting.field];
    if (setting.kind === 'single') rows.push([setting.name, setting.write(value), '', t(lang, setting.note)]);
    else for (const [v, amount] of setting.write(value)) rows.push([setting.name, v, amount, t(lang, setting.note)]);
  }
  rows.push(...scorecardTable(rules.scorecard, note));
  return [SETTINGS_HEADER, ...rows];
}

/**
 * Strips a `# remark` the way SPEC §7 writes its examples: from the first
 * whitespace followed by `#`. Found by a fixed two-character search, since
 * `/\s+#.*$/` backtracks quadratically over long runs of spaces.
 */
function withoutRemark(cell: string): string {
  const remark = cell.search(/\s#/);
  return (remark < 0 ? cell : cell.slice(0, remark)).trim();
}

/** The setting a row's first cell names, as the reader looks it up (remark stripped, lower case). */
export const settingNameOf = (cell: unknown): string => withoutRemark(String(cell ?? '')).toLowerCase();

/** A row's value or amount cell as the reader takes it (remark stripped). */
export const settingCellOf = (cell: unknown): string => withoutRemark(String(cell ?? ''));

/**
 * Rules from a settings table (header optional). Settings not in the table
 * keep their defaults; a list setting (tiers, schedule) present in the table
 * replaces its default list whole.
 */
export function rulesFromTable(rows: string[][], language: Language = 'en'): { rules: Rules; problems: SettingsProblem[] } {
  const rules = defaultRules();
  const values = rules as unknown as Record<string, unknown>;
  const problems: SettingsProblem[] = [];
  const refuse = (row: number, setting: string, reason: { key: MessageKey; params?: Record<string, string | number> }) =>
    problems.push({ row, setting, reason: t(language, reason.key, reason.params) });
  /** The rows of each list setting, read together after the loop. */
  const lists = new Map<string, { rows: number[]; cells: [string, string][] }>();
  const scorecard = new ScorecardReader();
  rows.forEach((cells, index) => {
    const name = settingNameOf(cells[0]);
    if (name === '' || name.startsWith('#') || (index === 0 && isHeaderName(name))) return;
    const value = withoutRemark(String(cells[1] ?? ''));
    const amount = withoutRemark(String(cells[2] ?? ''));
    // The scorecard's rows refer to each other: read as one card after the loop.
    if (isScorecardSetting(name)) return scorecard.add(index + 1, name, value, amount);
    const setting = BY_NAME.get(name);
    if (!setting) {
      problems.push({ row: index + 1, setting: shortText(name), reason: t(language, 'settings.problem.unknown') });
    } else if (setting.kind === 'list') {
      const list = lists.get(name) ?? { rows: [], cells: [] };
      list.rows.push(index + 1);
      list.cells.push([value, amount]);
      lists.set(name, list);
    } else {
      const read = setting.read(value);
      if (isProblem(read)) refuse(index + 1, name, read);
      else values[setting.field] = read;
    }
  });
  for (const [name, list] of lists) {
    const setting = BY_NAME.get(name) as ListSetting<string, string, unknown>;
    const read = setting.read(list.cells);
    read.problems.forEach((refused, i) => refused && refuse(list.rows[i], name, refused));
    // A list whose every row was refused keeps its default, as a refused single setting does.
    if (read.problems.some((p) => p == null)) values[setting.field] = read.value;
  }
  const card = scorecard.finish(language);
  rules.scorecard = card.scorecard;
  problems.push(...card.problems);
  problems.sort((a, b) => a.row - b.row);
  return { rules, problems };
}
