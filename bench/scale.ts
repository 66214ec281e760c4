/**
 * The CLI at the scale of issue 9: a 100-agent shop's month of raw exports
 * (1 M chat records, 300 k orders) generated into a temp directory, then one
 * fresh `npm run report` process over them. Prints its wall time, CPU time and
 * peak memory against the targets (30 s, 2 GB on this 2-core machine).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeShopExports } from './shopExports';

const TARGET_SECONDS = 30;
const TARGET_BYTES = 2 * 1024 ** 3;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface CliRun {
  code: number;
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
  stdout: string;
}

/** One fresh Node process running the CLI (as `npm run report` does, through tsx), its usage reported by a preload. */
function runCliProcess(args: string[]): Promise<CliRun> {
  const preload = pathToFileURL(join(ROOT, 'bench/peakReport.mjs')).href;
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', preload, join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, env: { ...process.env, LANG: 'en_US.UTF-8' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const usage = /BENCH_USAGE (\{.*\})/.exec(stderr);
      if (!usage) return reject(new Error(`the CLI gave no usage line (exit ${code}):\n${stderr}`));
      const { maxRssKb, cpuMs } = JSON.parse(usage[1]) as { maxRssKb: number; cpuMs: number };
      resolve({ code: code ?? 1, seconds, cpuSeconds: cpuMs / 1000, peakBytes: maxRssKb * 1024, stdout });
    });
  });
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');

export async function benchCliScale(consultations = 1_000_000, orders = 300_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-daily-scale-'));
  try {
    const genStart = performance.now();
    const files = await writeShopExports(dir, { consultations, orders });
    console.log(`CLI at scale: generated ${consultations.toLocaleString('en-US')} chats + ${orders.toLocaleString('en-US')} orders (100 agents, 30 days) in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);
    const out = join(dir, 'out');
    // The morning after the generated 30 days (from 2026-10-01), so the report is the same whatever the clock says.
    const run = await runCliProcess(['--out', out, '--lang', 'en', '--period', 'month', '--now', '2026-10-31T09:00', '--roster', files.roster, files.consultations, files.orders]);
    if (run.code !== 0) throw new Error(`the CLI exited with ${run.code}:\n${run.stdout}`);
    const counts = /Rows read: (\d+); stored (\d+), replaced (\d+), rejected (\d+), skipped (\d+)/.exec(run.stdout);
    const [read, stored, replaced, rejected, skipped] = (counts?.slice(1) ?? []).map(Number);
    const addsUp = counts !== null && read === consultations + orders && stored + replaced + rejected + skipped === read;
    console.log(`  rows read ${read}, stored ${stored}, replaced ${replaced}, rejected ${rejected}, skipped ${skipped}: ${addsUp ? 'they add up' : 'THEY DO NOT ADD UP'}`);
    // Other work on the machine (load average) slows the wall time, not the CPU time.
    console.log(`  wall ${run.seconds.toFixed(1)} s (target < ${TARGET_SECONDS} s: ${verdict(run.seconds < TARGET_SECONDS)}), CPU ${run.cpuSeconds.toFixed(1)} s, load average ${loadavg()[0].toFixed(1)}`);
    console.log(`  peak RSS ${gb(run.peakBytes)} (target < ${gb(TARGET_BYTES)}: ${verdict(run.peakBytes < TARGET_BYTES)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchCliScale().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
