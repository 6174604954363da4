// Start-up as a user at a shell meets it, against a bare Node start (`node -e 0`): `exhibit-desk --help`, and a
// stamped export of a case's one 10-page exhibit (opening the case, the export's worker thread, the file written).
// Every round runs the three in fresh processes, interleaved, the order turned round each time; ratios are each
// round's time ÷ that round's bare start, and their median.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCaseApi } from '../electron/core/api.ts';
import { cliCommand } from './cli.ts';
import { pdfCorpus } from './corpus.ts';
import { interleaved, measure, median } from './tools.ts';

export interface StartupResult {
  rounds: number;
  nodeMs: number;
  helpMs: number;
  exportMs: number;
  /** Medians of each round's ratio to that round's bare Node start. */
  helpRatio: number;
  exportRatio: number;
  /** CPU time (user + system) of each, median, in ms. */
  cpuMs: { node: number; help: number; export: number };
}

export async function benchmarkStartup(cache: string, cli: string, rounds: number): Promise<StartupResult> {
  const [exhibit] = fs.readdirSync(await pdfCorpus(cache, 30, 10)).filter((f) => f.endsWith('.pdf')).sort();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-bench-'));
  try {
    const caseDir = path.join(work, 'case');
    const api = createCaseApi({ dir: caseDir, create: { title: 'Start-up benchmark' } });
    try {
      await api.importFiles({ paths: [path.join(cache, 'pdf-30x10', exhibit!)] });
    } finally {
      api.close();
    }
    const runs = interleaved(rounds, {
      node: () => measure(process.execPath, ['-e', '0']),
      help: () => measure(...cliCommand(cli, ['--help'])),
      export: (round) => measure(...cliCommand(cli, ['export', caseDir, 'stamped', '--out', path.join(work, `out-${round}`), '--bates-prefix', 'B'])),
    });
    const ms = (key: keyof typeof runs) => median(runs[key].map((r) => r.seconds * 1000));
    const cpu = (key: keyof typeof runs) => median(runs[key].map((r) => r.cpuSeconds * 1000));
    const ratio = (key: 'help' | 'export') => median(runs[key].map((r, i) => r.seconds / runs.node[i]!.seconds));
    return {
      rounds,
      nodeMs: ms('node'),
      helpMs: ms('help'),
      exportMs: ms('export'),
      helpRatio: ratio('help'),
      exportRatio: ratio('export'),
      cpuMs: { node: cpu('node'), help: cpu('help'), export: cpu('export') },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
