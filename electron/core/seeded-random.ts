// A small deterministic generator (mulberry32): the sample case, the benchmark corpora and the crash harness draw from
// it, so that each is the same on every run and a failing run can be replayed from its seed.

/** Numbers in [0, 1) from a numeric seed, or from a string (hashed with FNV-1a). */
export function seededRandom(seed: number | string): () => number {
  let a = typeof seed === 'number' ? seed >>> 0 : [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
