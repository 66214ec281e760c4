/**
 * The value parsers on 1 MB cells shaped to make a backtracking pattern slow
 * (long digit runs, long space runs, a date followed by spaces). Prints the
 * slowest parser per shape beside its target; test/core/linearTime.test.ts
 * checks what they answer.
 */
import { parseNumber, parseRate, parseSeconds } from '../src/core/values';
import { rulesFromTable } from '../src/core/settings';
import { parseDate, parseDateTime, dateFromText } from '../src/import/datetime';
import { agentNameOf } from '../src/import/agentName';
import { HOSTILE_CELLS } from '../test/support/hostileCells';

const TARGET_MS = 1000;

function parsersOf(cell: string): [string, () => unknown][] {
  return [
    ['parseSeconds', () => parseSeconds(cell)],
    ['parseNumber', () => parseNumber(cell)],
    ['parseRate', () => parseRate(cell)],
    ['parseRate %', () => parseRate(`${cell}%`)],
    ['settings', () => rulesFromTable([[cell, cell, cell], ['repeat_window_hours', cell, cell], ['workload_thresholds', cell, '']])],
    ['parseDateTime', () => parseDateTime(cell)],
    ['parseDate', () => parseDate(cell)],
    ['dateFromText', () => dateFromText(cell)],
    ['agentNameOf', () => agentNameOf(cell)],
  ];
}

export function benchHostileCells(): void {
  for (const [shape, cell] of Object.entries(HOSTILE_CELLS)) {
    let slowest = { name: '', ms: 0 };
    for (const [name, run] of parsersOf(cell)) {
      const start = performance.now();
      run();
      const ms = performance.now() - start;
      if (ms > slowest.ms) slowest = { name, ms };
    }
    const verdict = slowest.ms < TARGET_MS ? 'ok' : 'MISSED';
    console.log(`${`1 MB cell, ${shape}: slowest parser`.padEnd(44)} ${slowest.name.padStart(14)}  ${slowest.ms.toFixed(0).padStart(6)} ms  target < ${TARGET_MS} ms  ${verdict}`);
  }
}
