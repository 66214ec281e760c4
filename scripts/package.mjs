/**
 * `npm run package`: the add-on as a supervisor installs it without Node —
 * release/cs-daily-<version>.zip with Code.gs, Sidebar.html, appsscript.json
 * and the one-page guide (docs/INSTALL.md). Run after `npm run build`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const read = (path) => readFileSync(join(root, path));

// A fixed date keeps the archive byte-identical for the same build.
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));
const zip = new JSZip();
// The script editor names server files .gs; the content is the same bundle clasp pushes as Code.js.
zip.file('Code.gs', read('dist/Code.js'), { date: FIXED_DATE });
zip.file('Sidebar.html', read('dist/Sidebar.html'), { date: FIXED_DATE });
zip.file('appsscript.json', read('dist/appsscript.json'), { date: FIXED_DATE });
zip.file('INSTALL.md', read('docs/INSTALL.md'), { date: FIXED_DATE });

const out = join(root, 'release', `cs-daily-${version}.zip`);
mkdirSync(dirname(out), { recursive: true });
const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
writeFileSync(out, bytes);
console.log(`wrote ${out} (${bytes.length} bytes): Code.gs, Sidebar.html, appsscript.json, INSTALL.md`);
