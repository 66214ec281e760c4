/**
 * A fuzz campaign: cases 0..n-1 of a seed, each run in a child process (so a
 * fatal error or a hang costs that case, and is counted), with a wall-clock
 * limit per case. Returns the figures and the first findings.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CaseOutcome } from './check';
import { mutantOf } from './mutate';
import { loadSeeds, type SeedSet } from './seeds';

export interface CampaignOptions {
  cases: number;
  seed: number;
  /** A case taking longer is a hang: its process is killed and the campaign goes on. */
  hangMs: number;
  sets: SeedSet[];
  /** Called after each case (progress). */
  onCase?: (n: number) => void;
}

export interface Finding {
  n: number;
  file: string;
  what: string;
  problem: string;
}

export interface CampaignFigures {
  cases: number;
  seeds: number;
  crashes: number;
  hangs: number;
  unaccounted: number;
  rowsLost: number;
  internal: number;
  slowestMs: number;
  seconds: number;
  findings: Finding[];
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

function startWorker(sets: SeedSet[]): Promise<ChildProcess> {
  const child = fork(WORKER, [], {
    execArgv: ['--import', 'tsx', '--max-old-space-size=1536', '--stack-size=2000'],
    env: { ...process.env, FUZZ_SETS: sets.join(',') },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the fuzz worker did not start (exit ${code})`)));
  });
}

type Reply = { kind: 'done'; outcome: CaseOutcome } | { kind: 'crash'; detail: string } | { kind: 'hang' };

function runOne(child: ChildProcess, campaign: number, n: number, hangMs: number): Promise<Reply> {
  return new Promise((resolve) => {
    const finish = (reply: Reply) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(reply);
    };
    const onMessage = (m: { n?: number; outcome?: CaseOutcome }) => {
      if (m.n === n && m.outcome) finish({ kind: 'done', outcome: m.outcome });
    };
    const onExit = (code: number | null, signal: string | null) => finish({ kind: 'crash', detail: `process exit ${code ?? signal}` });
    const timer = setTimeout(() => finish({ kind: 'hang' }), hangMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send({ campaign, n });
  });
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignFigures> {
  const started = performance.now();
  const seeds = loadSeeds(options.sets);
  const figures: CampaignFigures = { cases: options.cases, seeds: seeds.length, crashes: 0, hangs: 0, unaccounted: 0, rowsLost: 0, internal: 0, slowestMs: 0, seconds: 0, findings: [] };
  const note = (n: number, problem: string) => {
    const { seed, mutant } = mutantOf(seeds, options.seed, n);
    if (figures.findings.length < 50) figures.findings.push({ n, file: `${seed.set}/${seed.name}`, what: mutant.what, problem });
  };
  let child = await startWorker(options.sets);
  for (let n = 0; n < options.cases; n++) {
    const t0 = performance.now();
    const reply = await runOne(child, options.seed, n, options.hangMs);
    figures.slowestMs = Math.max(figures.slowestMs, performance.now() - t0);
    if (reply.kind !== 'done') {
      if (reply.kind === 'hang') figures.hangs++;
      else figures.crashes++;
      note(n, reply.kind === 'hang' ? `no answer in ${options.hangMs} ms` : reply.detail);
      child.kill('SIGKILL');
      child = await startWorker(options.sets);
    } else {
      const o = reply.outcome;
      if (o.thrown) (figures.crashes++, note(n, `threw ${o.thrown}`));
      if (o.unaccounted) (figures.unaccounted += o.unaccounted, note(n, `${o.unaccounted} rows unaccounted`));
      if (o.lost) (figures.rowsLost += o.lost, note(n, `${o.lost} rows lost beyond the changed one`));
      if (o.internal.length) (figures.internal += o.internal.length, note(n, `internal message: ${o.internal[0].slice(0, 160)}`));
    }
    options.onCase?.(n);
  }
  child.kill();
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}
