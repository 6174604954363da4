// A generated case for ranking tests, written straight through the exhibit store (no PDFs): pages of uneven length
// drawn from a Zipf vocabulary, with phrases, prefixes and Chinese text placed in them, and the kinds, dates, tags and
// evidence links the filters need. The same seed gives the same case.
import type Database from 'better-sqlite3';
import { seededRandom } from '../../electron/core/seeded-random.ts';
import { createExhibitStore, type NewExhibit } from '../../electron/core/store/exhibits.ts';
import { createTagStore } from '../../electron/core/store/tags.ts';
import { exhibitConditions, type ResolvedFilters } from '../../electron/core/search/search-index.ts';

const KINDS = ['pdf', 'pdf', 'email', 'document', 'text'] as const;
/** Words the tests ask for, at chosen ranks of the vocabulary (0 is the commonest). */
const PLACED: Record<number, string> = { 0: 'contract', 6: 'payment', 25: 'server', 60: 'installation', 61: 'install', 140: 'installed', 180: 'backdoor', 390: 'suzhou' };
const PHRASES = ['trade secret', 'data exchange'];
const CHINESE = ['本合同的违约责任由供应商承担', '服务器的付款条件', '合同签订后双方交换数据', '供应商'];

function vocabulary(size: number): string[] {
  const syllables = 'ka lo mi ren tas vo de pri sul an ter gos bel fin ur ho'.split(' ');
  const words = Array.from({ length: size }, (_, i) => {
    let w = '';
    for (let n = i + 17; n > 0; n = Math.floor(n / syllables.length)) w += syllables[n % syllables.length];
    return w;
  });
  for (const [rank, word] of Object.entries(PLACED)) words[Number(rank)] = word;
  return words;
}

export interface SearchCase {
  /** Ids of the tags by name, each with its descendants, as the search handler resolves them. */
  tagIds(name: string): number[];
}

/** Fills `db` (a new case) with `exhibits` exhibits of 1 to `maxPages` pages each; returns how to resolve its tags. */
export function fillSearchCase(db: Database.Database, exhibits: number, maxPages: number, seed = 26): SearchCase {
  const random = seededRandom(seed);
  const words = vocabulary(400);
  const cdf: number[] = [];
  let total = 0;
  for (let r = 0; r < words.length; r++) cdf.push((total += 1 / (r + 1) ** 1.1));
  const draw = () => {
    const x = random() * total;
    let lo = 0;
    while (cdf[lo]! < x) lo++;
    return words[lo]!;
  };
  const page = () => {
    if (random() < 0.04) return `${CHINESE[Math.floor(random() * CHINESE.length)]} ${draw()} ${CHINESE[Math.floor(random() * CHINESE.length)]}`;
    const out: string[] = [];
    const length = 3 + Math.floor(random() ** 2 * 160);
    while (out.length < length) out.push(random() < 0.02 ? PHRASES[Math.floor(random() * PHRASES.length)]! : draw());
    return out.join(' ');
  };
  const store = createExhibitStore(db, () => new Map());
  const tags = createTagStore(db);
  const hot = tags.ensure('hot');
  const key = tags.ensure('key');
  const design = tags.ensure('key/design');
  const paragraph = db.prepare('INSERT INTO paragraphs (number, text) VALUES (?, ?)');
  for (let n = 1; n <= 20; n++) paragraph.run(n, `Paragraph ${n}.`);
  const link = db.prepare(
    "INSERT INTO evidence_links (exhibit_id, paragraph_id, page_from, page_to, stance, created_at) VALUES (?, (SELECT id FROM paragraphs WHERE number = ?), 1, 1, 'supports', '2026-01-05T09:00:00.000Z')",
  );
  db.transaction(() => {
    for (let n = 1; n <= exhibits; n++) {
      const pages = 1 + Math.floor(random() * maxPages);
      const kind = KINDS[n % KINDS.length]!;
      const e: NewExhibit = {
        exhibitNo: `PX-${String(n).padStart(3, '0')}`,
        title: `${draw()} ${draw()}`,
        kind,
        date: random() < 0.1 ? null : new Date(Date.UTC(2012, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10),
        author: null,
        from: kind === 'email' ? `${draw()}@example.com` : null,
        to: null,
        cc: null,
        subject: kind === 'email' ? `${draw()} ${draw()}` : null,
        sourceName: `${n}.pdf`,
        sourcePath: `/in/${n}.pdf`,
        sha256: n.toString(16).padStart(64, '0'),
        mediaType: 'application/pdf',
        pages,
        textLayer: true,
        encrypted: false,
        parentId: null,
        warnings: [],
        importedAt: '2026-01-05T09:00:00.000Z',
      };
      const id = store.insert(e, 1000, Array.from({ length: pages }, (_, p) => ({ source: 'page' as const, page: p + 1, text: page() })));
      if (random() < 0.25) tags.attach(id, hot);
      if (random() < 0.15) tags.attach(id, random() < 0.5 ? key : design);
      if (random() < 0.3) link.run(id, 1 + Math.floor(random() * 20));
    }
  })();
  return { tagIds: (name) => tags.withDescendants(tags.find(name)!.id) };
}

/** The exact answer: FTS5's bm25 over every match the filters allow, ties in exhibit order, as exhibit/page/source. */
export function exactRanking(db: Database.Database, match: string, filters: ResolvedFilters, limit: number): string[] {
  const conditions = exhibitConditions(filters);
  return db
    .prepare(
      `SELECT e.exhibit_no || '/' || coalesce(t.page, '-') || '/' || t.source
       FROM texts_fts JOIN texts t ON t.id = texts_fts.rowid JOIN exhibits e ON e.id = t.exhibit_id
       WHERE texts_fts MATCH ? ${conditions ? `AND ${conditions.where}` : ''}
       ORDER BY bm25(texts_fts), e.seq, e.exhibit_no, t.page, t.id LIMIT ?`,
    )
    .pluck()
    .all(match, ...(conditions?.params ?? []), limit) as string[];
}

/** A hit as exactRanking names it. */
export function hitKey(hit: { exhibitNo: string; page: number | null; source: string }): string {
  return `${hit.exhibitNo}/${hit.page ?? '-'}/${hit.source === 'metadata' ? 'meta' : hit.source}`;
}
