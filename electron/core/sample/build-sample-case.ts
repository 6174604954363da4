// Builds the sample case, "Business Efficiency Solutions v. Huawei", in a new case folder: renders its documents,
// imports them in exhibit order, imports the complaint, then tags, describes, annotates and links the exhibits, and
// writes the chronology of the case's events.
// Everything is fixed — file contents, dates, ids, the case's clock — so two builds are the same.
import fs from 'node:fs';
import path from 'node:path';
import type { Exhibit, ImportReport } from '../../../shared/model.ts';
import { createCaseApi, type CaseApi } from '../api.ts';
import type { Clock } from '../case/case-context.ts';
import { quoteRects } from './quote-rects.ts';
import { renderSources, type RenderedExhibit } from './render-sources.ts';
import { allExhibits, DEFAULT_RESOURCES, loadSampleCase, type SampleCase } from './sample-definition.ts';

/** Inside the case folder: the documents as generated, the originals its exhibits were imported from. */
export const SAMPLE_DOCUMENTS_DIR = 'documents';

export interface SampleCaseSummary {
  dir: string;
  title: string;
  exhibits: Pick<Exhibit, 'exhibitNo' | 'title' | 'kind' | 'pages' | 'textLayer' | 'ocr' | 'sha256'>[];
  causes: number;
  paragraphs: number;
  evidenceLinks: number;
  annotations: number;
  /** Facts in the chronology, and those no exhibit shows (the complaint itself is not an exhibit). */
  facts: number;
  unsourcedFacts: number;
  /** The paragraphs left without evidence, for the gap view to show. */
  unsupportedParagraphs: number[];
}

export interface SampleOptions {
  /** The folder holding case.json and the sources; a packaged app passes where it ships them. */
  resources?: string;
}

/** Refuses a folder that already holds a case; a folder it created is removed again if the build fails. */
export async function buildSampleCase(dir: string, options: SampleOptions = {}): Promise<SampleCaseSummary> {
  const resources = options.resources ?? DEFAULT_RESOURCES;
  const sample = loadSampleCase(resources);
  const created = !fs.existsSync(dir);
  const api = createCaseApi({ dir, create: { title: sample.title }, now: fixedClock(sample.clock) });
  let built = false;
  try {
    const summary = await populate(api, sample, resources);
    built = true;
    return summary;
  } finally {
    api.close();
    if (!built && created) fs.rmSync(api.dir, { recursive: true, force: true });
  }
}

/** A clock that starts at the sample's fixed time and moves on a second each time it is read. */
function fixedClock(start: string): Clock {
  let t = Date.parse(start);
  return () => new Date((t += 1000)).toISOString();
}

async function populate(api: CaseApi, sample: SampleCase, resources: string): Promise<SampleCaseSummary> {
  await api.setNumbering(sample.numbering);
  const rendered = await renderSources(sample, resources, path.join(api.dir, SAMPLE_DOCUMENTS_DIR));
  const report = await api.importFiles({ paths: rendered.exhibits.map((e) => e.path) });
  // As an import in the app or the CLI would: the scanned docket page is read, so that search finds its words.
  const ocr = await api.runOcr({});
  if (ocr.pending > 0) throw new Error(`The sample's scanned page was not read: ${ocr.warnings.join('; ')}`);
  const numbers = exhibitNumbers(rendered.exhibits, report);
  const allegations = await api.importAllegations({ path: rendered.complaint });
  if (allegations.warnings.length > 0) throw new Error(`The sample complaint did not parse cleanly: ${allegations.warnings.join('; ')}`);

  for (const definition of allExhibits(sample)) {
    const date = 'date' in definition ? definition.date : undefined;
    await api.updateExhibit({
      exhibit: numbers.get(definition.id)!,
      edit: { description: definition.description, confidentiality: definition.confidentiality, ...(date ? { date } : {}) },
    });
  }
  for (const tag of sample.tags) {
    const exhibits = allExhibits(sample).filter((e) => e.tags.includes(tag.name)).map((e) => numbers.get(e.id)!);
    if (exhibits.length > 0) await api.tagExhibits({ exhibits, tag: tag.name });
    await api.setTagColour({ tag: tag.name, colour: tag.colour });
  }
  const annotationIds = await annotate(api, sample, rendered.exhibits, numbers);
  for (const link of sample.evidence) {
    await api.linkEvidence({
      exhibit: numbers.get(link.exhibit)!,
      paragraph: link.paragraph,
      pageFrom: link.pageFrom,
      pageTo: link.pageTo,
      stance: link.stance,
      quote: link.quote,
      note: link.note,
      annotationId: link.annotation === undefined ? undefined : annotationIds.get(link.annotation),
    });
  }

  await writeChronology(api, sample, numbers);
  for (const { exhibit, ...designation } of sample.designations) await api.addDesignation({ exhibit: numbers.get(exhibit)!, ...designation });

  const { causes, paragraphs } = await api.listAllegations({});
  return {
    dir: api.dir,
    title: sample.title,
    exhibits: (await api.listExhibits({})).map(({ exhibitNo, title, kind, pages, textLayer, ocr, sha256 }) => ({ exhibitNo, title, kind, pages, textLayer, ocr, sha256 })),
    causes: causes.length,
    paragraphs: paragraphs.length,
    evidenceLinks: sample.evidence.length,
    annotations: annotationIds.size,
    facts: sample.chronology.length,
    unsourcedFacts: (await api.listFacts({ unsourced: true })).length,
    unsupportedParagraphs: (await api.unsupportedParagraphs({})).map((p) => p.number),
  };
}

/** The exhibit number each definition received; the sample must import whole, or it is not the sample. */
function exhibitNumbers(rendered: RenderedExhibit[], report: ImportReport): Map<string, string> {
  const problems = [
    ...report.failed.map((f) => `${f.path}: ${f.error}`),
    ...report.duplicates.map((d) => `${d.path} duplicates exhibit id ${d.existingId}`),
  ];
  if (problems.length > 0 || report.cancelled) throw new Error(`The sample documents did not all import: ${problems.join('; ')}`);
  const numbers = new Map<string, string>();
  for (const exhibit of rendered) {
    const item = report.imported.find((i) => i.path === exhibit.path && i.parentId === null)!;
    numbers.set(exhibit.definition.id, item.exhibitNo);
    const children = report.imported.filter((i) => i.parentId === item.id);
    if (children.length !== exhibit.attachments.length) {
      throw new Error(`${exhibit.path}: ${exhibit.attachments.length} attachment(s) written, ${children.length} imported.`);
    }
    exhibit.attachments.forEach((a, i) => numbers.set(a.definition.id, children[i]!.exhibitNo));
  }
  return numbers;
}

/** Adds the annotations, each highlighting its quote where the renderer drew it; returns their ids by name. */
async function annotate(api: CaseApi, sample: SampleCase, rendered: RenderedExhibit[], numbers: Map<string, string>) {
  const byId = new Map(rendered.flatMap((e) => [e, ...e.attachments]).map((e) => [e.definition.id, e]));
  const ids = new Map<string, number>();
  for (const a of sample.annotations) {
    const page = byId.get(a.exhibit)?.pages?.[a.page - 1];
    const rects = page ? quoteRects(page.lines, a.quote, page.height) : null;
    if (!rects) throw new Error(`Annotation ${a.id}: "${a.quote}" is not on page ${a.page} of ${a.exhibit}.`);
    const annotation = await api.addAnnotation({ exhibit: numbers.get(a.exhibit)!, page: a.page, rects, quote: a.quote, note: a.note, colour: a.colour, author: a.author });
    ids.set(a.id, annotation.id);
  }
  return ids;
}

/** Adds the chronology's facts, each with its sources (the exhibits' pages and quotes) and its paragraphs. */
async function writeChronology(api: CaseApi, sample: SampleCase, numbers: Map<string, string>): Promise<void> {
  for (const f of sample.chronology) {
    const [first, ...more] = f.sources;
    const source = (s: (typeof f.sources)[number]) => ({ exhibit: numbers.get(s.exhibit)!, pageFrom: s.pageFrom, pageTo: s.pageTo, quote: s.quote });
    const fact = await api.addFact({
      statement: f.statement,
      date: f.date,
      status: f.status,
      key: f.key,
      sequence: f.sequence,
      tags: f.tags,
      paragraphs: f.paragraphs,
      source: first && source(first),
    });
    for (const s of more) await api.linkFact({ id: fact.id, ...source(s) });
  }
}
