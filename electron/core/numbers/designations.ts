// Designations as users handle them: adding one (a trial number's party read from its prefix, a deposition's source
// from its witness and date), removing one (never a filing's frozen label), finding an exhibit by any of its numbers,
// and giving a list of exhibits their designations.
import { labelKey } from '../../../shared/designation-key.ts';
import { UserError } from '../../../shared/errors.ts';
import type { Designation, DesignationKind, Exhibit, Party, TrialMark } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { designationStore } from './designation-store.ts';
import { partyOfLabel } from './schemes.ts';

export interface DesignationInput {
  kind: DesignationKind;
  label: string;
  source?: string;
  witness?: string;
  date?: string;
  party?: Party;
}

/**
 * An exhibit named by its exhibit number or id, or failing that by a number it carries ("PX 12", "Smith Dep. Ex. 4",
 * a Bates number within its production range) or its own number written another way ("PX-12" for PX-012), when that
 * names exactly one exhibit.
 */
export function resolveExhibit(ctx: CaseContext, ref: string): Exhibit {
  try {
    return ctx.exhibits.resolve(ref);
  } catch (e) {
    if (!(e instanceof UserError) || e.code !== 'not_found') throw e;
    const store = designationStore(ctx.db);
    const key = labelKey(ref);
    const ids = new Set(store.matching(ref).filter((d) => labelKey(d.label) === key).map((d) => d.exhibitId));
    const produced = ids.size === 0 ? store.producedAs(ref) : null;
    if (produced) ids.add(produced.exhibitId);
    if (ids.size === 0) for (const id of store.exhibitsNumberedAs(ref)) ids.add(id);
    if (ids.size === 1) return ctx.exhibits.get([...ids][0]!);
    if (ids.size > 1) {
      const numbers = [...ids].map((id) => ctx.exhibits.get(id).exhibitNo).join(', ');
      throw new UserError('conflict', `"${ref}" is a number of several exhibits (${numbers}); name one by its exhibit number.`);
    }
    throw e;
  }
}

/** Adds a designation to an exhibit, audited in the same transaction. */
export function addDesignation(ctx: CaseContext, exhibitRef: string, input: DesignationInput): Designation {
  return ctx.db
    .transaction((): Designation => {
      const exhibit = resolveExhibit(ctx, exhibitRef);
      const store = designationStore(ctx.db);
      const label = input.label.trim();
      const key = labelKey(label);
      if (key === '') throw new UserError('bad_input', 'A designation needs a label with letters or digits, such as "Smith Dep. Ex. 4".');
      if (input.kind !== 'trial' && input.party) throw new UserError('bad_input', 'Only a trial number belongs to a party.');
      const party = input.kind === 'trial' ? (input.party ?? partyOfLabel(label)) : null;
      const mine = store.forExhibit(exhibit.id);
      if (mine.some((d) => d.kind === input.kind && labelKey(d.label) === key)) {
        throw new UserError('conflict', `${exhibit.exhibitNo} already carries ${input.kind} number ${label}.`);
      }
      if (party) {
        const holder = store.matching(label).find((d) => d.kind === 'trial' && d.party === party && labelKey(d.label) === key);
        if (holder) throw new UserError('conflict', `${label} is already the trial number of ${ctx.exhibits.get(holder.exhibitId).exhibitNo}.`);
        if (input.kind === 'trial' && mine.some((d) => d.kind === 'trial' && d.party === party)) {
          throw new UserError('conflict', `${exhibit.exhibitNo} already has a ${party}'s trial number; remove it first to give another.`);
        }
      }
      const source = input.source?.trim() || (input.kind === 'deposition' && input.witness ? depositionSource(input.witness, input.date) : null);
      const id = store.insert({
        exhibitId: exhibit.id,
        kind: input.kind,
        label,
        source,
        witness: input.witness?.trim() || null,
        date: input.date?.slice(0, 10) ?? null,
        party,
        createdAt: ctx.now(),
      });
      const added = store.get(id)!;
      ctx.audit.record({ action: 'designation.add', objectType: 'exhibit', objectId: exhibit.id, after: added });
      return added;
    })
    .immediate();
}

/** "Deposition of John Smith, 2024-03-05". */
function depositionSource(witness: string, date: string | undefined): string {
  return `Deposition of ${witness.trim()}${date ? `, ${date.slice(0, 10)}` : ''}`;
}

/** Removes a designation; a filing's label, or one a filing cites as already filed, stays as the filing made it. */
export function removeDesignation(ctx: CaseContext, id: number): Designation {
  return ctx.db
    .transaction((): Designation => {
      const store = designationStore(ctx.db);
      const d = store.get(id);
      if (!d) throw new UserError('not_found', `No designation with id ${id}.`);
      if (d.frozen) throw new UserError('conflict', `${d.cite} was given by a filing, and a filing's labels do not change.`);
      if (store.citedBy(id).length > 0) throw new UserError('conflict', `${d.cite} is cited by a later filing as already filed, so it stays.`);
      store.remove(id);
      ctx.audit.record({ action: 'designation.remove', objectType: 'exhibit', objectId: d.exhibitId, before: d });
      return d;
    })
    .immediate();
}

/** The exhibits with their designations summarised (left out where there are none). */
export function withDesignations(ctx: CaseContext, exhibits: Exhibit[]): Exhibit[] {
  const summaries = designationStore(ctx.db).summaries(exhibits.map((e) => e.id));
  if (summaries.size === 0) return exhibits;
  return exhibits.map((e) => {
    const designations = summaries.get(e.id);
    return designations ? { ...e, designations } : e;
  });
}

/** The exhibits carrying a number that is, or begins with, what was typed ("Smith Dep" finds every Smith exhibit). */
export function exhibitsNumbered(ctx: CaseContext, typed: string): { exhibitId: number; designation: Designation }[] {
  const store = designationStore(ctx.db);
  const found = store.matching(typed).map((designation) => ({ exhibitId: designation.exhibitId, designation }));
  const docket = /^\s*(?:Dkt|ECF|Doc)\.?\s*(?:No\.?\s*)?([\w.]+?)(?:-(\d+))?(?:\s*,\s*Ex\.?\s*([\w.]+))?\s*$/i.exec(typed);
  if (docket) {
    const label = docket[3]?.toLowerCase();
    for (const designation of store.onDocket(docket[1]!, Number(docket[2] ?? 0))) {
      if (label === undefined || designation.label.toLowerCase() === label) found.push({ exhibitId: designation.exhibitId, designation });
    }
  }
  const produced = store.producedAs(typed);
  if (produced && !found.some((f) => f.exhibitId === produced.exhibitId)) found.push({ exhibitId: produced.exhibitId, designation: produced });
  return found;
}

/** Of a list of exhibits, those carrying a number that is, or begins with, what was typed; in the list's order. */
export function exhibitsNumberedIn(ctx: CaseContext, typed: string, exhibits: Exhibit[]): Exhibit[] {
  const ids = new Set(exhibitsNumbered(ctx, typed).map((f) => f.exhibitId));
  return exhibits.filter((e) => ids.has(e.id));
}

/** An exhibit's designations and trial marks, for its details. */
export function numbersOf(ctx: CaseContext, exhibitId: number): { designations: Designation[]; trialMarks: TrialMark[] } {
  const store = designationStore(ctx.db);
  return { designations: store.forExhibit(exhibitId), trialMarks: store.marks(exhibitId) };
}
