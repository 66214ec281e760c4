// Preloaded into the CLI process the scale bench starts: at exit, the process's own
// peak resident memory and CPU time, on stderr, so the bench needs no /usr/bin/time.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nBENCH_USAGE ${JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
});
