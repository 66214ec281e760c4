import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report feeds .ci/run's closing "tests: N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    // A timeout here only catches a hang: it must hold on a 2-core machine that is busy with
    // other work. How fast anything is belongs to `npm run bench`, never to a test.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
