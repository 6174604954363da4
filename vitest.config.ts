import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time even on two cores: most of them wait on child processes, Chromium and fsync.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
