// The jury's copy: every admitted exhibit as one stamped PDF named as jury evidence systems (JERS) read them,
// "12_shipping-ledger.pdf" (the trial number without its party prefix, one underscore, then the description), and,
// when asked, the pipe-delimited Exhibits.txt index with one row per file. When both sides' exhibits were admitted,
// each party's go in a folder of their own (Plaintiff, Defendant, Joint), as their numbers may repeat.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors.ts';
import { idRef, type Designation, type Party, type TrialExhibit } from '../../../shared/model.ts';
import { designationStore } from '../numbers/designation-store.ts';
import { relabel } from '../numbers/filings.ts';
import { bareTrialNumber } from '../numbers/schemes.ts';
import { trialExhibits } from '../numbers/trial.ts';
import { assignBates } from './bates.ts';
import { writeOutputFile } from './export-folder.ts';
import type { ExportArgs, ExportJob, ExportOutcome, Exporter, ExportedExhibit, WrittenFile } from './export-job.ts';
import { originalsOf, planFamilies, type Family, type RedactionRun } from './rendition.ts';
import { drawStampedPages } from './stamped-pages.ts';
import { Volume } from './volume.ts';

export const juryCopyExporter: Exporter<'jury'> = { kind: 'jury', run: exportJuryCopy };

export const INDEX_NAME = 'Exhibits.txt';
const PARTY_FOLDERS: Record<Party, string> = { plaintiff: 'Plaintiff', defendant: 'Defendant', joint: 'Joint' };
const PARTY_ORDER: Party[] = ['plaintiff', 'joint', 'defendant'];

/** "Shipping ledger, 2017 (draft)" → "shipping-ledger-2017-draft": what JERS accepts after the underscore. */
export function juryDescription(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > 60 ? slug.slice(0, 60).replace(/-[^-]*$/, '') : slug;
  return cut || 'exhibit';
}

interface JuryExhibit {
  row: TrialExhibit;
  trialNo: Designation;
  name: string;
}

async function exportJuryCopy(job: ExportJob, args: ExportArgs<'jury'>): Promise<ExportOutcome> {
  const { ctx } = job;
  const store = designationStore(ctx.db);
  const admitted = trialExhibits(ctx).filter((r) => r.admitted !== null);
  if (admitted.length === 0) throw new UserError('not_found', 'No exhibit has been admitted yet: mark exhibits admitted at trial first.');
  const chosen: JuryExhibit[] = admitted.map((row) => {
    const numbers = store.forExhibit(row.exhibitId).filter((d) => d.kind === 'trial');
    const trialNo = PARTY_ORDER.map((p) => numbers.find((d) => d.party === p)).find((d) => d !== undefined)!;
    return { row, trialNo, name: `${bareTrialNumber(trialNo.label)}_${juryDescription(row.title)}.pdf` };
  });
  const parties = new Set(chosen.map((c) => c.trialNo.party!));
  const folderOf = (c: JuryExhibit) => (parties.size > 1 ? PARTY_FOLDERS[c.trialNo.party!] : '');
  for (const folder of new Set(chosen.map(folderOf))) if (folder) fs.mkdirSync(path.join(job.folder, folder), { recursive: true });

  const redact: RedactionRun = { labels: false, applied: [] };
  const source = { ctx, passwords: args.passwords ?? [], redact };
  const files: WrittenFile[] = [];
  const exhibits: ExportedExhibit[] = [];
  const index = new Map<string, string[]>();
  for (const [i, c] of chosen.entries()) {
    if (job.previewPages !== undefined && i > 0) break;
    job.checkCancelled();
    job.progress(i, chosen.length, `${c.trialNo.label} – ${c.row.title}`);
    const [planned] = await planFamilies(job, source, { by: 'numbers', ranges: [], exhibits: [idRef(c.row.exhibitId)] });
    if (planned!.head.id !== c.row.exhibitId) job.warn(`${c.row.exhibitNo} is an attachment: the jury's copy holds its whole family, ${planned!.head.exhibitNo}.`);
    const family: Family = relabel(planned!, c.trialNo.label);
    const pageIds = { prefix: `${bareTrialNumber(c.trialNo.label)}-`, start: 1, digits: 3, position: 'bottom-right' as const };
    const [numbers] = assignBates(pageIds, [family]);
    const name = path.join(folderOf(c), c.name);
    const title = `${c.trialNo.label} – ${c.row.title}`;
    const vol = await Volume.create(path.join(job.folder, name), { title, createdAt: job.createdAt });
    try {
      const stamp = [args.caseNumber, `Admitted ${c.row.admitted}`].filter(Boolean).join(' · ');
      const range = { from: 0, to: Math.min(family.pageCount, job.previewPages ?? Infinity) };
      const { pages } = await drawStampedPages(job, source, vol, family, numbers!, range, { bates: pageIds, caseNumber: stamp, label: true });
      vol.keep(vol.draft(pages));
      vol.bookmark({ title, page: vol.pageRef(0), children: [] });
      files.push({ name, ...(await vol.finish()), exhibits: [c.row.exhibitNo] });
    } finally {
      vol.abandon();
    }
    const folder = folderOf(c);
    index.set(folder, [...(index.get(folder) ?? []), [bareTrialNumber(c.trialNo.label), c.row.title.replace(/[|\r\n]+/g, ' '), c.name].join('|')]);
    exhibits.push({
      exhibitId: c.row.exhibitId,
      exhibitNo: c.row.exhibitNo,
      title: c.row.title,
      bates: { first: numbers!.family.first, last: numbers!.family.last },
      pages: family.pageCount,
      files: [name],
      originals: originalsOf(family, numbers!),
    });
  }
  job.progress(chosen.length, chosen.length, null);
  if (args.index && job.previewPages === undefined) {
    for (const [folder, rows] of index) {
      const name = path.join(folder, INDEX_NAME);
      const written = writeOutputFile(path.join(job.folder, name), new TextEncoder().encode(rows.map((r) => `${r}\r\n`).join('')));
      files.push({ name, ...written, pages: null, exhibits: [] });
    }
  }
  return {
    files,
    exhibits,
    bates: null,
    settings: { index: args.index, caseNumber: args.caseNumber ?? null, parties: [...parties], redactions: redact.applied.length },
  };
}
