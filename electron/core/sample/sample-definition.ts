// The sample case's definition (resources/sample-case/case.json): its exhibits and how they are rendered, tags,
// evidence links, annotations and the chronology's facts; read, checked against its schema and for references that do not resolve.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { numberingSchema } from '../../../shared/api.ts';
import { CONFIDENTIALITY, DESIGNATION_KINDS, FACT_STATUSES, PARTIES, STANCES } from '../../../shared/model.ts';
import { parseFactDate } from '../chronology/fuzzy-date.ts';
import type { Letterhead } from './page-furniture.ts';
import type { ComplaintCaption } from './render-complaint-pdf.ts';

/** Where the sources are in a clone; a packaged app passes its own resources folder. */
export const DEFAULT_RESOURCES = fileURLToPath(new URL('../../../resources/sample-case/', import.meta.url));

const text = z.string().trim().min(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2017-03-28');
const colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour such as #ffcc00');
const page = z.number().int().positive();
const id = z.string().regex(/^[a-z0-9-]+$/, 'an id in lower case, digits and hyphens');
const sourcePath = z.string().regex(/^[\w./-]+$/).refine((p) => !p.split('/').includes('..'), 'a path inside the folder');
const fileName = z.string().regex(/^[\w ().,&'-]+\.(pdf|eml|html)$/, 'a plain file name ending .pdf, .eml or .html');

const exhibitFields = {
  id,
  source: sourcePath,
  file: fileName,
  description: text,
  confidentiality: z.enum(CONFIDENTIALITY).default('none'),
  tags: z.array(text).default([]),
};
const documentFields = { title: text, author: text, date: day };

const pdfExhibitSchema = z
  .object({
    ...exhibitFields,
    ...documentFields,
    // A document whose day is not known (only the year) has no date rather than an invented one.
    date: day.optional(),
    kind: z.literal('pdf'),
    letterhead: text.optional(),
    pageNumbers: z.enum(['page-of', 'centred', 'none']).default('page-of'),
    legend: text.optional(),
    bates: z.object({ prefix: text, first: z.number().int().positive() }).strict().optional(),
  })
  .strict();

const exhibitSchema = z.discriminatedUnion('kind', [
  pdfExhibitSchema,
  z.object({ ...exhibitFields, ...documentFields, kind: z.literal('html') }).strict(),
  z.object({ ...exhibitFields, kind: z.literal('email'), attachments: z.array(pdfExhibitSchema).default([]) }).strict(),
]);

const captionSchema = z
  .object({
    counsel: z.array(z.string()),
    court: z.array(text),
    parties: z.array(z.object({ name: text, role: text }).strict()).min(2),
    caseNumber: text,
    documentTitle: text,
    claims: z.array(text).min(1),
    juryDemand: text,
  })
  .strict() satisfies z.ZodType<ComplaintCaption>;

const letterheadSchema = z.object({ name: text, lines: z.array(text), colour }).strict() satisfies z.ZodType<Letterhead>;

const sampleCaseSchema = z
  .object({
    title: text,
    numbering: numberingSchema.strict(),
    /** The fixed time the case's clock starts at; it advances a second per reading, so the audit log repeats. */
    clock: z.iso.datetime(),
    tags: z.array(z.object({ name: text, colour }).strict()),
    letterheads: z.record(id, letterheadSchema),
    complaint: z.object({ source: sourcePath, file: fileName, ...documentFields, footerTitle: text, caption: captionSchema }).strict(),
    exhibits: z.array(exhibitSchema).min(1),
    annotations: z.array(
      // The author: who on the trial team wrote the note (counsel's and an expert's notes are disclosed differently).
      z.object({ id, exhibit: id, page, quote: text, note: text.optional(), colour: colour.optional(), author: text }).strict(),
    ),
    evidence: z.array(
      z
        .object({
          paragraph: z.number().int().positive(),
          exhibit: id,
          pageFrom: page.optional(),
          pageTo: page.optional(),
          stance: z.enum(STANCES).default('supports'),
          quote: text.optional(),
          note: text.optional(),
          annotation: id.optional(),
        })
        .strict(),
    ),
    /** Other numbers exhibits carry: a deposition exhibit, a trial number (issue 23). */
    designations: z
      .array(
        z
          .object({ exhibit: id, kind: z.enum(DESIGNATION_KINDS), label: text, witness: text.optional(), date: day.optional(), source: text.optional(), party: z.enum(PARTIES).optional() })
          .strict(),
      )
      .default([]),
    /** The chronology: each fact's date as a user would type it, its sources in the exhibits and its paragraphs. */
    chronology: z
      .array(
        z
          .object({
            date: z.string(),
            statement: text,
            status: z.enum(FACT_STATUSES).default('undisputed'),
            key: z.boolean().default(false),
            sequence: z.number().int().default(0),
            tags: z.array(text).default([]),
            sources: z.array(z.object({ exhibit: id, pageFrom: page.optional(), pageTo: page.optional(), quote: text.optional() }).strict()).default([]),
            paragraphs: z.array(z.number().int().positive()).default([]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type SampleCase = z.infer<typeof sampleCaseSchema>;
export type ExhibitDefinition = SampleCase['exhibits'][number];
export type PdfExhibitDefinition = z.infer<typeof pdfExhibitSchema>;

/** Reads and checks the definition; a mistake in it is a defect of the shipped sample, so it throws plainly. */
export function loadSampleCase(resources = DEFAULT_RESOURCES): SampleCase {
  const file = path.join(resources, 'case.json');
  const parsed = sampleCaseSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  checkReferences(parsed.data);
  return parsed.data;
}

/** Every exhibit the definition defines, attachments after their email, in import order. */
export function allExhibits(sample: SampleCase): ExhibitDefinition[] {
  return sample.exhibits.flatMap((e): ExhibitDefinition[] => (e.kind === 'email' ? [e, ...e.attachments] : [e]));
}

function checkReferences(sample: SampleCase): void {
  const problems: string[] = [];
  const exhibits = allExhibits(sample);
  const ids = new Set(exhibits.map((e) => e.id));
  const tags = new Set(sample.tags.map((t) => t.name));
  const annotations = new Set(sample.annotations.map((a) => a.id));
  const duplicate = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
  for (const d of duplicate(exhibits.map((e) => e.id))) problems.push(`exhibit id "${d}" is used twice`);
  for (const d of duplicate(exhibits.map((e) => e.file))) problems.push(`file name "${d}" is used twice`);
  for (const d of duplicate([...annotations])) problems.push(`annotation id "${d}" is used twice`);
  for (const e of exhibits) {
    for (const t of e.tags) if (!tags.has(t)) problems.push(`${e.id}: no tag "${t}" is defined`);
    if ('letterhead' in e && e.letterhead && !sample.letterheads[e.letterhead]) problems.push(`${e.id}: no letterhead "${e.letterhead}"`);
  }
  for (const a of sample.annotations) if (!ids.has(a.exhibit)) problems.push(`annotation ${a.id}: no exhibit "${a.exhibit}"`);
  for (const d of sample.designations) if (!ids.has(d.exhibit)) problems.push(`designation ${d.label}: no exhibit "${d.exhibit}"`);
  for (const l of sample.evidence) {
    const where = `evidence for ¶ ${l.paragraph}`;
    if (!ids.has(l.exhibit)) problems.push(`${where}: no exhibit "${l.exhibit}"`);
    if (l.annotation && !annotations.has(l.annotation)) problems.push(`${where}: no annotation "${l.annotation}"`);
    if (l.pageTo !== undefined && (l.pageFrom === undefined || l.pageTo < l.pageFrom)) problems.push(`${where}: pageTo without a pageFrom before it`);
  }
  for (const f of sample.chronology) {
    const where = `fact "${f.statement.slice(0, 40)}…"`;
    try {
      parseFactDate(f.date);
    } catch (e) {
      problems.push(`${where}: ${(e as Error).message}`);
    }
    for (const t of f.tags) if (!tags.has(t)) problems.push(`${where}: no tag "${t}" is defined`);
    for (const s of f.sources) {
      if (!ids.has(s.exhibit)) problems.push(`${where}: no exhibit "${s.exhibit}"`);
      if (s.pageTo !== undefined && (s.pageFrom === undefined || s.pageTo < s.pageFrom)) problems.push(`${where}: pageTo without a pageFrom before it`);
    }
  }
  if (problems.length > 0) throw new Error(`The sample case definition is inconsistent: ${problems.join('; ')}.`);
}
