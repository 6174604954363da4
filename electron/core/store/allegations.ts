// The complaint's causes of action and numbered paragraphs.
import type Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors.ts';
import type { CauseOfAction, Paragraph } from '../../../shared/model.ts';

interface ParagraphRow {
  id: number;
  number: number;
  cause_id: number | null;
  section: string | null;
  text: string;
  page: number | null;
  evidence_count: number;
  no_evidence_reason: string | null;
}

export interface NewParagraph {
  number: number;
  text: string;
  page: number | null;
  section: string | null;
  causeId: number | null;
}

const PARAGRAPHS = `
  SELECT p.*, (SELECT count(*) FROM evidence_links l WHERE l.paragraph_id = p.id) AS evidence_count
  FROM paragraphs p`;

export function createAllegationStore(db: Database.Database) {
  const causes = db.prepare<[], CauseOfAction>('SELECT id, ordinal, title, page FROM causes ORDER BY ordinal');
  const paragraphs = db.prepare<[], ParagraphRow>(`${PARAGRAPHS} ORDER BY p.number`);
  const byNumber = db.prepare<[number], ParagraphRow>(`${PARAGRAPHS} WHERE p.number = ?`);
  const unsupported = db.prepare<[], ParagraphRow>(`${PARAGRAPHS}
    WHERE NOT EXISTS (SELECT 1 FROM evidence_links l WHERE l.paragraph_id = p.id AND l.stance = 'supports')
      AND p.no_evidence_reason IS NULL
    ORDER BY p.number`);
  const forExhibit = db.prepare<[number], ParagraphRow>(`${PARAGRAPHS}
    WHERE p.id IN (SELECT paragraph_id FROM evidence_links WHERE exhibit_id = ?) ORDER BY p.number`);
  const insertCause = db.prepare<[number, string, number | null]>('INSERT INTO causes (ordinal, title, page) VALUES (?, ?, ?)');
  const insertParagraph = db.prepare(
    'INSERT INTO paragraphs (number, cause_id, section, text, page) VALUES (@number, @causeId, @section, @text, @page)',
  );
  const upsertParagraph = db.prepare(`
    INSERT INTO paragraphs (number, cause_id, section, text, page) VALUES (@number, @causeId, @section, @text, @page)
    ON CONFLICT (number) DO UPDATE SET cause_id = excluded.cause_id, section = excluded.section,
      text = excluded.text, page = excluded.page`);
  const updateParagraph = db.prepare('UPDATE paragraphs SET text = @text, section = @section, cause_id = @causeId WHERE id = @id');
  const deleteParagraph = db.prepare<[number]>('DELETE FROM paragraphs WHERE id = ?');
  const setReason = db.prepare<[string | null, number]>('UPDATE paragraphs SET no_evidence_reason = ? WHERE id = ?');
  const clearCauses = db.prepare('DELETE FROM causes');

  function paragraph(number: number): Paragraph {
    const row = byNumber.get(number);
    if (!row) throw new UserError('not_found', `No paragraph ${number} in the allegations.`);
    return toParagraph(row);
  }

  return {
    causes: () => causes.all(),
    paragraphs: () => paragraphs.all().map(toParagraph),
    paragraph,
    findParagraph: (number: number) => {
      const row = byNumber.get(number);
      return row ? toParagraph(row) : null;
    },
    unsupported: () => unsupported.all().map(toParagraph),
    forExhibit: (exhibitId: number) => forExhibit.all(exhibitId).map(toParagraph),

    /**
     * Replaces the causes of action and updates paragraphs by number, keeping existing paragraphs (and their
     * evidence links) that the new complaint also has. Caller runs it in a transaction.
     */
    replaceComplaint(
      causeList: { ordinal: number; title: string; page: number | null }[],
      paragraphList: (Omit<NewParagraph, 'causeId'> & { causeOrdinal: number | null })[],
    ): { causes: number; paragraphs: number } {
      clearCauses.run();
      const causeIds = new Map<number, number>();
      for (const c of causeList) causeIds.set(c.ordinal, Number(insertCause.run(c.ordinal, c.title, c.page).lastInsertRowid));
      for (const p of paragraphList) {
        upsertParagraph.run({
          number: p.number,
          text: p.text,
          page: p.page,
          section: p.section,
          causeId: p.causeOrdinal == null ? null : (causeIds.get(p.causeOrdinal) ?? null),
        });
      }
      return { causes: causeList.length, paragraphs: paragraphList.length };
    },

    addParagraph(p: NewParagraph): Paragraph {
      if (byNumber.get(p.number)) throw new UserError('conflict', `Paragraph ${p.number} already exists.`);
      insertParagraph.run(p);
      return paragraph(p.number);
    },

    editParagraph(number: number, edit: { text?: string; section?: string | null; causeId?: number | null }) {
      const before = paragraph(number);
      updateParagraph.run({
        id: before.id,
        text: edit.text ?? before.text,
        section: edit.section === undefined ? before.section : edit.section,
        causeId: edit.causeId === undefined ? before.causeId : edit.causeId,
      });
      return { before, after: paragraph(number) };
    },

    /** Marks the paragraph as needing no evidence, with the reason, or (null) as needing it again. */
    setNoEvidenceReason(number: number, reason: string | null): { before: Paragraph; after: Paragraph } {
      const before = paragraph(number);
      setReason.run(reason, before.id);
      return { before, after: paragraph(number) };
    },

    removeParagraph(number: number): Paragraph {
      const before = paragraph(number);
      deleteParagraph.run(before.id);
      return before;
    },
  };
}

export type AllegationStore = ReturnType<typeof createAllegationStore>;

function toParagraph(r: ParagraphRow): Paragraph {
  return {
    id: r.id,
    number: r.number,
    causeId: r.cause_id,
    section: r.section,
    text: r.text,
    page: r.page,
    evidenceCount: r.evidence_count,
    ...(r.no_evidence_reason !== null ? { noEvidenceReason: r.no_evidence_reason } : {}),
  };
}
