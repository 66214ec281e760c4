/**
 * A 赤兔-style agent-day export (one row per agent and day, with the service
 * figures 赤兔 states) for a team of any size, generated from a seed: the
 * print test lays out the Daily of 12 and 30 agents from it.
 */
import { writeFileSync } from 'node:fs';
import { seededRandom } from './seededRandom';
import { addDays } from '../../src/core/dates';

const HEADER = ['日期', '旺旺昵称', '咨询人数', '接待人数', '询单人数', '最终付款人数', '销售额', '首次响应秒', '平均响应秒', '慢响应人数', '未回复人数', '转出人数', '答问比', '很满意', '满意', '一般', '不满意', '很不满意'];

/** Writes `days` days up to `last` for `agents` agents (agent01, agent02 …) to `path`. */
export function writeAgentDayExport(path: string, agents: number, last: string, days = 14, seed = 7): void {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const lines = [HEADER.join(',')];
  for (let d = days - 1; d >= 0; d--) {
    const date = addDays(last, -d);
    for (let a = 1; a <= agents; a++) {
      const consultations = int(20, 140);
      const inquiries = int(Math.floor(consultations / 3), consultations);
      const paid = int(0, Math.floor(inquiries / 2));
      const unanswered = int(0, 3);
      lines.push([
        date, `agent${String(a).padStart(2, '0')}`, consultations, consultations - unanswered, inquiries, paid, (paid * int(80, 400)).toFixed(2),
        (int(50, 600) / 10).toFixed(2), (int(100, 900) / 10).toFixed(2), int(0, 6), unanswered, int(0, 2), (int(90, 180) / 100).toFixed(2),
        int(0, 9), int(0, 4), int(0, 2), int(0, 1), int(0, 1),
      ].join(','));
    }
  }
  writeFileSync(path, '\uFEFF' + lines.join('\n') + '\n');
}
