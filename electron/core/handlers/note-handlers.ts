// Notes and highlights: add, edit, remove and restore (Undo), each under its author's name; the notes across the case;
// the case's users. Every change is in the audit log with its author.
import os from 'node:os';
import { UserError } from '../../../shared/errors.ts';
import type { Annotation, Exhibit } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { refuseIfStale } from './edit-guard.ts';
import type { HandlerGroup } from './handler.ts';

type Names = 'addAnnotation' | 'listAnnotations' | 'editAnnotation' | 'removeAnnotation' | 'restoreAnnotation' | 'listNotes' | 'listUsers' | 'addUser';

const DEFAULT_HIGHLIGHT = '#ffd54f';

/** Who writes when the caller names no one (the CLI, a script): the account the app runs under, as redactions record. */
function accountName(): string {
  try {
    return os.userInfo().username.trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}

function checkPage(e: Exhibit, page: number): void {
  if (e.pages !== null && page > e.pages) throw new UserError('bad_input', `${e.exhibitNo} has ${e.pages} page(s); there is no page ${page}.`);
}

/** "" and whitespace clear a note; a highlight keeps its quote without one. */
const noteText = (note: string | null | undefined): string | null => (note == null || note.trim() === '' ? null : note.trim());

export function noteHandlers(ctx: CaseContext): HandlerGroup<Names> {
  /** The author's user (added, and the addition recorded, the first time the name is used); call inside the transaction. */
  function author(name: string | undefined): { id: number; name: string } {
    const user = ctx.users.ensure(name ?? accountName(), ctx.now());
    if (user.added) ctx.audit.record({ action: 'user.add', objectType: 'user', objectId: user.id, after: { name: user.name }, author: user.name });
    return user;
  }

  const what = (a: Annotation) => (a.rects.length > 0 ? 'highlight' : 'note');

  return {
    addAnnotation(args) {
      const e = ctx.exhibits.resolve(args.exhibit);
      checkPage(e, args.page);
      return ctx.db.transaction(() => {
        const by = author(args.author);
        const a = ctx.annotations.add({
          exhibitId: e.id,
          page: args.page,
          rects: args.rects,
          quote: args.quote?.trim() || null,
          note: noteText(args.note),
          color: args.colour ?? DEFAULT_HIGHLIGHT,
          createdAt: ctx.now(),
          authorId: by.id,
        });
        ctx.audit.record({ action: 'annotation.add', objectType: 'exhibit', objectId: e.id, after: a, author: by.name });
        return a;
      }).immediate();
    },

    listAnnotations: ({ exhibit }) => ctx.annotations.forExhibit(ctx.exhibits.resolve(exhibit).id),

    editAnnotation({ id, note, colour, author: name, expected }) {
      return ctx.db.transaction(() => {
        const current = ctx.annotations.get(id);
        refuseIfStale(current, expected, `the ${what(current)} on page ${current.page}`, () => 'note');
        const next = { note: note === undefined ? current.note : noteText(note), color: colour ?? current.color };
        if (next.note === current.note && next.color === current.color) return current;
        if (next.note === null && current.rects.length === 0) {
          throw new UserError('bad_input', 'A note on a page needs its text; remove the note instead.');
        }
        const by = author(name);
        const after = ctx.annotations.edit(id, next, ctx.now());
        ctx.audit.record({ action: 'annotation.edit', objectType: 'exhibit', objectId: current.exhibitId, before: current, after, author: by.name });
        return after;
      }).immediate();
    },

    removeAnnotation({ id, author: name }) {
      return ctx.db.transaction(() => {
        const by = author(name);
        const before = ctx.annotations.remove(id, ctx.now());
        ctx.audit.record({ action: 'annotation.remove', objectType: 'exhibit', objectId: before.exhibitId, before, author: by.name });
        return before;
      }).immediate();
    },

    restoreAnnotation({ id, author: name }) {
      return ctx.db.transaction(() => {
        const by = author(name);
        const after = ctx.annotations.restore(id);
        ctx.audit.record({ action: 'annotation.restore', objectType: 'exhibit', objectId: after.exhibitId, after, author: by.name });
        return after;
      }).immediate();
    },

    listNotes({ author: name, exhibit, paragraph }) {
      const user = name !== undefined ? ctx.users.find(name) : undefined;
      if (user === null) return [];
      return ctx.annotations.list({
        authorId: user?.id,
        exhibitId: exhibit !== undefined ? ctx.exhibits.resolve(exhibit).id : undefined,
        paragraphId: paragraph !== undefined ? ctx.allegations.paragraph(paragraph).id : undefined,
      });
    },

    listUsers: () => ({ users: ctx.users.list(), suggested: accountName() }),

    addUser({ name }) {
      const user = ctx.db.transaction(() => author(name)).immediate();
      return ctx.users.list().find((u) => u.id === user.id)!;
    },
  };
}
