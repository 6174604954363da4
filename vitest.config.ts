import { configDefaults, defineConfig } from 'vitest/config';
import { UNIT_TESTS } from './test/unit-lane.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time even on two cores: most of them wait on child processes, Chromium and fsync.
    maxWorkers: 2,
    minWorkers: 1,
    // Two lanes, each file in one of them: `npm run test:unit` runs the first alone (under a minute), `npm test` both.
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS, setupFiles: ['test/unit-guard.ts'], isolate: false, pool: 'threads' } },
      { extends: true, test: { name: 'full', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...UNIT_TESTS] } },
    ],
  },
});
