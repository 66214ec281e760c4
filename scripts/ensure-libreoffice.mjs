/**
 * The print test renders the reports through LibreOffice. `npm test` runs
 * this first: present → nothing to do; missing and running as root →
 * apt-get install (LibreOffice Calc, poppler-utils, a CJK font); otherwise
 * it says how, and the print test skips with the same reason. It never fails
 * the run: the print check needs a 300 MB office suite, not every machine has it.
 */
import { execFileSync } from 'node:child_process';

const has = (tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Carlito: the metric twin of Calibri, the font the xlsx names; without it LibreOffice lays the columns out a third wider than Excel. */
const hasCarlito = () => {
  try {
    return /carlito/i.test(execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
};

if (has('soffice') && has('pdftotext') && has('pdfinfo') && hasCarlito()) process.exit(0);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || process.env.CSDAILY_NO_LIBREOFFICE) {
  console.log('LibreOffice or poppler-utils missing: the print test will skip. Install with: sudo apt-get install libreoffice-calc poppler-utils fonts-noto-cjk fonts-crosextra-carlito');
  process.exit(0);
}
try {
  console.log('LibreOffice or its fonts not found: installing libreoffice-calc, poppler-utils, fonts-noto-cjk and fonts-crosextra-carlito for the print test…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'libreoffice-calc', 'poppler-utils', 'fonts-noto-cjk', 'fonts-crosextra-carlito'], { stdio: 'inherit', env });
} catch (error) {
  console.log(`Could not install LibreOffice (${error.message}): the print test will skip.`);
}
