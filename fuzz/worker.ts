/** The child process that runs cases, so a crash or a hang costs the case, not the campaign. */
import { checkCase, importOf, type CaseOutcome } from './check';
import { mutantOf } from './mutate';
import { loadSeeds, type SeedSet } from './seeds';
import type { FileImport } from '../src/import';

const sets = (process.env.FUZZ_SETS ?? 'samples,corpus,fixture').split(',') as SeedSet[];
const seeds = loadSeeds(sets);
const seedResults = new Map<string, FileImport>();

process.on('message', async (message: { campaign: number; n: number }) => {
  const { seed, mutant } = mutantOf(seeds, message.campaign, message.n);
  const key = `${seed.set}/${seed.name}`;
  let outcome: CaseOutcome;
  try {
    if (!seedResults.has(key)) seedResults.set(key, await importOf(seed.name, seed.bytes));
    outcome = checkCase(seedResults.get(key)!, mutant, await importOf(seed.name, mutant.bytes));
  } catch (error) {
    outcome = { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error), unaccounted: 0, lost: 0, internal: [] };
  }
  process.send!({ n: message.n, outcome });
});
process.send!({ ready: true });
