// Redactions: drawn or selected by the user (accepted at once), or proposed by search-and-redact and the privacy
// rule's scan (applied only once accepted); every change is in the audit log. Exports apply the accepted ones.
import os from 'node:os';
import { UserError } from '../../../shared/errors.ts';
import type { Exhibit, Rect, Redaction } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { selectFamilies } from '../export/selection.ts';
import { printedExhibit, printsAsText } from '../export/printed-exhibit.ts';
import { LETTER } from '../export/text-flow.ts';
import { patternFinder, presetFinder, presetReason, termFinder } from '../redaction/find-spans.ts';
import { spanRects } from '../redaction/positioned-text.ts';
import type { NewRedaction } from '../store/redactions.ts';
import type { HandlerGroup } from './handler.ts';

type Names = 'listRedactions' | 'addRedaction' | 'proposeRedactions' | 'decideRedactions' | 'removeRedaction';

/** Who made a redaction, for the redaction log: the account the app runs under (the case has no users of its own). */
function currentUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function pageCountOf(e: Exhibit): number | null {
  return e.kind === 'image' ? Math.max(1, e.pages ?? 1) : e.pages;
}

async function checkPage(ctx: CaseContext, e: Exhibit, page: number): Promise<void> {
  if (e.kind !== 'pdf' && e.kind !== 'image' && !printsAsText(e.kind)) {
    throw new UserError('bad_input', `${e.exhibitNo} (${e.kind}) is produced in native format and has no pages to redact on.`);
  }
  // The export's rendition is loaded on first use: it brings PDFium, pdf.js and a native canvas.
  const pages = printsAsText(e.kind) ? printedExhibit((await import('../export/rendition.ts')).printSource(ctx, e)).length : pageCountOf(e);
  if (pages !== null && page > pages) throw new UserError('bad_input', `${e.exhibitNo} has ${pages} page(s); there is no page ${page}.`);
}

const PICTURE_PIXELS = 16_000_000;

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/** Boxes within the page; one that falls wholly outside it is refused rather than stored as nothing. */
function onPage(rects: Rect[]): Rect[] {
  return rects.map((r) => {
    const x0 = clamp(r.x);
    const y0 = clamp(r.y);
    const x1 = clamp(r.x + r.width);
    const y1 = clamp(r.y + r.height);
    if (x1 - x0 <= 0 || y1 - y0 <= 0) throw new UserError('bad_input', 'A redaction box must lie at least partly on the page and have a size.');
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  });
}

const sameRects = (a: Rect[], b: Rect[]) =>
  a.length === b.length && a.every((r, i) => ['x', 'y', 'width', 'height'].every((k) => Math.abs(r[k as keyof Rect] - b[i]![k as keyof Rect]) < 1e-4));

export function redactionHandlers(ctx: CaseContext): HandlerGroup<Names> {
  /** Points from the page's lower-left corner, as the CLI takes them, to fractions from its top-left. */
  async function fromPoints(e: Exhibit, page: number, rects: Rect[]): Promise<Rect[]> {
    let size: { width: number; height: number } | null = null;
    if (e.kind === 'pdf') {
      const { openPdfOriginal } = await import('../redaction/page-texts.ts');
      const doc = await openPdfOriginal(await ctx.vault.read(e.sha256), []);
      const chars = doc?.chars(page) ?? null;
      doc?.close();
      if (chars) size = { width: chars.width, height: chars.height };
    } else if (printsAsText(e.kind)) {
      size = LETTER; // printed on US Letter
    } else {
      // A picture's points are its pixels as shown upright (read at up to 16 million pixels, as OCR reads it).
      const { openPicture } = await import('../pictures/picture.ts');
      const picture = await openPicture(await ctx.vault.read(e.sha256));
      const upright = await picture.render(page - 1, PICTURE_PIXELS);
      size = { width: upright.width, height: upright.height };
    }
    if (!size) throw new UserError('bad_input', `The size of page ${page} of ${e.exhibitNo} could not be read; give the box as fractions of the page.`);
    const { width, height } = size;
    return rects.map((r) => ({ x: r.x / width, y: 1 - (r.y + r.height) / height, width: r.width / width, height: r.height / height }));
  }

  function store(items: NewRedaction[], action: string): Redaction[] {
    return ctx.db.transaction(() =>
      items.map((item) => {
        const r = ctx.redactions.add(item);
        ctx.audit.record({ action, objectType: 'exhibit', objectId: r.exhibitId, after: r });
        return r;
      }),
    ).immediate();
  }

  return {
    listRedactions({ exhibit, status }) {
      const all = exhibit === undefined ? ctx.redactions.all() : ctx.redactions.forExhibit(ctx.exhibits.resolve(exhibit).id);
      return status ? all.filter((r) => r.status === status) : all;
    },

    async addRedaction(args) {
      const e = ctx.exhibits.resolve(args.exhibit);
      await checkPage(ctx, e, args.page);
      const rects = onPage(args.unit === 'points' ? await fromPoints(e, args.page, args.rects) : args.rects);
      return store(
        [
          {
            exhibitId: e.id,
            page: args.page,
            rects,
            reason: args.reason,
            label: args.label ?? null,
            status: 'accepted',
            text: args.text ?? null,
            origin: args.origin,
            createdAt: ctx.now(),
            createdBy: currentUser(),
          },
        ],
        'redaction.add',
      )[0]!;
    },

    async proposeRedactions(args, options) {
      const find = args.preset ? presetFinder(args.preset) : args.term !== undefined ? termFinder(args.term) : patternFinder(args.pattern!);
      const reason = args.reason ?? presetReason(args.preset);
      const skipped: string[] = [];
      const found: NewRedaction[] = [];
      let pagesSearched = 0;
      const createdAt = ctx.now();
      const createdBy = currentUser();
      const members = selectFamilies(ctx, args.select).flatMap(function family(e: Exhibit): Exhibit[] {
        return [e, ...ctx.exhibits.children(e.id).flatMap(family)];
      });
      for (const e of members) {
        if (options.signal?.aborted) throw new UserError('cancelled', 'The search was cancelled; nothing was proposed.');
        if (e.kind !== 'pdf' && e.kind !== 'image' && !printsAsText(e.kind)) continue;
        // Loaded on first use (here and above): page text and pictures bring PDFium, pdf.js and a native canvas.
        const { pageTexts } = await import('../redaction/page-texts.ts');
        const texts = await pageTexts(ctx, e, []);
        if ('problem' in texts) {
          skipped.push(`${texts.problem}.`);
          continue;
        }
        try {
          const existing = ctx.redactions.forExhibit(e.id);
          for (let page = 1; page <= texts.pages; page++) {
            const text = texts.text(page);
            pagesSearched++;
            for (const span of find(text.text)) {
              const rects = spanRects(text, span.start, span.end);
              if (rects.length === 0) continue;
              const taken = (r: { page: number; rects: Rect[] }) => r.page === page && sameRects(r.rects, rects);
              if (existing.some(taken) || found.some((f) => f.exhibitId === e.id && taken(f))) continue;
              found.push({
                exhibitId: e.id,
                page,
                rects,
                reason,
                label: null,
                status: 'proposed',
                text: text.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim(),
                origin: 'search',
                createdAt,
                createdBy,
              });
            }
          }
        } finally {
          texts.close();
        }
      }
      return { proposals: store(found, 'redaction.propose'), pagesSearched, skipped };
    },

    decideRedactions({ ids, accept, exhibit }) {
      const scope = exhibit === undefined ? null : ctx.exhibits.resolve(exhibit).id;
      const proposals = (scope === null ? ctx.redactions.all() : ctx.redactions.forExhibit(scope)).filter((r) => r.status === 'proposed');
      const chosen =
        ids === 'all'
          ? proposals
          : ids.map((id) => {
              const r = ctx.redactions.get(id);
              if (scope !== null && r.exhibitId !== scope) throw new UserError('bad_input', `Redaction ${id} is not on ${r.exhibitNo}'s pages of the exhibit named.`);
              return r;
            });
      return ctx.db.transaction(() => {
        let changed = 0;
        for (const r of chosen) {
          if (r.status !== 'proposed') continue;
          if (accept) ctx.redactions.accept(r.id);
          else ctx.redactions.remove(r.id);
          ctx.audit.record({ action: accept ? 'redaction.accept' : 'redaction.reject', objectType: 'exhibit', objectId: r.exhibitId, before: r });
          changed++;
        }
        return { changed };
      }).immediate();
    },

    removeRedaction({ id }) {
      return ctx.db.transaction(() => {
        const before = ctx.redactions.remove(id);
        ctx.audit.record({ action: 'redaction.remove', objectType: 'exhibit', objectId: before.exhibitId, before });
        return before;
      }).immediate();
    },
  };
}
