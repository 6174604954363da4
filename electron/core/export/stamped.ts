// Stamped exhibits: one PDF per exhibit family, named "Ex. 012 – 2017-03-28 – Title.pdf", with the exhibit label on
// its first page, Bates numbers running on from one exhibit to the next, and its legend.
import path from 'node:path';
import { courtLimits } from '../../../shared/court-profiles.ts';
import { planFilingFamilies } from '../numbers/filings.ts';
import { assignBates, batesAssignment } from './bates.ts';
import type { ExportArgs, ExportJob, ExportOutcome, Exporter, ExportedExhibit, WrittenFile } from './export-job.ts';
import { stampedFileName } from './file-names.ts';
import { originalsOf, planFamilies, warnUnderSeal, type RedactionRun } from './rendition.ts';
import { needsCleaning, redactionSettings, writeRedactionLog } from './redaction-log.ts';
import { drawStampedPages } from './stamped-pages.ts';
import { Volume } from './volume.ts';

export const stampedExporter: Exporter<'stamped'> = { kind: 'stamped', run: exportStamped };

async function exportStamped(job: ExportJob, args: ExportArgs<'stamped'>): Promise<ExportOutcome> {
  const court = courtLimits(args.court, undefined);
  const redact: RedactionRun | null = args.redactions ? { labels: args.redactionLabels, applied: [] } : null;
  const source = { ctx: job.ctx, passwords: args.passwords ?? [], pageSize: court.pageSize, redact, skipChanged: args.skipChanged, printNatives: args.printNatives };
  const planned = await planFamilies(job, source, args.select);
  warnUnderSeal(job, planned);
  // For a filing: labelled in its scheme (Ex. A, B …), those already on the docket cited instead of filed again.
  const { families, filing } = planFilingFamilies(job, args.filing, planned);
  const courtClean = needsCleaning(job, args, redact);
  const numbers = assignBates(args.bates, families);
  const settings = { bates: args.bates, caseNumber: args.caseNumber ?? null, label: true, pageLabels: args.pageLabels };
  const files: WrittenFile[] = [];
  const exhibits: ExportedExhibit[] = [];
  for (const [i, family] of families.entries()) {
    // A preview is the beginning of the first file.
    if (job.previewPages !== undefined && i > 0) break;
    job.checkCancelled();
    const head = family.head;
    job.progress(i, families.length, `${head.exhibitNo} – ${head.title}`);
    const name = stampedFileName(head);
    const vol = await Volume.create(path.join(job.folder, name), { title: `${head.exhibitNo} – ${head.title}`, createdAt: job.createdAt, courtClean });
    try {
      const { pages, memberStarts } = await drawStampedPages(job, source, vol, family, numbers[i]!, { from: 0, to: Math.min(family.pageCount, job.previewPages ?? Infinity) }, settings);
      vol.keep(vol.draft(pages));
      vol.bookmark({
        title: `${head.exhibitNo} – ${head.title}`,
        page: vol.pageRef(0),
        children: memberStarts
          .filter(({ member }) => member.depth > 0)
          .map(({ member, index }) => ({ title: `${member.exhibit.exhibitNo} – ${member.exhibit.title}`, page: vol.pageRef(index), children: [] })),
      });
      const done = await vol.finish();
      if (court.maxMb !== null && done.bytes > court.maxMb * 1_000_000) {
        job.warn(`${name} is ${(done.bytes / 1_000_000).toFixed(1)} MB, over the ${court.maxMb} MB limit of ${court.rule}; export a bundle to divide it.`);
      }
      files.push({ name, ...done, exhibits: [head.exhibitNo] });
    } finally {
      vol.abandon();
    }
    exhibits.push({
      exhibitId: head.id,
      exhibitNo: head.exhibitNo,
      title: head.title,
      bates: { first: numbers[i]!.family.first, last: numbers[i]!.family.last },
      pages: family.pageCount,
      files: [name],
      originals: originalsOf(family, numbers[i]!),
    });
  }
  job.progress(families.length, families.length, null);
  if (redact && job.previewPages === undefined) files.push(...(await writeRedactionLog(job, job.ctx.settings.title(), redact.applied)));
  return {
    files,
    exhibits,
    bates: batesAssignment(numbers),
    settings: { select: args.select, bates: args.bates, caseNumber: args.caseNumber ?? null, court: args.court ?? null, ...redactionSettings(args, redact), filing: args.filing ?? null },
    filing,
  };
}
