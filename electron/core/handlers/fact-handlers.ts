// Facts: the case's chronology — add, edit, remove, tie to exhibits and paragraphs, propose from exhibits, report.
import { UserError } from '../../../shared/errors.ts';
import type { Exhibit, Fact, FactDate, FactStatus } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { parseFactDate } from '../chronology/fuzzy-date.ts';
import { exhibitDay, proposedStatement } from '../chronology/proposals.ts';
import { selectFacts } from '../chronology/select-facts.ts';
import { selectFamilies } from '../export/selection.ts';
import type { FactFields } from '../store/facts.ts';
import { changedOnly, refuseIfStale } from './edit-guard.ts';
import type { HandlerGroup } from './handler.ts';

type Names =
  | 'listFacts'
  | 'addFact'
  | 'editFact'
  | 'removeFact'
  | 'linkFact'
  | 'unlinkFact'
  | 'linkFactParagraph'
  | 'unlinkFactParagraph'
  | 'proposeFacts'
  | 'decideFacts'
  | 'exportChronology';

/** A fact's fields as a user sees and edits them: the date as typed, tags as one sorted list. */
interface FactView {
  statement: string;
  date: string;
  status: FactStatus;
  key: boolean;
  sequence: number;
  tags: string;
}

const FIELD_LABELS: Record<keyof FactView, string> = { statement: 'statement', date: 'date', status: 'status', key: 'key mark', sequence: 'order', tags: 'tags' };

// Tags compare as one value (an edit replaces the list), so a list is joined in a fixed order.
const tagList = (tags: string[]) => [...tags].sort().join('\n');

const viewOf = (f: Fact): FactView => ({ statement: f.statement, date: f.date.text, status: f.status, key: f.key, sequence: f.sequence, tags: tagList(f.tags) });

function fieldsOf(statement: string, date: FactDate, rest: { sequence: number; status: FactStatus; key: boolean }): FactFields {
  return { statement, precision: date.precision, start: date.start, end: date.end, dateText: date.text, ...rest };
}

function checkPages(e: Exhibit, pageFrom: number | undefined, pageTo: number | undefined): void {
  for (const page of [pageFrom, pageTo]) {
    if (page !== undefined && e.pages !== null && page > e.pages) {
      throw new UserError('bad_input', `${e.exhibitNo} has ${e.pages} page(s); there is no page ${page}.`);
    }
  }
}

export function factHandlers(ctx: CaseContext): HandlerGroup<Names> {
  const tagIds = (paths: string[]) => paths.map((p) => ctx.tags.ensure(p));

  return {
    listFacts({ includeProposed, limit, ...filters }) {
      const facts = selectFacts(ctx, filters, includeProposed === true);
      return limit === undefined ? facts : facts.slice(0, limit);
    },

    addFact(args) {
      const date = parseFactDate(args.date);
      const exhibit = args.source ? ctx.exhibits.resolve(args.source.exhibit) : null;
      if (exhibit) checkPages(exhibit, args.source!.pageFrom, args.source!.pageTo);
      const paragraphs = args.paragraphs.map((n) => ctx.allegations.paragraph(n));
      return ctx.db.transaction(() => {
        const fields = fieldsOf(args.statement, date, { sequence: args.sequence, status: args.status, key: args.key });
        const id = ctx.facts.add(fields, { proposedFrom: null, createdAt: ctx.now() });
        ctx.facts.setTags(id, tagIds(args.tags));
        for (const p of paragraphs) ctx.facts.linkParagraph(id, p.id);
        if (exhibit) {
          const s = args.source!;
          ctx.facts.addSource({ factId: id, exhibitId: exhibit.id, pageFrom: s.pageFrom ?? null, pageTo: s.pageTo ?? s.pageFrom ?? null, quote: s.quote ?? null, createdAt: ctx.now() });
        }
        const fact = ctx.facts.get(id);
        ctx.audit.record({ action: 'fact.add', objectType: 'fact', objectId: id, after: fact });
        return fact;
      }).immediate();
    },

    editFact({ id, edit, expected }) {
      const date = edit.date === undefined ? undefined : parseFactDate(edit.date);
      // Read, checked and written in one immediate transaction, as exhibit edits are (edit-guard.ts).
      return ctx.db.transaction(() => {
        const current = ctx.facts.get(id);
        const view = viewOf(current);
        const was = expected && { ...expected, tags: expected.tags === undefined ? undefined : tagList(expected.tags) };
        refuseIfStale(view, was, `fact ${id}`, (f) => FIELD_LABELS[f]);
        const changes = changedOnly(view, { ...edit, date: date?.text, tags: edit.tags === undefined ? undefined : tagList(edit.tags) });
        const changed = Object.keys(changes) as (keyof FactView)[];
        if (changed.length === 0) return current;
        const next = { ...view, ...changes };
        const dated = date ?? current.date;
        ctx.facts.update(id, fieldsOf(next.statement, dated, { sequence: next.sequence, status: next.status, key: next.key }));
        if (changes.tags !== undefined) ctx.facts.setTags(id, tagIds(edit.tags!));
        const after = ctx.facts.get(id);
        ctx.audit.record({
          action: 'fact.edit',
          objectType: 'fact',
          objectId: id,
          before: Object.fromEntries(changed.map((k) => [k, k === 'date' ? current.date : k === 'tags' ? current.tags : view[k]])),
          after: Object.fromEntries(changed.map((k) => [k, k === 'date' ? after.date : k === 'tags' ? after.tags : viewOf(after)[k]])),
        });
        return after;
      }).immediate();
    },

    removeFact({ id }) {
      return ctx.db.transaction(() => {
        const before = ctx.facts.remove(id);
        ctx.audit.record({ action: 'fact.remove', objectType: 'fact', objectId: id, before });
        return before;
      }).immediate();
    },

    linkFact({ id, exhibit, pageFrom, pageTo, quote }) {
      const e = ctx.exhibits.resolve(exhibit);
      checkPages(e, pageFrom, pageTo);
      return ctx.db.transaction(() => {
        ctx.facts.get(id);
        const source = ctx.facts.addSource({ factId: id, exhibitId: e.id, pageFrom: pageFrom ?? null, pageTo: pageTo ?? pageFrom ?? null, quote: quote ?? null, createdAt: ctx.now() });
        ctx.audit.record({ action: 'fact.link', objectType: 'fact', objectId: id, after: source });
        return source;
      }).immediate();
    },

    unlinkFact({ sourceId, id }) {
      return ctx.db.transaction(() => {
        if (id !== undefined) {
          const source = ctx.facts.get(id).sources.find((s) => s.id === sourceId);
          if (!source) throw new UserError('not_found', `Fact ${id} has no source ${sourceId}; nothing was unlinked.`);
        }
        const before = ctx.facts.removeSource(sourceId);
        ctx.audit.record({ action: 'fact.unlink', objectType: 'fact', objectId: before.factId, before });
        return before;
      }).immediate();
    },

    linkFactParagraph({ id, paragraph }) {
      return ctx.db.transaction(() => {
        ctx.facts.get(id);
        const p = ctx.allegations.paragraph(paragraph);
        // Already linked: nothing changes, so nothing is recorded.
        if (ctx.facts.linkParagraph(id, p.id)) {
          ctx.audit.record({ action: 'fact.link-paragraph', objectType: 'fact', objectId: id, after: { paragraph } });
        }
        return ctx.facts.get(id);
      }).immediate();
    },

    unlinkFactParagraph({ id, paragraph }) {
      return ctx.db.transaction(() => {
        ctx.facts.get(id);
        const p = ctx.allegations.paragraph(paragraph);
        if (!ctx.facts.unlinkParagraph(id, p.id)) throw new UserError('not_found', `Fact ${id} is not linked to ¶ ${paragraph}.`);
        ctx.audit.record({ action: 'fact.unlink-paragraph', objectType: 'fact', objectId: id, before: { paragraph } });
        return ctx.facts.get(id);
      }).immediate();
    },

    proposeFacts({ select }) {
      const exhibits = selectFamilies(ctx, select).flatMap((head) => [head, ...ctx.exhibits.children(head.id)]);
      return ctx.db.transaction(() => {
        const proposed: Fact[] = [];
        const skipped: string[] = [];
        for (const e of exhibits) {
          const day = exhibitDay(e);
          if (day === null) {
            skipped.push(`${e.exhibitNo}: it has no date`);
            continue;
          }
          if (ctx.facts.proposedFromExhibit(e.id)) {
            skipped.push(`${e.exhibitNo}: a fact was already proposed from it`);
            continue;
          }
          const fields = fieldsOf(proposedStatement(e), parseFactDate(day), { sequence: 0, status: 'undisputed', key: false });
          const id = ctx.facts.add(fields, { proposedFrom: e.id, createdAt: ctx.now() });
          // Page 1: where a document shows its date and title, and an email its header.
          ctx.facts.addSource({ factId: id, exhibitId: e.id, pageFrom: 1, pageTo: 1, quote: null, createdAt: ctx.now() });
          const fact = ctx.facts.get(id);
          ctx.audit.record({ action: 'fact.propose', objectType: 'fact', objectId: id, after: fact });
          proposed.push(fact);
        }
        return { proposed, skipped };
      }).immediate();
    },

    decideFacts({ ids, accept }) {
      return ctx.db.transaction(() => {
        const chosen = ids === 'all' ? ctx.facts.proposalIds() : ids;
        for (const id of chosen) {
          const fact = ctx.facts.get(id);
          if (!fact.proposed) throw new UserError('bad_input', `Fact ${id} is not a proposal; nothing was changed.`);
          if (accept) {
            ctx.facts.accept(id);
            ctx.audit.record({ action: 'fact.accept', objectType: 'fact', objectId: id, after: { proposed: false } });
          } else {
            ctx.facts.remove(id);
            ctx.audit.record({ action: 'fact.reject', objectType: 'fact', objectId: id, before: fact });
          }
        }
        return { changed: chosen.length };
      }).immediate();
    },

    // Loaded on first use: the report brings the PDF and Word writers.
    exportChronology: async (args) => (await import('../chronology/chronology-report.ts')).exportChronology(ctx, args),
  };
}
