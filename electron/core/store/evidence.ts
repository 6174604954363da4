// Evidence links: an exhibit (optionally pages and a quoted passage) tied to a complaint paragraph with a stance.
import type Database from 'better-sqlite3';
import { pinpointCite } from '../../../shared/cite.ts';
import { UserError } from '../../../shared/errors.ts';
import type { EvidenceLink, Stance } from '../../../shared/model.ts';

interface LinkRow {
  id: number;
  exhibit_id: number;
  exhibit_no: string;
  paragraph_no: number;
  page_from: number | null;
  page_to: number | null;
  quote: string | null;
  stance: Stance;
  note: string | null;
  annotation_id: number | null;
}

export interface NewLink {
  exhibitId: number;
  paragraphId: number;
  pageFrom: number | null;
  pageTo: number | null;
  quote: string | null;
  stance: Stance;
  note: string | null;
  annotationId: number | null;
  createdAt: string;
}

const LINKS = `
  SELECT l.id, l.exhibit_id, e.exhibit_no, p.number AS paragraph_no, l.page_from, l.page_to, l.quote, l.stance,
    l.note, l.annotation_id
  FROM evidence_links l JOIN exhibits e ON e.id = l.exhibit_id JOIN paragraphs p ON p.id = l.paragraph_id`;

export function createEvidenceStore(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO evidence_links (exhibit_id, paragraph_id, page_from, page_to, quote, stance, note, annotation_id, created_at)
    VALUES (@exhibitId, @paragraphId, @pageFrom, @pageTo, @quote, @stance, @note, @annotationId, @createdAt)`);
  const byId = db.prepare<[number], LinkRow>(`${LINKS} WHERE l.id = ?`);
  const forParagraph = db.prepare<[number], LinkRow>(`${LINKS} WHERE l.paragraph_id = ? ORDER BY e.seq, l.page_from, l.id`);
  const forExhibit = db.prepare<[number], LinkRow>(`${LINKS} WHERE l.exhibit_id = ? ORDER BY p.number, l.id`);
  const remove = db.prepare<[number]>('DELETE FROM evidence_links WHERE id = ?');
  const same = db.prepare<[number, number, number | null, number | null, string | null], LinkRow>(`${LINKS}
    WHERE l.exhibit_id = ? AND l.paragraph_id = ? AND l.page_from IS ? AND l.page_to IS ? AND l.quote IS ? LIMIT 1`);

  function get(id: number): EvidenceLink {
    const row = byId.get(id);
    if (!row) throw new UserError('not_found', `No evidence link with id ${id}.`);
    return toLink(row);
  }

  return {
    get,
    add: (link: NewLink) => get(Number(insert.run(link).lastInsertRowid)),
    forParagraph: (paragraphId: number) => forParagraph.all(paragraphId).map(toLink),
    forExhibit: (exhibitId: number) => forExhibit.all(exhibitId).map(toLink),
    /** A link of the exhibit to the paragraph with the same pages and quote, whatever its stance, or null. */
    findSame(link: Pick<NewLink, 'exhibitId' | 'paragraphId' | 'pageFrom' | 'pageTo' | 'quote'>): EvidenceLink | null {
      const row = same.get(link.exhibitId, link.paragraphId, link.pageFrom, link.pageTo, link.quote);
      return row ? toLink(row) : null;
    },
    remove(id: number): EvidenceLink {
      const before = get(id);
      remove.run(id);
      return before;
    },
  };
}

export type EvidenceStore = ReturnType<typeof createEvidenceStore>;

function toLink(r: LinkRow): EvidenceLink {
  return {
    id: r.id,
    exhibitId: r.exhibit_id,
    exhibitNo: r.exhibit_no,
    paragraphNo: r.paragraph_no,
    pageFrom: r.page_from,
    pageTo: r.page_to,
    quote: r.quote,
    stance: r.stance,
    note: r.note,
    annotationId: r.annotation_id,
    cite: pinpointCite(r.exhibit_no, r.page_from, r.page_to),
  };
}
