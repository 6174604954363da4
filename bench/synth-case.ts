// Synthesizes a large case straight into its database, through the exhibit store's own insert path, one transaction
// per batch: Zipf-distributed words (realistic posting lists), tags, kinds, dates and evidence links for filters.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { ExhibitKind } from '../shared/model.ts';
import { createCaseApi } from '../electron/core/api.ts';
import { openCaseFolder } from '../electron/core/case/case-folder.ts';
import { createExhibitStore, type NewExhibit } from '../electron/core/store/exhibits.ts';
import { createTagStore } from '../electron/core/store/tags.ts';
import { seededRandom } from '../electron/core/seeded-random.ts';

export interface SynthSpec {
  /** Total pages of text to hold. */
  pages: number;
  /** Exhibits to spread them over; by default each exhibit gets 1–200 pages, most of them short. */
  exhibits?: number;
  wordsPerPage: number;
}

/** Words the fixed query mix asks for, placed at chosen ranks of the Zipf distribution (rank 0 is the commonest). */
const PLACED_WORDS: Record<number, string> = {
  3: 'contract',
  40: 'payment',
  200: 'server',
  900: 'installation',
  2500: 'backdoor',
  12000: 'suzhou',
};
/** Two-word phrases that occur as phrases on some pages, as they would in real documents. */
const PHRASES = ['trade secret', 'design review', 'police command centre', 'data exchange'];
const TAGS = ['hot', 'privileged', 'produced', 'key/design', 'key/payment', 'deposition', 'expert', 'draft'];
const PARAGRAPHS = 120;
const KINDS: ExhibitKind[] = ['pdf', 'pdf', 'pdf', 'email', 'email', 'document', 'image', 'text'];
const VOCABULARY = 30_000;
const ZIPF_S = 1.07;
const BATCH_PAGES = 20_000;

function vocabulary(): string[] {
  const syllables = 'ka lo mi ren tas vo de pri sul an ter gos bel fin ur ho nat ques vi lem dro cap ix sem yor'.split(' ');
  const words: string[] = [];
  const seen = new Set(Object.values(PLACED_WORDS));
  for (let i = 0; words.length < VOCABULARY; i++) {
    let n = i;
    let w = '';
    do {
      w += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    } while (n > 0);
    if (w.length >= 2 && !seen.has(w)) words.push(w);
  }
  for (const [rank, word] of Object.entries(PLACED_WORDS)) words[Number(rank)] = word;
  return words;
}

/** Draws word indexes by Zipf's law with a cumulative table and binary search. */
function zipfSampler(random: () => number): () => number {
  const cdf = new Float64Array(VOCABULARY);
  let sum = 0;
  for (let r = 0; r < VOCABULARY; r++) cdf[r] = sum += 1 / (r + 1) ** ZIPF_S;
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Page counts of exhibits: most short, a long tail up to 200. */
function pageCount(random: () => number): number {
  return Math.min(200, 1 + Math.floor(-Math.log(1 - random()) * 12));
}

/** The case folder for a spec under `root`, built once and reused while the spec is unchanged. */
export function synthCase(root: string, spec: SynthSpec): string {
  const dir = path.join(root, `synth-${spec.pages}p-${spec.exhibits ?? 'var'}x-${spec.wordsPerPage}w`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return path.join(dir, 'case');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const caseDir = path.join(dir, 'case');
  createCaseApi({ dir: caseDir, create: { title: `Synthetic case of ${spec.pages.toLocaleString('en-US')} pages` } }).close();
  const folder = openCaseFolder(caseDir);
  const { db } = folder;
  // A bench fixture: losing it to a crash costs a rebuild, so skip the durability the product insists on.
  db.pragma('synchronous = OFF');
  try {
    fill(db, spec);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
  } finally {
    folder.close();
  }
  fs.writeFileSync(done, '');
  return caseDir;
}

function fill(db: Database.Database, spec: SynthSpec): void {
  const random = seededRandom(1234);
  const words = vocabulary();
  const draw = zipfSampler(random);
  const store = createExhibitStore(db, () => new Map());
  const tags = createTagStore(db);
  const tagIds = TAGS.map((name) => tags.ensure(name));
  const paragraph = db.prepare('INSERT INTO paragraphs (number, text) VALUES (?, ?)');
  for (let n = 1; n <= PARAGRAPHS; n++) paragraph.run(n, `Paragraph ${n} of the complaint.`);
  const link = db.prepare(
    "INSERT INTO evidence_links (exhibit_id, paragraph_id, page_from, page_to, stance, created_at) VALUES (?, ?, 1, 1, 'supports', '2026-01-05T09:00:00.000Z')",
  );

  const pageText = (): string => {
    const out: string[] = [];
    while (out.length < spec.wordsPerPage) {
      if (random() < 0.01) out.push(PHRASES[Math.floor(random() * PHRASES.length)]!);
      else out.push(words[draw()]!);
    }
    return out.join(' ');
  };

  let pagesLeft = spec.pages;
  let n = 0;
  const perExhibit = spec.exhibits ? spec.pages / spec.exhibits : null;
  while (pagesLeft > 0) {
    db.transaction(() => {
      let batch = 0;
      while (pagesLeft > 0 && batch < BATCH_PAGES) {
        n++;
        const wanted = perExhibit ? Math.round(n * perExhibit) - Math.round((n - 1) * perExhibit) : pageCount(random);
        const pages = Math.max(1, Math.min(pagesLeft, wanted));
        pagesLeft -= pages;
        batch += pages;
        const kind = KINDS[n % KINDS.length]!;
        const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
        const e: NewExhibit = {
          exhibitNo: `PX-${String(n).padStart(6, '0')}`,
          title: `${words[draw()]} ${words[draw()]} ${words[draw()]}`,
          kind,
          date: random() < 0.1 ? null : day,
          author: null,
          from: kind === 'email' ? `${words[draw()]}@example.com` : null,
          to: kind === 'email' ? `${words[draw()]}@example.com` : null,
          cc: null,
          subject: kind === 'email' ? `${words[draw()]} ${words[draw()]}` : null,
          sourceName: `${n}.pdf`,
          sourcePath: `/productions/${n}.pdf`,
          sha256: n.toString(16).padStart(64, '0'),
          mediaType: 'application/pdf',
          pages,
          textLayer: true,
          encrypted: false,
          parentId: null,
          warnings: [],
          importedAt: '2026-01-05T09:00:00.000Z',
        };
        const texts = Array.from({ length: pages }, (_, p) => ({ source: 'page' as const, page: p + 1, text: pageText() }));
        const id = store.insert(e, 10_000 * pages, texts);
        if (random() < 0.3) tags.attach(id, tagIds[Math.floor(random() * tagIds.length)]!);
        if (random() < 0.1) tags.attach(id, tagIds[Math.floor(random() * tagIds.length)]!);
        if (random() < 0.05) link.run(id, 1 + Math.floor(random() * PARAGRAPHS));
      }
    })();
  }
}
