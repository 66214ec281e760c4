/**
 * The service figures of the Daily's agent table: response rate, first and
 * average response, slow responses, unanswered, transfers out, 答问比 and the
 * satisfaction counts (很满意 … 很不满意). The figures only some exports state
 * get a column only when a row of the day states them; a row that does not is
 * "—" (unknown), never 0.
 */
import type { AgentDay, Counts, Ratios } from '../core/types';
import type { MessageKey } from '../i18n';
import type { NumberFormat } from './types';

/** Counts an export states for an agent-day that the chat records never give. */
export type StatedCount = 'slowResponses' | 'unanswered' | 'transfersOut' | 'verySatisfied' | 'satisfied' | 'neutral' | 'dissatisfied' | 'veryDissatisfied';

export interface ServiceFigure {
  key: MessageKey;
  format: NumberFormat;
  /** Shown only when some row states it. */
  optional: boolean;
  /** The figure of one row (an agent-day or a total), null = unknown. */
  value: (counts: Counts, ratios: Ratios) => number | null;
  /** A count: a total is known only when every row under it states it. */
  count?: StatedCount;
}

const count = (key: MessageKey, field: StatedCount): ServiceFigure => ({ key, format: 'integer', optional: true, value: (c) => c[field], count: field });

/** In the order they print, after the agent column. */
export const SERVICE_FIGURES: readonly ServiceFigure[] = [
  { key: 'col.responseRate', format: 'percent', optional: false, value: (_c, r) => r.responseRate },
  { key: 'col.firstResponseSec', format: 'decimal1', optional: false, value: (_c, r) => r.firstResponseSec },
  { key: 'col.avgResponseSec', format: 'decimal1', optional: true, value: (_c, r) => r.avgResponseSec },
  count('col.slowResponses', 'slowResponses'),
  count('col.unanswered', 'unanswered'),
  count('col.transfersOut', 'transfersOut'),
  { key: 'col.qaRatio', format: 'decimal2', optional: false, value: (_c, r) => r.qaRatio },
  count('col.verySatisfied', 'verySatisfied'),
  count('col.satisfied', 'satisfied'),
  count('col.neutral', 'neutral'),
  count('col.dissatisfied', 'dissatisfied'),
  count('col.veryDissatisfied', 'veryDissatisfied'),
];

/** The service figures to show for a day: the fixed ones, and each optional one some row states. */
export function shownServiceFigures(rows: readonly { day: AgentDay; ratios: Ratios }[]): ServiceFigure[] {
  return SERVICE_FIGURES.filter((f) => !f.optional || rows.some(({ day, ratios }) => f.value(day, ratios) != null));
}

/** A total's figure: a stated count only when every row under it states it (a partial sum is no team figure). */
export function totalServiceValue(figure: ServiceFigure, days: readonly AgentDay[], counts: Counts, ratios: Ratios): number | null {
  if (figure.count && days.some((d) => d[figure.count!] == null)) return null;
  return figure.value(counts, ratios);
}
