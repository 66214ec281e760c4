/** Tests build agent-days as figures; the stored form is what one export states (ExportedAgentDay). */
import type { AgentDay, ExportedAgentDay, ExportFigure } from '../../src/core/types';
import { FIGURE_READING } from '../../src/import/agentDay';

/** The export row that states exactly this agent-day's counts, with its weighted means stated as means. */
export function exportedOf(day: AgentDay, source = 'agent_day:test', report = 'test'): ExportedAgentDay {
  const figures: ExportedAgentDay['figures'] = {};
  for (const figure of Object.keys(FIGURE_READING) as ExportFigure[]) {
    const value = (day as unknown as Record<string, unknown>)[figure];
    if (typeof value === 'number') figures[figure] = value;
  }
  const mean = (total: number | null, samples: number | null) => (total != null && samples ? total / samples : undefined);
  const firstResponse = mean(day.firstResponseTotalSec, day.firstResponseSamples);
  const avgResponse = mean(day.responseTotalSec, day.responseSamples);
  if (firstResponse !== undefined) figures.firstResponseSec = firstResponse;
  if (avgResponse !== undefined) figures.avgResponseSec = avgResponse;
  Object.assign(figures, day.stated ?? {});
  return { date: day.date, shop: day.shop ?? '', agent: day.agent, source, report, figures, provisional: day.provisional ?? [] };
}
