// Test runner configuration: one forked worker, modules shared across files, so the embedded
// Postgres (PGlite) store is created once per run and reset between tests, not per file.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{knowledge,scheduling,server,views,test}/**/*.test.{ts,tsx}'],
    pool: 'forks',
    fileParallelism: false,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    globalSetup: ['test/support/global-setup.ts'],
  },
});
