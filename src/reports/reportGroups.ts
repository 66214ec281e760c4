/**
 * *Build all reports* in steps: the report tabs split into groups, each
 * written by its own server call that reads only its group's days
 * (readPlan.ts), so no single Apps Script execution reads and writes every
 * tab. The Daily's group comes first: it fixes the report day (and the run's
 * clock) every later group is given, and it sees the grid before any tab of
 * the run is rewritten (the Daily's capacity line). The chats to review are a
 * group of their own: they read the report day's chats and a month of orders
 * (the buyers' look-back), which the Daily, reading figures, does not need;
 * the Unattributed list reads the payroll month's orders apart from the
 * payroll's figures, so neither call reads both.
 */
import type { TabKey } from './types';

export const REPORT_GROUPS = {
  daily: ['daily', 'notebooks', 'import_errors'],
  review: ['review'],
  ranking: ['ranking'],
  payroll: ['payroll', 'scorecard'],
  unattributed: ['unattributed'],
  coaching: ['coaching'],
} as const satisfies Record<string, readonly TabKey[]>;

export type ReportGroup = keyof typeof REPORT_GROUPS;

/** The order the groups are built in. */
export const GROUP_ORDER: readonly ReportGroup[] = ['daily', 'review', 'ranking', 'payroll', 'unattributed', 'coaching'];

export const isReportGroup = (name: unknown): name is ReportGroup => typeof name === 'string' && Object.prototype.hasOwnProperty.call(REPORT_GROUPS, name);

/** What one group's server call answers (as JSON): the day and clock the later groups are given, the tabs written, the owner's message (the Daily's group only). */
export interface GroupResult {
  date: string | null;
  now: number;
  written: string[];
  ownerMessage: string[];
  /** Nothing is imported yet: no tab was written. */
  noData: boolean;
}

/** What one call of the warm-up before the groups answers (as JSON): the run's clock every group is given, the days it kept, and how many are still to keep. */
export interface KeepResult {
  now: number;
  kept: number;
  remaining: number;
}

/** The warm-up's calls at most: past them (or at a call that keeps no day) the groups run and compute what is left themselves. */
export const MAX_KEEP_CALLS = 60;
