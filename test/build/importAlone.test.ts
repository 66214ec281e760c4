import { relative } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { modulesUnder } from '../../scripts/importCycles';

/**
 * Each module of src/ is imported first, into an empty module registry, so a
 * module whose load-time code reads a binding of a module still loading (an
 * import cycle) throws here, whichever module a bundle or test happens to load first.
 */
const SIDEBAR_SCRIPT = 'src/ui/sidebar/main.ts';

describe('every module imports alone', () => {
  const modules = modulesUnder().map((file) => relative(process.cwd(), file).replace(/\\/g, '/'));

  test('src/ has its modules', () => {
    expect(modules.length).toBeGreaterThan(100);
  });

  test.each(modules)('%s', async (module) => {
    vi.resetModules();
    // The sidebar's script, loaded without a document, is its own read worker: it needs the worker's `self`.
    if (module === SIDEBAR_SCRIPT) vi.stubGlobal('self', { onmessage: null, postMessage: () => undefined });
    try {
      const loaded: Record<string, unknown> = await import(/* @vite-ignore */ `../../${module}`);
      expect(typeof loaded).toBe('object');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
