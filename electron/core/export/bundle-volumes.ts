// Packs a bundle's exhibits into volumes no larger than the size limit: each exhibit goes whole into the current
// volume when it fits, else into a new one; one too large for any volume is split at page boundaries into parts, each
// behind its own slip sheet; a court profile may want every exhibit in volumes of its own. Pages are numbered
// through the bundle, across volumes.
import path from 'node:path';
import type { PDFPage } from '@cantoo/pdf-lib';
import type { FamilyBates } from './bates.ts';
import type { ExportJob } from './export-job.ts';
import { splitFamily } from './family-split.ts';
import type { Family, Member, RenderSource } from './rendition.ts';
import type { StampSettings } from './stamped-pages.ts';
import { Volume, type Draft } from './volume.ts';

export interface PartOf {
  number: number;
  of: number;
}

/** A family's pages drawn into a volume, not yet kept: its slip sheet first. */
export interface Built {
  draft: Draft;
  memberStarts: { member: Member; index: number }[]; // index among the stamped pages, after the slip sheet
}

export type BuildPages = (vol: Volume, range: { from: number; to: number }, part: PartOf | null) => Promise<Built>;

export interface Placed {
  family: Family;
  numbers: FamilyBates;
  parts: (PartOf & { volume: number; bundlePage: number })[];
  /** Where each member begins: the exhibit at its slip sheet, an attachment at its first page. */
  starts: { page: number; volume: number }[];
}

export class BundleVolumes {
  readonly volumes: Volume[] = [];
  /** The bundle page number of each volume's first exhibit page. */
  readonly firstPages: number[] = [];
  private nextPage = 1;
  /** Room kept in volume 1 for the front matter, written last. */
  private frontBytes = 0;

  constructor(
    private readonly job: ExportJob,
    private readonly title: string,
    private readonly limit: number,
    private readonly fontBytes: number,
    /** Each exhibit in volumes of its own, as some courts want (the front matter stays with the first). */
    private readonly oneExhibitPerFile = false,
    /** Each volume made fit for a court's e-filing system (see court-clean.ts). */
    private readonly courtClean = false,
  ) {}

  get current(): Volume {
    return this.volumes[this.volumes.length - 1]!;
  }

  async open(): Promise<void> {
    const n = this.volumes.length + 1;
    const title = `${this.title}${n > 1 ? `, volume ${n}` : ''}`;
    this.volumes.push(await Volume.create(path.join(this.job.folder, `volume-${n}.pdf`), { title, createdAt: this.job.createdAt, courtClean: this.courtClean }));
    this.firstPages.push(this.nextPage);
  }

  /** Measures front matter drawn into volume 1 (and drops it) to keep room for its final version. */
  reserveFront(pages: PDFPage[]): void {
    const draft = this.volumes[0]!.draft(pages);
    // The final index differs only in its numbers.
    this.frontBytes = Math.ceil(draft.serialized.bytes * 1.05) + 2048;
    this.volumes[0]!.drop(draft);
  }

  private room(vol: Volume, pages = 0): number {
    return this.limit - vol.finishingBytes(this.fontBytes, pages) - (vol === this.volumes[0] ? this.frontBytes : 0);
  }

  private fits(draft: Draft): boolean {
    return this.current.bytesWritten + draft.serialized.bytes <= this.room(this.current, draft.pages.length);
  }

  async place(source: RenderSource, family: Family, numbers: FamilyBates, settings: StampSettings, build: BuildPages): Promise<Placed> {
    const placed: Placed = { family, numbers, parts: [], starts: [] };
    if (this.oneExhibitPerFile && this.current.pageCount > 0) await this.open();
    const whole = { from: 0, to: family.pageCount };
    let built = await build(this.current, whole, null);
    if (!this.fits(built.draft) && this.current.pageCount > 0) {
      this.current.drop(built.draft);
      await this.open();
      built = await build(this.current, whole, null);
    }
    if (this.fits(built.draft)) {
      this.keep(placed, built, { number: 1, of: 1 });
      return placed;
    }
    this.current.drop(built.draft);
    const { ranges, oversized } = await splitFamily(this.job, source, family, numbers, settings, this.room(this.current), this.courtClean);
    if (oversized.length > 0) {
      this.job.warn(
        `${family.head.exhibitNo}: page(s) ${oversized.map((p) => p + 1).join(', ')} are each larger than the size limit on their own; ` +
          'each goes into a volume alone, which is over the limit.',
      );
    }
    for (const [i, range] of ranges.entries()) {
      if (i > 0) await this.open();
      const part = { number: i + 1, of: ranges.length };
      this.keep(placed, await build(this.current, range, ranges.length > 1 ? part : null), part);
    }
    return placed;
  }

  private keep(placed: Placed, built: Built, part: PartOf): void {
    const vol = this.current;
    const volume = this.volumes.length;
    const first = vol.keep(built.draft);
    const bundlePage = this.nextPage;
    this.nextPage += built.draft.pages.length;
    placed.parts.push({ ...part, volume, bundlePage });
    for (const { member, index } of built.memberStarts) {
      placed.starts[placed.family.members.indexOf(member)] = { page: member.depth === 0 ? bundlePage : bundlePage + 1 + index, volume };
    }
    const { head } = placed.family;
    vol.bookmark({
      title: `${head.exhibitNo} – ${head.title}${part.of > 1 ? ` (part ${part.number} of ${part.of})` : ''}`,
      page: vol.pageRef(first),
      children: built.memberStarts
        .filter(({ member }) => member.depth > 0)
        .map(({ member, index }) => ({
          title: `${member.exhibit.exhibitNo} – ${member.exhibit.title}`,
          page: vol.pageRef(first + 1 + index),
          children: [],
        })),
    });
  }

  abandon(): void {
    for (const vol of this.volumes) vol.abandon();
  }
}
