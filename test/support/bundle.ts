/**
 * Loads the built Apps Script bundle (dist/) the way Apps Script does: every
 * .js file in one global scope. Tests call the top-level functions on the
 * returned context, so what is tested is what `clasp push` sends.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const gas = require('gas-local') as { require(dir: string, globals?: object): Record<string, any> };

export const DIST = join(__dirname, '../../dist');
export const CODE_JS = join(DIST, 'Code.js');

function assertBuilt(): void {
  if (!existsSync(CODE_JS)) throw new Error('dist/Code.js is missing: run `npm run build` (npm test does it first)');
}

/** A fresh bundle context with the given fakes as globals (state never leaks between tests). */
export function loadBundle(globals: object = {}): Record<string, any> {
  assertBuilt();
  return gas.require(DIST, { Logger: { log() {} }, ...globals });
}

export function bundleSource(): string {
  assertBuilt();
  return readFileSync(CODE_JS, 'utf8');
}
