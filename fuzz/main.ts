/**
 * `npm run fuzz [-- --cases N] [--seed S] [--hang-ms MS] [--sets samples,corpus,fixture] [--replay N]`:
 * one-byte, one-cell, one-row and one-attribute changes to the samples, the
 * corpus and the committed 赤兔 fixture, each imported in a child process.
 * Prints crashes, hangs, unaccounted rows, rows lost beyond the changed one
 * and program messages in reasons; exits 1 when any is not 0.
 */
import { runCampaign } from './campaign';
import { checkCase, importOf } from './check';
import { mutantOf } from './mutate';
import { loadSeeds, type SeedSet } from './seeds';

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

const cases = Number(option('--cases', '500'));
const seed = Number(option('--seed', '1'));
const hangMs = Number(option('--hang-ms', '5000'));
const sets = option('--sets', 'samples,corpus,fixture').split(',') as SeedSet[];
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed) || !(hangMs > 0)) {
  console.error('Usage: npm run fuzz -- [--cases N] [--seed S] [--hang-ms MS] [--sets samples,corpus,fixture]');
  process.exit(64);
}

const replay = option('--replay', '');
if (replay !== '') {
  // One case in this process, with what it changed and what it cost: how a finding is looked at.
  const seeds = loadSeeds(sets);
  const { seed: file, mutant } = mutantOf(seeds, seed, Number(replay));
  const outcome = checkCase(await importOf(file.name, file.bytes), mutant, await importOf(file.name, mutant.bytes));
  console.log(`case ${replay}: ${file.set}/${file.name}, ${mutant.what}, rows touched ${JSON.stringify(mutant.rows)}`);
  console.log(JSON.stringify(outcome));
  process.exit(0);
}

const step = Math.max(1, Math.floor(cases / 20));
const figures = await runCampaign({ cases, seed, hangMs, sets, onCase: (n) => (n + 1) % step === 0 && process.stderr.write(`  ${n + 1}/${cases}\r`) });
for (const f of figures.findings) console.log(`case ${f.n} (${f.file}, ${f.what}): ${f.problem}`);
console.log(`fuzz: seed ${seed}, ${figures.cases} cases over ${figures.seeds} files (${sets.join(', ')})`);
console.log(`  crashes ${figures.crashes}, hangs (> ${hangMs} ms) ${figures.hangs}, unaccounted rows ${figures.unaccounted}, rows lost beyond the changed one ${figures.rowsLost}, internal messages ${figures.internal}`);
console.log(`  ${figures.seconds.toFixed(1)} s in all, slowest case ${(figures.slowestMs / 1000).toFixed(2)} s`);
process.exit(figures.crashes + figures.hangs + figures.unaccounted + figures.rowsLost + figures.internal === 0 ? 0 : 1);
