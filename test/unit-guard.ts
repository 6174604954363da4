// Set up before each file of the unit lane (npm run test:unit): a unit test starts no worker thread and no process
// (no CLI, no Chromium, no case host), so one that does fails here, saying to move it out of the lane's list.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const refuse = (what: string) => () => {
  throw new Error(`A unit test may not ${what}: this file belongs in the full suite, not in UNIT_TESTS (test/unit-lane.ts).`);
};

const threads = require('node:worker_threads') as Record<string, unknown>;
threads.Worker = refuse('start a worker thread');
const processes = require('node:child_process') as Record<string, unknown>;
for (const name of ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync']) processes[name] = refuse(`start a process (${name})`);
syncBuiltinESMExports();
