import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report feeds .ci/run's closing "tests: N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    // Browser and bundle tests start Chromium or load dist/: give them room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
