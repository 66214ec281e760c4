/**
 * The scorecard's rows of the Settings tab / `--rules` CSV (issue 12), both
 * ways. Rows of one card refer to each other (a KPI's scoring may come before
 * the KPI), so they are collected first and checked as a whole: a card with a
 * refused row, or weights that do not add up to 100 %, is refused whole and
 * switched off, so nobody is paid by a card the supervisor did not write.
 *
 *   scorecard,on                                  on | off
 *   scorecard_kpi,inquiry_conversion,45%          KPI, weight
 *   scorecard_score,inquiry_conversion,>=55%:100; >=50%:80; >=45%:60; else:50
 *   scorecard_score,sales,linear 250000:0; 300000:100
 *   scorecard_score,qa_ratio,percentile           (percentile lower: lower is better)
 *   scorecard_cap,sales_target,120                no more points than this
 *   scorecard_grade,>=90:A,1.2                    score → grade, coefficient
 *   scorecard_base_pay,1000 · scorecard_pay,coefficient|score · scorecard_missing,exclude|zero
 *   scorecard_min_sample,inquiries,100 · scorecard_sales_target,300000 · scorecard_working_days,26
 */
import type { Language } from './types';
import { parseNumber, parseRate, shortText } from './values';
import { t, type MessageKey } from '../i18n';
import { defaultScorecard, SAMPLE_FIGURES, type Direction, type GradeRule, type KpiRule, type SampleFigure, type ScoreTier, type ScorecardRules, type Scoring } from './scorecardRules';
import { kpiDirection, kpiFormat, kpiKeyOf } from './scorecardKpis';

export { scorecardTable } from './scorecardTable';

interface Refusal {
  key: MessageKey;
  params?: Record<string, string | number>;
}
type Parsed<T> = T | Refusal;
const refuse = (key: MessageKey, params?: Record<string, string | number>): Refusal => ({ key, params });
const refused = (v: unknown): v is Refusal => typeof v === 'object' && v !== null && 'key' in v;

/** A problem with one scorecard row (1-based row in the table). */
export interface ScorecardProblem {
  row: number;
  setting: string;
  reason: string;
}

export const isScorecardSetting = (setting: string): boolean => setting === 'scorecard' || setting.startsWith('scorecard_');

/** A number within [min, max]. */
function numberIn(text: string, min: number, max: number): Parsed<number> {
  const parsed = parseNumber(text);
  if (!parsed.ok || parsed.value == null) return refuse('settings.problem.notNumber', { value: shortText(text) });
  if (parsed.value < min || parsed.value > max) return refuse('settings.problem.outOfRange', { value: parsed.value, min, max });
  return parsed.value;
}

/** A KPI threshold: a rate (`55%`, `0.55`) for rate KPIs, else a plain number. */
function threshold(text: string, kpi: string): Parsed<number> {
  if (kpiFormat(kpi) === 'percent') {
    const parsed = parseRate(text);
    return parsed.ok && parsed.value != null ? parsed.value : refuse('settings.problem.notRate', { value: shortText(text) });
  }
  return numberIn(text, -1e12, 1e12);
}

const points = (text: string) => numberIn(text, 0, 1000);
const SPLIT_STEPS = /[;；\n]+/;
/** `>=55%:100`, `≥ 55% → 100`, `<=25:100`, `else:50`. */
const STEP = /^\s*(>=|≥|<=|≤|else|below|above|otherwise|其他|其余)?\s*([^:：→]*?)\s*(?::|：|→|=>)\s*(.+?)\s*$/i;

function tiersOf(kpi: string, text: string): Parsed<Scoring> {
  const found: ScoreTier[] = [];
  let otherwise: number | null = null;
  let direction: Direction | null = null;
  for (const step of text.split(SPLIT_STEPS).map((s) => s.trim()).filter(Boolean)) {
    const m = STEP.exec(step);
    if (!m) return refuse('scorecard.problem.step', { value: shortText(step) });
    const op = (m[1] ?? '').toLowerCase();
    const p = points(m[3]);
    if (refused(p)) return p;
    if (['else', 'below', 'above', 'otherwise', '其他', '其余'].includes(op) || (op === '' && /^(else|其他)$/i.test(m[2]))) {
      otherwise = p;
      continue;
    }
    const stepDirection: Direction = op === '<=' || op === '≤' ? 'lower' : 'higher';
    if (direction && stepDirection !== direction) return refuse('scorecard.problem.mixedDirection', { value: shortText(text) });
    direction = stepDirection;
    const th = threshold(m[2], kpi);
    if (refused(th)) return th;
    found.push({ threshold: th, points: p });
  }
  if (found.length === 0) return refuse('scorecard.problem.noTiers', { value: shortText(text) });
  const dir = direction ?? 'higher';
  // Best threshold first, so the first tier met is the one that counts.
  found.sort((a, b) => (dir === 'higher' ? b.threshold - a.threshold : a.threshold - b.threshold));
  return { kind: 'tiers', direction: dir, tiers: found, otherwise: otherwise ?? 0 };
}

/** `linear 250000:0; 300000:100`: two (figure, points) pairs. */
function linearOf(kpi: string, text: string): Parsed<Scoring> {
  const pairs = text.split(SPLIT_STEPS).map((s) => s.trim()).filter(Boolean);
  if (pairs.length !== 2) return refuse('scorecard.problem.linear', { value: shortText(text) });
  const ends: ScoreTier[] = [];
  for (const pair of pairs) {
    const [figure, score] = pair.split(/[:：→]/);
    const th = threshold(figure ?? '', kpi);
    if (refused(th)) return th;
    const p = points(score ?? '');
    if (refused(p)) return p;
    ends.push({ threshold: th, points: p });
  }
  if (ends[0].threshold === ends[1].threshold) return refuse('scorecard.problem.linear', { value: shortText(text) });
  const [from, to] = ends[0].points <= ends[1].points ? ends : [ends[1], ends[0]];
  return { kind: 'linear', from, to };
}

export function scoringOf(kpi: string, text: string): Parsed<Scoring> {
  const trimmed = text.trim();
  const word = /^(linear|线性|percentile|百分位|排名|direct|直接)\b\s*(.*)$/i.exec(trimmed);
  if (!word) return tiersOf(kpi, trimmed);
  const kind = word[1].toLowerCase();
  if (kind === 'linear' || kind === '线性') return linearOf(kpi, word[2]);
  if (kind === 'direct' || kind === '直接') return { kind: 'direct' };
  const rest = word[2].trim().toLowerCase();
  if (rest !== '' && rest !== 'higher' && rest !== 'lower') return refuse('settings.problem.notOneOf', { value: shortText(rest), options: 'higher, lower' });
  return { kind: 'percentile', direction: (rest || kpiDirection(kpi)) as Direction };
}

/** A row as the table holds it. */
interface CardRow {
  row: number;
  setting: string;
  value: string;
  amount: string;
}

/**
 * Collects a table's scorecard rows, then builds the card. Scalar rows
 * (base pay, pay mode …) that are refused keep their default, like any other
 * setting; a refused row of the card itself refuses the card.
 */
export class ScorecardReader {
  private readonly rows: CardRow[] = [];

  add(row: number, setting: string, value: string, amount: string): void {
    this.rows.push({ row, setting, value, amount });
  }

  /** The card, and the problems to report (already worded in `language`). */
  finish(language: Language): { scorecard: ScorecardRules; problems: ScorecardProblem[] } {
    const card = defaultScorecard();
    const problems: ScorecardProblem[] = [];
    const say = (r: CardRow, refusal: Refusal) => problems.push({ row: r.row, setting: r.setting, reason: t(language, refusal.key, refusal.params) });
    const kpiRows = this.rows.filter((r) => r.setting === 'scorecard_kpi');
    const gradeRows = this.rows.filter((r) => r.setting === 'scorecard_grade');
    const minRows = this.rows.filter((r) => r.setting === 'scorecard_min_sample');
    let cardRefused = false;
    const refuseCard = (r: CardRow, refusal: Refusal) => {
      say(r, refusal);
      cardRefused = true;
    };

    for (const r of this.rows) {
      const scalar = SCALARS.get(r.setting);
      if (scalar) {
        const result = scalar(card, r.value);
        if (result) say(r, result);
      } else if (!['scorecard_kpi', 'scorecard_score', 'scorecard_cap', 'scorecard_grade', 'scorecard_min_sample'].includes(r.setting)) {
        say(r, refuse('settings.problem.unknown'));
      }
    }
    if (minRows.length > 0) {
      card.minSamples = [];
      for (const r of minRows) {
        const figure = r.value.trim().toLowerCase() as SampleFigure;
        const minimum = numberIn(r.amount, 0, 1_000_000);
        if (!SAMPLE_FIGURES.includes(figure)) say(r, refuse('settings.problem.notOneOf', { value: shortText(r.value), options: SAMPLE_FIGURES.join(', ') }));
        else if (refused(minimum)) say(r, minimum);
        else card.minSamples.push({ figure, minimum });
      }
    }

    if (kpiRows.length > 0) {
      const kpis = readKpis(kpiRows, this.rows, refuseCard);
      if (kpis) card.kpis = kpis;
    } else {
      // Scoring rows without KPI rows adjust the default card's KPIs.
      for (const r of this.rows.filter((x) => x.setting === 'scorecard_score' || x.setting === 'scorecard_cap')) {
        const kpi = card.kpis.find((k) => k.kpi === kpiKeyOf(r.value));
        if (!kpi) refuseCard(r, refuse('scorecard.problem.noKpiRow', { kpi: shortText(r.value) }));
        else applyKpiRow(kpi, r, refuseCard);
      }
    }
    if (gradeRows.length > 0) {
      const grades = readGrades(gradeRows, refuseCard);
      if (grades) card.grades = grades;
    }
    if (cardRefused && card.enabled) {
      const first = this.rows.find((r) => r.setting === 'scorecard') ?? this.rows[0];
      problems.push({ row: first.row, setting: 'scorecard', reason: t(language, 'scorecard.problem.cardOff') });
    }
    if (cardRefused) {
      const fallback = defaultScorecard();
      return { scorecard: { ...card, kpis: fallback.kpis, grades: fallback.grades, enabled: false }, problems };
    }
    return { scorecard: card, problems };
  }
}

type Scalar = (card: ScorecardRules, value: string) => Refusal | null;
const oneOf = <T extends string>(value: string, options: readonly T[], set: (v: T) => void): Refusal | null => {
  const v = value.trim().toLowerCase() as T;
  if (!options.includes(v)) return refuse('settings.problem.notOneOf', { value: shortText(value), options: options.join(', ') });
  set(v);
  return null;
};
const optional = (value: string, min: number, max: number, set: (v: number | null) => void): Refusal | null => {
  if (value.trim() === '') return set(null), null;
  const n = numberIn(value, min, max);
  if (refused(n)) return n;
  set(n);
  return null;
};

const SCALARS: ReadonlyMap<string, Scalar> = new Map<string, Scalar>([
  ['scorecard', (c, v) => oneOf(v.replace(/^(yes|true|开|启用)$/i, 'on').replace(/^(no|false|关|停用)$/i, 'off'), ['on', 'off'], (x) => (c.enabled = x === 'on'))],
  ['scorecard_pay', (c, v) => oneOf(v, ['coefficient', 'score'] as const, (x) => (c.payBy = x))],
  ['scorecard_missing', (c, v) => oneOf(v, ['exclude', 'zero'] as const, (x) => (c.missing = x))],
  ['scorecard_base_pay', (c, v) => optional(v, 0, 100_000, (n) => (c.basePay = n ?? 0))],
  ['scorecard_sales_target', (c, v) => optional(v, 0, 1_000_000_000, (n) => (c.salesTarget = n))],
  ['scorecard_working_days', (c, v) => optional(v, 1, 31, (n) => (c.workingDays = n))],
  [
    'scorecard_min_weight',
    (c, v) => {
      const parsed = parseRate(v);
      if (!parsed.ok || parsed.value == null || parsed.value < 0 || parsed.value > 1) return refuse('settings.problem.notRate', { value: shortText(v) });
      c.minWeight = parsed.value;
      return null;
    },
  ],
]);

function applyKpiRow(kpi: KpiRule, r: CardRow, refuseCard: (r: CardRow, x: Refusal) => void): void {
  if (r.setting === 'scorecard_cap') {
    const cap = numberIn(r.amount, 0, 1000);
    if (refused(cap)) refuseCard(r, cap);
    else kpi.cap = cap;
    return;
  }
  const scoring = scoringOf(kpi.kpi, r.amount);
  if (refused(scoring)) refuseCard(r, scoring);
  else kpi.scoring = scoring;
}

function readKpis(kpiRows: CardRow[], all: CardRow[], refuseCard: (r: CardRow, x: Refusal) => void): KpiRule[] | null {
  const kpis: KpiRule[] = [];
  const rowOf = new Map<string, CardRow>();
  for (const r of kpiRows) {
    const kpi = kpiKeyOf(r.value);
    if (!kpi) {
      refuseCard(r, refuse('scorecard.problem.unknownKpi', { kpi: shortText(r.value) }));
      continue;
    }
    if (rowOf.has(kpi)) {
      refuseCard(r, refuse('scorecard.problem.duplicateKpi', { kpi, row: rowOf.get(kpi)!.row }));
      continue;
    }
    const weight = parseRate(r.amount);
    if (!weight.ok || weight.value == null) {
      refuseCard(r, refuse('settings.problem.notRate', { value: shortText(r.amount) }));
      continue;
    }
    rowOf.set(kpi, r);
    const manual = kpi.startsWith('manual:');
    kpis.push({ kpi, weight: weight.value, cap: null, scoring: manual ? { kind: 'direct' } : { kind: 'tiers', direction: kpiDirection(kpi), tiers: [], otherwise: 0 } });
  }
  for (const r of all.filter((x) => x.setting === 'scorecard_score' || x.setting === 'scorecard_cap')) {
    const kpi = kpis.find((k) => k.kpi === kpiKeyOf(r.value));
    if (!kpi) refuseCard(r, refuse('scorecard.problem.noKpiRow', { kpi: shortText(r.value) }));
    else applyKpiRow(kpi, r, refuseCard);
  }
  for (const kpi of kpis) {
    if (kpi.scoring.kind === 'tiers' && kpi.scoring.tiers.length === 0) refuseCard(rowOf.get(kpi.kpi)!, refuse('scorecard.problem.noScoring', { kpi: kpi.kpi }));
  }
  const total = kpis.reduce((s, k) => s + k.weight, 0);
  if (kpis.length > 0 && Math.abs(total - 1) > 1e-9) {
    const rows = [...rowOf.values()].map((r) => r.row).join(', ');
    refuseCard(kpiRows[kpiRows.length - 1], refuse('scorecard.problem.weights', { total: Number((total * 100).toFixed(4)), rows }));
  }
  return kpis;
}

function readGrades(rows: CardRow[], refuseCard: (r: CardRow, x: Refusal) => void): GradeRule[] | null {
  const grades: GradeRule[] = [];
  for (const r of rows) {
    const m = STEP.exec(r.value);
    const coefficient = numberIn(r.amount, 0, 10);
    if (!m || m[3].trim() === '') {
      refuseCard(r, refuse('scorecard.problem.grade', { value: shortText(r.value) }));
      continue;
    }
    const op = (m[1] ?? '').toLowerCase();
    const isElse = ['else', 'below', 'otherwise', '其他', '其余'].includes(op) || /^(else|其他)$/i.test(m[2]);
    const min = isElse ? 0 : numberIn(m[2], 0, 1000);
    if (refused(min)) refuseCard(r, min);
    else if (refused(coefficient)) refuseCard(r, coefficient);
    else grades.push({ grade: m[3].trim(), minScore: min, coefficient });
  }
  if (!grades.some((g) => g.minScore === 0)) {
    // Every score needs a grade: without a floor a low score would get none.
    refuseCard(rows[rows.length - 1], refuse('scorecard.problem.gradeFloor'));
  }
  return grades.sort((a, b) => b.minScore - a.minScore);
}
