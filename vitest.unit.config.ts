// The fast lane, `npm run test:unit`: the files of test/unit-lane.ts, which start no worker thread and no process
// (test/unit-guard.ts fails one that does), sharing their two worker processes instead of a fresh one per file.
// `npm test` runs them again with everything else, under vitest.config.ts.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';
import { UNIT_TESTS } from './test/unit-lane.ts';

export default defineConfig({
  test: {
    ...base.test,
    include: UNIT_TESTS,
    setupFiles: ['test/unit-guard.ts'],
    isolate: false,
    poolOptions: { forks: { isolate: false } },
  },
});
