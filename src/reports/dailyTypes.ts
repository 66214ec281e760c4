/**
 * The Daily tab's figures before layout: what the builder (daily.ts), its
 * agent table (dailyAgents.ts) and the owner message read.
 */
import type { AgentDay, Counts, IsoDate, Ratios } from '../core/types';
import type { CoachingLink } from '../core/coaching';

export type DailyFlag = 'below_team_conversion' | 'slow_first_response' | 'low_response_rate' | 'unattributed_orders' | 'learn_from' | 'provisional';

/** One agent's line of the daily sheet. */
export interface DailyAgentRow {
  day: AgentDay;
  ratios: Ratios;
  agentId: string;
  shift: string;
  band: number | null;
  flags: DailyFlag[];
  /** The agent's open coaching entries, each marked when a flag repeats its problem after the measure. */
  coaching: CoachingLink[];
}

export interface DailyFigures {
  date: IsoDate;
  team: Counts;
  teamRatios: Ratios;
  agents: DailyAgentRow[];
  /** Why the day's figures are not final yet (empty = final). */
  provisional: string[];
}
