// The exhibit bundle: a cover page, an index of exhibits, then each exhibit behind its slip sheet with Bates numbers
// on every page, one bookmark per exhibit and page labels; with a size limit, in volumes (see bundle-volumes.ts).
import fs from 'node:fs';
import path from 'node:path';
import { PDFPage } from '@cantoo/pdf-lib';
import { courtLimits } from '../../../shared/court-profiles.ts';
import { planFilingFamilies } from '../numbers/filings.ts';
import { assignBates, batesAssignment, rangeText } from './bates.ts';
import { frontMatterPages, hasCover, plannedPlacement } from './bundle-front.ts';
import type { IndexEntry } from './exhibit-index.ts';
import { BundleVolumes, type BuildPages, type Placed } from './bundle-volumes.ts';
import { dayOf } from './display.ts';
import type { ExportArgs, ExportJob, ExportOutcome, Exporter, WrittenFile } from './export-job.ts';
import { safeFileName } from './file-names.ts';
import { fontBytesFor } from './fonts.ts';
import { familyConfidentiality, originalsOf, planFamilies, warnUnderSeal, type Family, type RedactionRun } from './rendition.ts';
import { drawSlipSheet } from './slip-sheet.ts';
import { LEGENDS } from './stamp.ts';
import { needsCleaning, redactionSettings, writeRedactionLog } from './redaction-log.ts';
import { drawStampedPages, type StampSettings } from './stamped-pages.ts';

/** 1 MB is 1,000,000 bytes: the smaller reading, so that a volume is under the limit however a court counts. */
const MB = 1_000_000;

/** Characters the bundle's own wording uses, whatever the exhibits hold. */
const OWN_CHARACTERS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~–’·…';

export const bundleExporter: Exporter<'bundle'> = { kind: 'bundle', run: exportBundle };

async function exportBundle(job: ExportJob, args: ExportArgs<'bundle'>): Promise<ExportOutcome> {
  const court = courtLimits(args.court, args.maxMb);
  const redact: RedactionRun | null = args.redactions ? { labels: args.redactionLabels, applied: [] } : null;
  const source = { ctx: job.ctx, passwords: args.passwords ?? [], pageSize: court.pageSize, redact, skipChanged: args.skipChanged, printNatives: args.printNatives };
  const planned = await planFamilies(job, source, args.select);
  warnUnderSeal(job, planned);
  // For a filing: labelled in its scheme (Ex. A, B …), those already on the docket cited instead of filed again.
  const { families, filing } = planFilingFamilies(job, args.filing, planned);
  const numbers = assignBates(args.bates, families);
  const caseTitle = args.caption?.caseTitle || job.ctx.settings.title();
  const caseNumber = args.caption?.caseNumber || args.caseNumber || null;
  const limit = court.maxMb === null ? Infinity : Math.floor(court.maxMb * MB);
  const settings: StampSettings = { bates: args.bates, caseNumber, label: false, pageLabels: args.pageLabels };
  // A bundle for a court names that court on its cover, as a caption does, unless the caption names it otherwise.
  const courtName = args.caption?.court || (args.court && args.court !== 'generic' ? court.name : null);
  const front = {
    caseTitle,
    caseNumber,
    cover: args.cover ?? null,
    court: courtName,
    filingTitle: args.caption?.filingTitle || null,
    createdAt: job.createdAt,
    volumeColumn: limit !== Infinity || court.oneExhibitPerFile,
    cited: filing?.cited ?? [],
  };

  // The fonts are written when a volume is finished: room is kept for every character the bundle may print.
  const characters = new Set([
    ...OWN_CHARACTERS,
    ...caseTitle,
    ...(caseNumber ?? ''),
    ...(args.cover ?? ''),
    ...(courtName ?? '').toUpperCase(),
    ...(front.filingTitle ?? ''),
    ...args.bates.prefix,
    ...front.cited.flatMap((c) => [...c.cite, ...c.title]),
  ]);
  for (const f of families) for (const ch of f.characters) characters.add(ch);
  const fontBytes = limit === Infinity ? 0 : await fontBytesFor(characters);
  const volumes = new BundleVolumes(job, `${caseTitle} – Exhibit bundle`, limit, fontBytes, court.oneExhibitPerFile, needsCleaning(job, args, redact));

  const slipAndPages = (family: Family, index: number): BuildPages => async (vol, range, part) => {
    const fb = numbers[index]!;
    const slip = PDFPage.create(vol.doc);
    drawSlipSheet(slip, vol.fonts, {
      exhibitNo: family.head.exhibitNo,
      // The exhibit's own title: its Description holds counsel's characterisation, which a filing must not print.
      title: family.head.title,
      date: dayOf(family.head.date),
      bates: rangeText(fb.family),
      legend: LEGENDS[familyConfidentiality(family)],
      part,
      caseTitle,
      caseNumber,
    });
    const stamped = await drawStampedPages(job, source, vol, family, fb, range, settings);
    return { draft: vol.draft([slip, ...stamped.pages]), memberStarts: stamped.memberStarts };
  };

  try {
    await volumes.open();
    if (limit !== Infinity) volumes.reserveFront(frontMatterPages(volumes.current, front, plannedPlacement(families, numbers), 1));
    const placed: Placed[] = [];
    // A preview draws the first pages only, behind the index of every exhibit selected.
    let room = job.previewPages ?? Infinity;
    for (const [i, whole] of families.entries()) {
      if (room <= 0) break;
      job.checkCancelled();
      job.progress(i, families.length + 1, `${whole.head.exhibitNo} – ${whole.head.title}`);
      const family = room < whole.pageCount + 1 ? { ...whole, pageCount: Math.max(room - 1, 1) } : whole;
      room -= family.pageCount + 1;
      placed.push(await volumes.place(source, family, numbers[i]!, settings, slipAndPages(family, i)));
    }
    job.progress(families.length, families.length + 1, 'Index of exhibits');
    const index = job.previewPages === undefined ? placed : plannedPlacement(families, numbers);
    const files = await finishVolumes(job, volumes, placed, index, front, safeFileName(caseTitle), limit);
    if (redact && job.previewPages === undefined) files.push(...(await writeRedactionLog(job, caseTitle, redact.applied)));
    job.progress(families.length + 1, families.length + 1, null);
    return {
      files,
      exhibits: placed.map((p) => ({
        exhibitId: p.family.head.id,
        exhibitNo: p.family.head.exhibitNo,
        title: p.family.head.title,
        bates: { first: p.numbers.family.first, last: p.numbers.family.last },
        pages: p.family.pageCount,
        files: [...new Set(p.parts.map((part) => files[part.volume - 1]!.name))],
        bundlePage: p.parts[0]!.bundlePage,
        originals: originalsOf(p.family, p.numbers),
      })),
      bates: batesAssignment(numbers),
      settings: { select: args.select, bates: args.bates, caseNumber, cover: args.cover ?? null, caption: { court: courtName, caseTitle, filingTitle: front.filingTitle }, court: args.court ?? null, maxMb: court.maxMb, volumes: files.length, ...redactionSettings(args, redact), filing: args.filing ?? null },
      filing,
    };
  } catch (e) {
    volumes.abandon();
    throw e;
  }
}

/** Writes the front matter into volume 1, finishes every volume and gives it its final name. */
async function finishVolumes(
  job: ExportJob,
  volumes: BundleVolumes,
  placed: Placed[],
  index: IndexEntry[],
  front: Parameters<typeof frontMatterPages>[1],
  baseName: string,
  limit: number,
): Promise<WrittenFile[]> {
  const count = volumes.volumes.length;
  const files: WrittenFile[] = [];
  for (const [v, vol] of volumes.volumes.entries()) {
    const frontPages = v === 0 ? frontMatterPages(vol, front, index, count) : [];
    if (frontPages.length > 0) vol.bookmarkFirst({ title: 'Index of exhibits', page: frontPages[hasCover(front) ? 1 : 0]!.ref, children: [] });
    const done = await vol.finish({
      front: frontPages,
      labels: [
        ...(frontPages.length > 0 ? [{ firstPage: 0, style: 'roman' as const, start: 1 }] : []),
        { firstPage: frontPages.length, style: 'decimal' as const, start: volumes.firstPages[v]! },
      ],
    });
    const name = count === 1 ? `${baseName} – Exhibit bundle.pdf` : `${baseName} – Exhibit bundle – Volume ${v + 1} of ${count}.pdf`;
    fs.renameSync(vol.file, path.join(job.folder, name));
    if (done.bytes > limit) job.warn(`Volume ${v + 1} is ${(done.bytes / MB).toFixed(2)} MB, over the ${limit / MB} MB limit.`);
    const exhibits = placed.filter((p) => p.parts.some((part) => part.volume === v + 1)).map((p) => p.family.head.exhibitNo);
    files.push({ name, ...done, exhibits });
  }
  return files;
}
