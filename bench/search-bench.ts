// Search latency through the real API, in-process and warm: a fixed mix of queries over synthesized cases of
// growing size, p50/p95/max per size (the scaling curve) and per query.
import { createCaseApi } from '../electron/core/api.ts';
import type { Api } from '../shared/api.ts';
import { percentile } from './stats.ts';
import { synthCase } from './synth-case.ts';

type SearchArgs = Parameters<Api['search']>[0];

/** Word, rare word, phrase, prefix, boolean, NEAR, and the same kinds of query with each filter. */
export const QUERY_MIX: { label: string; args: SearchArgs }[] = [
  { label: 'common word', args: { query: 'contract' } },
  { label: 'word', args: { query: 'server' } },
  { label: 'rare word', args: { query: 'suzhou' } },
  { label: 'phrase', args: { query: '"trade secret"' } },
  { label: 'prefix', args: { query: 'instal*' } },
  { label: 'boolean', args: { query: '(payment OR server) AND contract NOT backdoor' } },
  { label: 'NEAR', args: { query: 'NEAR(server payment, 5)' } },
  { label: 'word, tag filter', args: { query: 'payment', filters: { tags: ['hot'] } } },
  { label: 'phrase, kind + dates', args: { query: '"data exchange"', filters: { kinds: ['email'], dateFrom: '2015-01-01', dateTo: '2017-12-31' } } },
  { label: 'word, paragraph filter', args: { query: 'server', filters: { paragraph: 7 } } },
];

export interface SearchRow {
  pages: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** CPU time of this process per query: on a shared machine, wall time also counts waiting for a core. */
  cpuP50Ms: number;
  cpuP95Ms: number;
  perQuery: { label: string; p50Ms: number; maxMs: number; hits: number }[];
}

const WORDS_PER_PAGE = 250;

/** Runs the mix `rounds` times (after one warm-up round) on a case of `pages` pages. */
export async function benchmarkSearch(cache: string, pages: number, rounds: number): Promise<SearchRow> {
  const dir = synthCase(cache, { pages, wordsPerPage: WORDS_PER_PAGE });
  const api = createCaseApi({ dir });
  try {
    const times = QUERY_MIX.map(() => [] as number[]);
    const cpu: number[] = [];
    const hits: number[] = [];
    for (let round = -1; round < rounds; round++) {
      for (const [i, q] of QUERY_MIX.entries()) {
        const cpuStart = process.cpuUsage();
        const start = process.hrtime.bigint();
        const found = await api.search(q.args);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const used = process.cpuUsage(cpuStart);
        if (round >= 0) {
          times[i]!.push(ms);
          cpu.push((used.user + used.system) / 1000);
        }
        else hits[i] = found.length;
      }
    }
    const all = times.flat();
    return {
      pages,
      queries: all.length,
      p50Ms: percentile(all, 50),
      p95Ms: percentile(all, 95),
      maxMs: Math.max(...all),
      cpuP50Ms: percentile(cpu, 50),
      cpuP95Ms: percentile(cpu, 95),
      perQuery: QUERY_MIX.map((q, i) => ({ label: q.label, p50Ms: percentile(times[i]!, 50), maxMs: Math.max(...times[i]!), hits: hits[i]! })),
    };
  } finally {
    api.close();
  }
}
