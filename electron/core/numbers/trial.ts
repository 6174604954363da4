// Trial: giving exhibits trial numbers (PX 1, PX 2 … or DX A … Z, AA …), recording what happens to each in court
// (offered, marked, admitted, refused, withdrawn, on a day, through a witness), and the trial exhibit list those make.
import type { ExportSelection } from '../../../shared/api.ts';
import { labelKey } from '../../../shared/designation-key.ts';
import { UserError } from '../../../shared/errors.ts';
import type { Designation, Exhibit, Party, TrialEvent, TrialExhibit, TrialMark } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { selectFamilies } from '../export/selection.ts';
import { designationStore } from './designation-store.ts';
import { resolveExhibit } from './designations.ts';
import { localDay } from './filings.ts';
import { labelOrdinal, letterIndex, partyOfLabel, PARTY_PREFIXES, schemeLabel, type LabelScheme } from './schemes.ts';

/**
 * Records a trial event on an exhibit, audited. An exhibit without a trial number is given its exhibit number as one
 * (its party read from the prefix): once marked in court, the number it was marked under must never change.
 */
export function markTrial(ctx: CaseContext, args: { exhibit: string; event: TrialEvent; date?: string; witness?: string }): TrialMark {
  return ctx.db
    .transaction((): TrialMark => {
      const exhibit = resolveExhibit(ctx, args.exhibit);
      const store = designationStore(ctx.db);
      const now = ctx.now();
      let trial = store.forExhibit(exhibit.id).filter((d) => d.kind === 'trial');
      if (trial.length === 0) {
        const key = labelKey(exhibit.exhibitNo);
        const taken = store.matching(exhibit.exhibitNo).find((d) => d.kind === 'trial' && d.party === partyOfLabel(exhibit.exhibitNo) && labelKey(d.label) === key);
        if (taken) throw new UserError('conflict', `${exhibit.exhibitNo} has no trial number, and ${exhibit.exhibitNo} is already the trial number of ${ctx.exhibits.get(taken.exhibitId).exhibitNo}; give it one first.`);
        const id = store.insert({ exhibitId: exhibit.id, kind: 'trial', label: exhibit.exhibitNo, party: partyOfLabel(exhibit.exhibitNo), createdAt: now });
        const added = store.get(id)!;
        ctx.audit.record({ action: 'designation.add', objectType: 'exhibit', objectId: exhibit.id, after: added });
        trial = [added];
      }
      const date = args.date?.slice(0, 10) ?? localDay(now);
      const witness = args.witness?.trim() || null;
      const id = store.addMark({ exhibitId: exhibit.id, event: args.event, date, witness, recordedAt: now });
      const mark = store.marks(exhibit.id).find((m) => m.id === id)!;
      ctx.audit.record({
        action: `trial.${args.event}`,
        objectType: 'exhibit',
        objectId: exhibit.id,
        after: { event: args.event, date, witness, trialNo: trial.map((d) => d.label).join(' / ') },
      });
      return mark;
    })
    .immediate();
}

/**
 * Gives trial numbers, in exhibit-number order, to the exhibits selected that have none for the party: numbers or
 * letters after the party's prefix, continuing after the highest the party already has.
 */
export function numberTrialExhibits(
  ctx: CaseContext,
  args: { party: Party; scheme: LabelScheme; prefix?: string; start?: number; select: ExportSelection },
): Designation[] {
  return ctx.db
    .transaction((): Designation[] => {
      const store = designationStore(ctx.db);
      const prefix = args.prefix ?? (args.scheme === 'letters' && args.party === 'defendant' ? '' : PARTY_PREFIXES[args.party]);
      const theirs = store.ofKind('trial').filter((d) => d.party === args.party);
      const used = theirs.map((d) => labelOrdinal(d.label, prefix)).filter((n): n is number => n !== null);
      let next = Math.max(args.start ?? 1, used.length > 0 ? Math.max(...used) + 1 : 1);
      const numbered = new Set(theirs.map((d) => d.exhibitId));
      const added: Designation[] = [];
      for (const head of selectFamilies(ctx, args.select)) {
        if (numbered.has(head.id)) continue;
        const label = schemeLabel(args.scheme, next++, prefix);
        const id = store.insert({ exhibitId: head.id, kind: 'trial', label, party: args.party, createdAt: ctx.now() });
        const d = store.get(id)!;
        ctx.audit.record({ action: 'designation.add', objectType: 'exhibit', objectId: head.id, after: d });
        added.push(d);
      }
      return added;
    })
    .immediate();
}

/** "PX 12" sorts as ("PX ", 12), "DX AA" as ("DX ", 27), "PX 12.1" after "PX 12". */
function sortKey(label: string): [string, number, string] {
  const m = /^(.*?)(\d+|[A-Za-z]+)((?:\.\d+)*)$/.exec(label.trim());
  if (!m) return [label, 0, ''];
  const core = /^\d+$/.test(m[2]!) ? Number(m[2]) : (letterIndex(m[2]!) ?? 0);
  return [m[1]!.toUpperCase().replace(/[^A-Z]/g, ''), core, m[3]!];
}

export function compareTrialNumbers(a: string, b: string): number {
  const [pa, na, sa] = sortKey(a);
  const [pb, nb, sb] = sortKey(b);
  return pa.localeCompare(pb) || na - nb || sa.localeCompare(sb, undefined, { numeric: true });
}

/** The trial exhibit list: every exhibit with a trial number (of the selection, if given), plaintiffs' and joint first. */
export function trialExhibits(ctx: CaseContext, select?: ExportSelection): TrialExhibit[] {
  const store = designationStore(ctx.db);
  const numbers = new Map<number, Designation[]>();
  for (const d of store.ofKind('trial')) numbers.set(d.exhibitId, [...(numbers.get(d.exhibitId) ?? []), d]);
  let ids = [...numbers.keys()];
  if (select && select.by !== 'all') {
    const chosen = new Set<number>();
    const add = (e: Exhibit) => {
      chosen.add(e.id);
      for (const child of ctx.exhibits.children(e.id)) add(child);
    };
    selectFamilies(ctx, select).forEach(add);
    ids = ids.filter((id) => chosen.has(id));
  }
  const marks = new Map<number, TrialMark[]>();
  for (const m of store.allMarks()) marks.set(m.exhibitId, [...(marks.get(m.exhibitId) ?? []), m]);
  const rows = ids.map((id): TrialExhibit => {
    const exhibit = ctx.exhibits.get(id);
    const mine = numbers.get(id)!;
    const of = (...parties: Party[]) => mine.find((d) => parties.includes(d.party!))?.label ?? null;
    const row: TrialExhibit = {
      exhibitId: id,
      exhibitNo: exhibit.exhibitNo,
      title: exhibit.title,
      plaintiffNo: of('plaintiff', 'joint'),
      defendantNo: of('defendant', 'joint'),
      offered: null,
      marked: null,
      admitted: null,
      outcome: null,
      witnesses: [],
    };
    // In the order they happened: a later admission undoes an earlier refusal, a later withdrawal an admission.
    for (const m of marks.get(id) ?? []) {
      if (m.event === 'offered') row.offered = m.date;
      else if (m.event === 'marked') row.marked = m.date;
      else if (m.event === 'admitted') {
        row.admitted = m.date;
        row.outcome = null;
      } else {
        row.outcome = { event: m.event, date: m.date };
        row.admitted = null;
      }
      if (m.witness && !row.witnesses.includes(m.witness)) row.witnesses.push(m.witness);
    }
    return row;
  });
  return rows.sort((a, b) => {
    const ap = a.plaintiffNo ?? a.defendantNo!;
    const bp = b.plaintiffNo ?? b.defendantNo!;
    return Number(a.plaintiffNo === null) - Number(b.plaintiffNo === null) || compareTrialNumbers(ap, bp);
  });
}

/** The trial exhibit list, refused plainly when no exhibit has a trial number yet. */
export function requireTrialExhibits(ctx: CaseContext, select?: ExportSelection): TrialExhibit[] {
  const rows = trialExhibits(ctx, select);
  if (rows.length === 0) {
    throw new UserError('not_found', 'No exhibit has a trial number yet: mark one at trial, or give numbers with exhibit-desk trial number CASE.');
  }
  return rows;
}
