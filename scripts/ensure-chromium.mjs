/**
 * The sidebar test drives Debian's Chromium. `npm test` runs this first so a
 * fresh machine gets it without a manual step: present → nothing to do;
 * missing and running as root → apt-get install; otherwise say how.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium for the sidebar test…`);
  const sudo = isRoot ? [] : ['sudo', '-n'];
  const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), { stdio: 'inherit', env });
  run(['apt-get', 'update', '-q']);
  run(['apt-get', 'install', '-y', '-q', 'chromium']);
} catch (error) {
  console.error(`Could not install Chromium (${error.message}). Install it with: sudo apt-get install chromium`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing; set CHROMIUM_PATH to your Chromium.`);
  process.exit(1);
}
