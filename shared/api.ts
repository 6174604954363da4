// The API contract: every method a user can call, its argument schema and its result type. IPC, HTTP and the CLI
// all dispatch through it, so a capability is one entry here and one core function.
import { z } from 'zod';
import type {
  Annotation,
  CaseUser,
  NoteEntry,
  AuditEntry,
  BackupResult,
  CaseInfo,
  CauseOfAction,
  EvidenceLink,
  Exhibit,
  ExportPreview,
  ExportResult,
  ImportProgress,
  ImportReport,
  MatchCount,
  OcrReport,
  Paragraph,
  ProductionPreview,
  ProductionSource,
  Redaction,
  Withheld,
  SearchHit,
  Tag,
  VerifyReport,
} from './model.ts';
import { BATES_POSITIONS, CONFIDENTIALITY, EXHIBIT_KINDS, ID_REF, PRIVILEGE_TYPES, REDACTION_PRESETS, STANCES } from './model.ts';
import { COURT_IDS } from './court-profiles.ts';
import { DATE_INPUT_MESSAGE, readDateInput } from './date-input.ts';
import type { PreflightReport } from './preflight.ts';
import type { Fact, FactSource } from './model.ts';
import { FACT_STATUSES } from './model.ts';
import type { Designation, Filing, TrialExhibit, TrialMark } from './model.ts';
import { DESIGNATION_KINDS, FILING_SCHEMES, PARTIES, TRIAL_EVENTS } from './model.ts';

const exhibitRef = z.string().trim().min(1, 'Give an exhibit number or id.').max(100);

const paragraphNo = z.number().int().positive().max(1_000_000);
const pageNo = z.number().int().positive().max(1_000_000);
const text = (max: number) => z.string().max(max);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'Use an ISO 8601 date such as 2017-03-28.');
// An exhibit's date as typed: ISO or the US month/day/year form, stored as ISO (shared/date-input.ts).
const dateInput = z
  .string()
  .max(100)
  .refine((s) => readDateInput(s) !== null, DATE_INPUT_MESSAGE)
  .transform((s) => readDateInput(s)!);
const tagPath = z.string().trim().min(1).max(500);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour such as #ffcc00.');
/** Who writes a note, by the name they gave the app; left out, the core names the account it runs under. */
const authorName = z
  .string()
  .trim()
  .min(1, 'Give your name.')
  .max(200, 'A name can be at most 200 characters long.')
  .regex(/^[^\p{Cc}]*$/u, 'A name may not contain control characters.');
const annotationId = z.number().int().positive();

export const numberingSchema = z.object({
  prefix: text(20)
    .regex(/^[^\d\n]*$/, 'The prefix may not contain digits.')
    .refine((p) => !/^id:/i.test(p), 'The prefix may not begin with "id:", which names exhibits by id.'),
  start: z.number().int().min(0).max(1_000_000_000),
  padding: z.number().int().min(0).max(10),
});

export const exhibitEditSchema = z
  .object({
    exhibitNo: z
      .string()
      .trim()
      .min(1, 'An exhibit needs a number.')
      .max(50)
      .refine((no) => !ID_REF.test(no), 'An exhibit number may not look like an id reference ("id:17").'),
    title: z.string().trim().min(1, 'An exhibit needs a title.').max(1000),
    date: dateInput.nullable(),
    author: text(1000).nullable(),
    from: text(2000).nullable(),
    to: text(10_000).nullable(),
    cc: text(10_000).nullable(),
    subject: text(2000).nullable(),
    description: text(20_000).nullable(),
    confidentiality: z.enum(CONFIDENTIALITY),
  })
  .partial()
  .strict();

/**
 * The values an edit was made from, field by field (what the user saw when they began): the core refuses the edit
 * with edit_conflict when any of them is no longer the stored value, so an edit never silently overwrites a change it
 * did not see. Old values are as stored, so they are not held to the rules new values must follow.
 */
// Stored values may be longer than an edit may set (an imported email with thousands of recipients).
const oldValue = z.string().max(5_000_000).nullable();
export const exhibitExpectedSchema = z
  .object({
    exhibitNo: z.string().max(100),
    title: z.string().max(5_000_000),
    date: oldValue,
    author: oldValue,
    from: oldValue,
    to: oldValue,
    cc: oldValue,
    subject: oldValue,
    description: oldValue,
    confidentiality: z.enum(CONFIDENTIALITY),
  })
  .partial()
  .strict();
export type ExhibitExpected = z.output<typeof exhibitExpectedSchema>;

export const searchFiltersSchema = z
  .object({
    tags: z.array(tagPath).max(50),
    kinds: z.array(z.enum(EXHIBIT_KINDS)).max(EXHIBIT_KINDS.length),
    dateFrom: isoDate,
    dateTo: isoDate,
    paragraph: paragraphNo,
  })
  .partial()
  .strict();
export type SearchFilters = z.output<typeof searchFiltersSchema>;

const rectSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().nonnegative(),
  height: z.number().finite().nonnegative(),
});

/** Which exhibits an export holds; a family (an email and its attachments) is always exported whole. */
export const exportSelectionSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('all') }).strict(),
  z.object({ by: z.literal('tag'), tag: tagPath }).strict(),
  z.object({ by: z.literal('paragraph'), paragraph: paragraphNo }).strict(),
  z
    .object({
      by: z.literal('numbers'),
      // Ranges of the numeric part of exhibit numbers (PX-003 is 3), and exhibit numbers named outright.
      ranges: z.array(z.object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative() }).strict()).max(1000),
      exhibits: z.array(exhibitRef).max(100_000),
    })
    .strict()
    .refine((s) => s.ranges.length + s.exhibits.length > 0, 'Name at least one exhibit number.')
    .refine((s) => s.ranges.every((r) => r.to >= r.from), 'A range of numbers must run forwards, as in 3-7.'),
]);

export type ExportSelection = z.output<typeof exportSelectionSchema>;

export const batesSchema = z
  .object({
    prefix: z.string().max(40).regex(/^[^\p{Cc}]*$/u, 'The Bates prefix may not contain control characters.').default(''),
    start: z.number().int().min(0).max(999_999_999_999).default(1),
    digits: z.number().int().min(1).max(15).default(6),
    position: z.enum(BATES_POSITIONS).default('bottom-right'),
  })
  .strict();

export type BatesSettings = z.output<typeof batesSchema>;

const exportFolder = z.string().trim().min(1, 'Choose a folder to export to.').max(4096);

/** The caption a clerk expects on a filing's cover: court, case title, case number, what is filed. */
export const captionSchema = z
  .object({
    court: z.string().trim().max(300),
    caseTitle: z.string().trim().max(500),
    caseNumber: z.string().trim().max(200),
    filingTitle: z.string().trim().max(500),
  })
  .partial()
  .strict();
export type Caption = z.output<typeof captionSchema>;

/**
 * An export made for a filing: its title, how it labels its exhibits (Ex. A, B … or 1, 2 …; frozen once made), and
 * whether exhibits already on the docket are cited ("previously filed as Dkt. 45-3, Ex. B") rather than filed again.
 */
const filingRequestSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the filing a title.').max(300),
    labels: z.enum(FILING_SCHEMES).default('letters'),
    cite: z.boolean().default(true),
  })
  .strict();

/** How lists cite exhibits: by a designation ("PX 12") instead of the exhibit number, with others after it in brackets. */
const citeOptions = {
  citeBy: z.enum(DESIGNATION_KINDS).optional(),
  citeAlso: z.array(z.enum(DESIGNATION_KINDS)).max(DESIGNATION_KINDS.length).optional(),
};

/** Settings shared by every export that stamps exhibits (the bundle and one stamped PDF per exhibit). */
const stampedExportArgs = {
  outDir: exportFolder,
  select: exportSelectionSchema.default({ by: 'all' }),
  bates: batesSchema.prefault({}),
  caseNumber: z.string().trim().min(1).max(200).optional(),
  // Tried on originals that are password-protected; they are not stored anywhere.
  passwords: z.array(z.string().max(1000)).max(50).optional(),
  // A court profile (shared/court-profiles.ts): its size cap, page size and one exhibit per file.
  court: z.enum(COURT_IDS).optional(),
  // Accepted redactions are applied unless this is false (the CLI's --no-redactions): never left out by default.
  redactions: z.boolean().default(true),
  // Print each box's label (its reason, or its own label) in white inside it.
  redactionLabels: z.boolean().default(false),
  // "PX-012 – 3 of 7" on every exhibit page, beside the Bates number.
  pageLabels: z.boolean().default(false),
  caption: captionSchema.optional(),
  // Leave out, by name, any family whose original has changed on disk since import, instead of failing the export.
  skipChanged: z.boolean().default(false),
  // Documents received in a production with a native original: printed from the native, not the images produced for it.
  printNatives: z.boolean().default(false),
  filing: filingRequestSchema.optional(),
};

/** Our field names (PRODUCTION_FIELD_LABELS in model.ts) to a load file's column names; '' reads the field from no
 * column (the column the usual names would give it stays a custom field). */
const productionFieldMap = z.record(z.string().min(1).max(40), z.string().max(200));

const redactionReason = z.string().trim().min(1, 'Give a reason for the redaction.').max(100);

const megabytes = z.number().positive().max(1_000_000);

/** The arguments of each kind of export, named once for the export methods and their preview. */
const exportArgs = {
  bundle: z
    .object({
      ...stampedExportArgs,
      cover: z.string().trim().min(1).max(5000).optional(),
      maxMb: megabytes.optional(),
    })
    .strict(),
  stamped: z.object(stampedExportArgs).strict(),
  list: z
    .object({ outDir: exportFolder, format: z.enum(['pdf', 'docx', 'csv']), select: exportSelectionSchema.default({ by: 'all' }), ...citeOptions })
    .strict(),
  'proof-chart': z.object({ outDir: exportFolder, format: z.enum(['pdf', 'docx']), ...citeOptions }).strict(),
  // The trial exhibit list in the form of the federal AO 187, from the exhibits' trial numbers and marks.
  'trial-list': z
    .object({
      outDir: exportFolder,
      format: z.enum(['pdf', 'docx']),
      select: exportSelectionSchema.default({ by: 'all' }),
      caption: captionSchema.optional(),
      judge: z.string().trim().max(200).optional(),
      trialDates: z.string().trim().max(200).optional(),
    })
    .strict(),
  // The jury's copy: each admitted exhibit as one stamped PDF named "12_description.pdf", with Exhibits.txt if asked.
  jury: z
    .object({
      outDir: exportFolder,
      index: z.boolean().default(false),
      caseNumber: z.string().trim().min(1).max(200).optional(),
      passwords: z.array(z.string().max(1000)).max(50).optional(),
    })
    .strict(),
  production: z
    .object({
      outDir: exportFolder,
      select: exportSelectionSchema.default({ by: 'all' }),
      // Bates numbers continue per prefix from the last production of this case; never reused.
      prefix: z.string().trim().min(1, 'Give the Bates prefix of the production.').max(40).regex(/^[A-Za-z0-9_-]*[A-Za-z_-]$/, 'A Bates prefix is letters, digits, - or _, ending in a letter, - or _ (as ABC or ABC-).'),
      digits: z.number().int().min(4).max(15).default(7),
      volume: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'A volume name is letters, digits, - or _.').optional(),
      images: z.enum(['tiff', 'pdf']).default('tiff'),
      text: z.boolean().default(true),
      natives: z.enum(['spreadsheets', 'all', 'none']).default('spreadsheets'),
      passwords: z.array(z.string().max(1000)).max(50).optional(),
      redactions: z.boolean().default(true),
    })
    .strict(),
};

export type ExportKindName = keyof typeof exportArgs;

/** The contract method that makes each kind of export. */
export const EXPORT_METHODS = {
  bundle: 'exportBundle',
  stamped: 'exportStamped',
  list: 'exportList',
  'proof-chart': 'exportProofChart',
  production: 'exportProduction',
  'trial-list': 'exportTrialList',
  jury: 'exportJuryCopy',
} as const satisfies Record<ExportKindName, MethodName>;

const previewOf = <K extends ExportKindName>(kind: K) =>
  z.object({ kind: z.literal(kind), args: exportArgs[kind], pages: z.number().int().min(1).max(24).default(8) }).strict();

export interface ExhibitDetails {
  exhibit: Exhibit;
  children: Exhibit[];
  paragraphs: Paragraph[];
  evidence: EvidenceLink[];
  annotations: Annotation[];
  history: AuditEntry[];
  /** Its redactions, proposed and accepted, by page. */
  redactions: Redaction[];
  /** Where it came from, when it was received in a production. */
  production: ProductionSource | null;
  /** Why it is withheld from productions, or null. */
  withheld: Withheld | null;
  /** Pages OCR could not read (rendering failed, or it needed more than its limits), with the reason; `ocr --retry` tries again. */
  unreadablePages: { page: number; reason: string }[];
  /** Its other numbers (trial, deposition, filing, production, other), its production's Bates range among them. */
  designations: Designation[];
  /** What happened to it at trial, in order. */
  trialMarks: TrialMark[];
}

export interface Allegations {
  causes: CauseOfAction[];
  paragraphs: Paragraph[];
}

export interface AllegationsImport {
  causes: number;
  paragraphs: number;
  warnings: string[];
}

export interface RedactionProposals {
  proposals: Redaction[];
  /** Pages searched, and exhibits that could not be searched (no text, no positions), with why. */
  pagesSearched: number;
  skipped: string[];
}

/**
 * Whether a method changes the case. `reads`: it leaves the case as it was, so it runs on a case open read-only (a
 * damaged one); exports count, since they write only their own folder and skip their audit entry there. `writes`: it
 * changes the case's records, vault or settings (or, like a backup, records itself in the audit log whatever happens),
 * so a read-only case refuses it. The damaged-case guard (electron/core/case/damaged-case.ts) reads this field.
 */
export type Access = 'reads' | 'writes';

/** Declares a method: its access and argument schema now, its result type through the type parameter. */
const declare =
  <A extends Access>(access: A) =>
  <Result>() =>
  <Args extends z.ZodType>(args: Args) => ({ access, args, result: undefined as unknown as Result });
const reads = declare('reads');
const writes = declare('writes');

const none = z.object({}).strict();

const factId = z.number().int().positive();
// Read by the core's date reader (chronology/fuzzy-date.ts), which names the forms it reads when it cannot.
const factDateText = z.string().trim().max(200);
const factStatement = z.string().trim().min(1, 'A fact needs a statement.').max(20_000);
const factSequence = z.number().int().min(-1_000_000).max(1_000_000);
const factTags = z.array(tagPath).max(100);

/** Where a fact is shown: an exhibit, optionally its pages and the passage (a highlighted quote). */
const factSourceFields = { exhibit: exhibitRef, pageFrom: pageNo.optional(), pageTo: pageNo.optional(), quote: text(20_000).optional() };
const pagesRunForward = (a: { pageFrom?: number; pageTo?: number }) => a.pageTo === undefined || (a.pageFrom !== undefined && a.pageTo >= a.pageFrom);
const pagesMessage = { message: 'The last page must come after the first page.', path: ['pageTo'] };
const factSourceSchema = z.object(factSourceFields).strict().refine(pagesRunForward, pagesMessage);

/** Which facts a list or a chronology report holds; a date filter keeps the facts whose date may fall within it. */
const factFilterFields = {
  tag: tagPath,
  status: z.enum(FACT_STATUSES),
  key: z.boolean(),
  paragraph: paragraphNo,
  dateFrom: isoDate,
  dateTo: isoDate,
  // Only the facts no exhibit shows.
  unsourced: z.boolean(),
};
export const factFiltersSchema = z.object(factFilterFields).partial().strict();
export type FactFilters = z.output<typeof factFiltersSchema>;

export interface FactProposals {
  proposed: Fact[];
  /** Exhibits selected that gave no proposal, and why (no date; already proposed). */
  skipped: string[];
}

export const contract = {
  caseInfo: reads<CaseInfo>()(none),
  setCaseTitle: writes<CaseInfo>()(z.object({ title: z.string().trim().min(1).max(500) }).strict()),
  setNumbering: writes<CaseInfo>()(numberingSchema.strict()),
  listExhibits: reads<Exhibit[]>()(
    z
      .object({
        tag: tagPath.optional(),
        kind: z.enum(EXHIBIT_KINDS).optional(),
        limit: z.number().int().positive().max(1_000_000).optional(),
        offset: z.number().int().nonnegative().optional(),
        // Only exhibits carrying this number, or one beginning with it ("Smith Dep. Ex. 4", "PX 12", "Smith Dep").
        designation: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
  ),
  getExhibit: reads<ExhibitDetails>()(z.object({ exhibit: exhibitRef }).strict()),
  /** Changes the fields given; with `expected`, only if each of those fields still holds the value given there. */
  updateExhibit: writes<Exhibit>()(z.object({ exhibit: exhibitRef, edit: exhibitEditSchema, expected: exhibitExpectedSchema.optional() }).strict()),
  renumberExhibits: writes<{ changed: { id: number; from: string; to: string }[] }>()(
    z.object({ scheme: numberingSchema.strict().optional() }).strict(),
  ),
  pageText: reads<{ text: string | null }>()(z.object({ exhibit: exhibitRef, page: pageNo }).strict()),
  /**
   * A page of a picture exhibit as a PNG (base64), upright and at most about 4 million pixels: how the viewer shows
   * pictures a browser cannot (TIFF, HEIC) and every page of a multi-page TIFF.
   */
  picturePage: reads<{ png: string; width: number; height: number; pages: number }>()(z.object({ exhibit: exhibitRef, page: pageNo }).strict()),
  /** The text of a document without pages (an email's body, a web page, a Word document, a text file). */
  documentText: reads<{ text: string | null }>()(z.object({ exhibit: exhibitRef }).strict()),
  importFiles: writes<ImportReport>()(
    z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1, 'Choose at least one file or folder.').max(100_000),
        passwords: z.array(z.string().max(1000)).max(50).optional(),
        // How long one file may take to read before it is refused (default 30 s).
        timeoutSeconds: z.number().positive().max(3600).optional(),
      })
      .strict(),
  ),
  /** Reads the scanned pages (no text of their own, or only a stamp in the margins) with OCR, resuming where a run stopped. */
  runOcr: writes<OcrReport>()(
    z
      .object({
        // For password-protected PDFs whose scanned pages are read; they are not stored anywhere.
        passwords: z.array(z.string().max(1000)).max(50).optional(),
        // How long one page may take before it is skipped with a warning (default 120 s).
        pageTimeoutSeconds: z.number().positive().max(3600).optional(),
        // Also read the pages an earlier run gave up on as unreadable.
        retry: z.boolean().optional(),
      })
      .strict(),
  ),
  search: reads<SearchHit[]>()(
    z
      .object({
        query: z.string().max(1000),
        filters: searchFiltersSchema.optional(),
        limit: z.number().int().positive().max(1000).optional(),
      })
      .strict(),
  ),
  /** How many pages a search matches (the hits `search` returns are capped); counts with the same filters. */
  countMatches: reads<MatchCount>()(
    z
      .object({
        query: z.string().max(1000),
        filters: searchFiltersSchema.optional(),
      })
      .strict(),
  ),
  listTags: reads<Tag[]>()(none),
  tagExhibits: writes<{ changed: number }>()(
    z.object({ exhibits: z.array(exhibitRef).min(1).max(100_000), tag: tagPath, remove: z.boolean().optional() }).strict(),
  ),
  setTagColour: writes<Tag>()(z.object({ tag: tagPath, colour: colour.nullable() }).strict()),
  importAllegations: writes<AllegationsImport>()(z.object({ path: z.string().min(1).max(4096) }).strict()),
  listAllegations: reads<Allegations>()(none),
  addParagraph: writes<Paragraph>()(
    z
      .object({ number: paragraphNo, text: z.string().trim().min(1).max(50_000), cause: z.number().int().positive().nullable().optional() })
      .strict(),
  ),
  editParagraph: writes<Paragraph>()(
    z
      .object({
        number: paragraphNo,
        text: z.string().trim().min(1).max(50_000).optional(),
        // The paragraph's text the edit was made from: refused with edit_conflict when it has changed since.
        expected: z.object({ text: z.string().max(50_000) }).strict().optional(),
      })
      .strict(),
  ),
  removeParagraph: writes<Paragraph>()(z.object({ number: paragraphNo }).strict()),
  linkEvidence: writes<EvidenceLink>()(
    z
      .object({
        exhibit: exhibitRef,
        paragraph: paragraphNo,
        pageFrom: pageNo.optional(),
        pageTo: pageNo.optional(),
        quote: text(20_000).optional(),
        stance: z.enum(STANCES).optional(),
        note: text(20_000).optional(),
        annotationId: z.number().int().positive().optional(),
      })
      .strict()
      .refine((a) => a.pageTo === undefined || (a.pageFrom !== undefined && a.pageTo >= a.pageFrom), {
        message: 'The last page must come after the first page.',
        path: ['pageTo'],
      }),
  ),
  unlinkEvidence: writes<EvidenceLink>()(z.object({ linkId: z.number().int().positive() }).strict()),
  evidenceForParagraph: reads<EvidenceLink[]>()(z.object({ paragraph: paragraphNo }).strict()),
  paragraphsForExhibit: reads<Paragraph[]>()(z.object({ exhibit: exhibitRef }).strict()),
  unsupportedParagraphs: reads<Paragraph[]>()(none),
  /** A highlight (rectangles on the page, with its quote), or with no rectangles a note on the page itself. */
  addAnnotation: writes<Annotation>()(
    z
      .object({
        exhibit: exhibitRef,
        page: pageNo,
        rects: z.array(rectSchema).max(500),
        quote: text(20_000).optional(),
        note: text(20_000).optional(),
        colour: colour.optional(),
        author: authorName.optional(),
      })
      .strict()
      .refine((a) => a.rects.length > 0 || (a.note ?? '').trim() !== '', { message: 'A note on a page needs its text.', path: ['note'] }),
  ),
  listAnnotations: reads<Annotation[]>()(z.object({ exhibit: exhibitRef }).strict()),
  /** Changes a note's text or colour; with `expected`, only if the note still reads as it did when the edit began. */
  editAnnotation: writes<Annotation>()(
    z
      .object({
        id: annotationId,
        note: text(20_000).nullable().optional(),
        colour: colour.optional(),
        author: authorName.optional(),
        expected: z.object({ note: z.string().max(5_000_000).nullable() }).strict().optional(),
      })
      .strict(),
  ),
  /** Removes a note or highlight; `restoreAnnotation` takes the removal back (the app's Undo). */
  removeAnnotation: writes<Annotation>()(z.object({ id: annotationId, author: authorName.optional() }).strict()),
  restoreAnnotation: writes<Annotation>()(z.object({ id: annotationId, author: authorName.optional() }).strict()),
  /** Notes and highlights across the case, by author (a name), exhibit and the paragraph they bear on. */
  listNotes: reads<NoteEntry[]>()(
    z.object({ author: authorName.optional(), exhibit: exhibitRef.optional(), paragraph: paragraphNo.optional() }).strict(),
  ),
  /** The people who write notes in the case. */
  listUsers: reads<{ users: CaseUser[]; suggested: string }>()(none),
  /** Adds someone to the case's users by name (the app asks once who you are); a name already known is returned as it is. */
  addUser: writes<CaseUser>()(z.object({ name: authorName }).strict()),
  /** Marks a paragraph as needing no evidence, with the reason (it then leaves the gaps), or with null as needing it again. */
  setNoEvidenceNeeded: writes<Paragraph>()(
    z
      .object({
        paragraph: paragraphNo,
        reason: z.string().trim().min(1, 'Say why the paragraph needs no evidence.').max(500).nullable(),
        author: authorName.optional(),
      })
      .strict(),
  ),
  auditLog: reads<AuditEntry[]>()(
    z.object({ exhibit: exhibitRef.optional(), limit: z.number().int().positive().max(100_000).optional() }).strict(),
  ),
  /**
   * Re-hashes every original and checks the audit chain and the database; with `anchor` (the audit head an export or
   * backup manifest recorded), also that the log still holds that entry unchanged, so a rewritten log shows.
   */
  verify: reads<VerifyReport>()(
    z.object({ anchor: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict().optional() }).strict(),
  ),
  /** Writes a zip of the whole case (database, vault, manifest of hashes); restore it with exhibit-desk restore. */
  backupCase: writes<BackupResult>()(
    z.object({ out: z.string().trim().min(1, 'Choose where to write the backup.').max(4096) }).strict(),
  ),
  /** Redactions of one exhibit, or of the whole case; `status` narrows to proposals or accepted ones. */
  listRedactions: reads<Redaction[]>()(
    z.object({ exhibit: exhibitRef.optional(), status: z.enum(['proposed', 'accepted']).optional() }).strict(),
  ),
  /**
   * A redaction drawn or selected by the user, accepted at once. Rectangles are fractions of the page as shown from its
   * top-left corner, or with `unit: 'points'` PDF points from the page's lower-left corner (a picture's points are its pixels).
   */
  addRedaction: writes<Redaction>()(
    z
      .object({
        exhibit: exhibitRef,
        page: pageNo,
        rects: z.array(rectSchema).min(1, 'Draw at least one box.').max(500),
        unit: z.enum(['fraction', 'points']).default('fraction'),
        reason: redactionReason,
        label: text(100).trim().min(1).nullable().optional(),
        text: text(20_000).nullable().optional(),
        origin: z.enum(['box', 'text']).default('box'),
      })
      .strict(),
  ),
  /**
   * Finds text to redact in the exhibits selected (all by default) and stores each hit as a proposal, to be accepted
   * or rejected one by one: a preset pattern, the user's own regular expression, or a term (case-insensitive).
   * `frcp52` proposes partial redactions that leave what the rule allows (last four digits, the year of birth).
   */
  proposeRedactions: writes<RedactionProposals>()(
    z
      .object({
        preset: z.enum(REDACTION_PRESETS).optional(),
        pattern: z.string().min(1).max(500).optional(),
        term: z.string().trim().min(1).max(500).optional(),
        select: exportSelectionSchema.default({ by: 'all' }),
        reason: redactionReason.optional(),
      })
      .strict()
      .refine((a) => [a.preset, a.pattern, a.term].filter((v) => v !== undefined).length === 1, 'Give one of a preset, a pattern or a term.'),
  ),
  /** Accepts or rejects proposals (rejected ones are deleted); `all` means every proposal (of `exhibit`, if given). */
  decideRedactions: writes<{ changed: number }>()(
    z
      .object({
        ids: z.union([z.literal('all'), z.array(z.number().int().positive()).min(1).max(100_000)]),
        accept: z.boolean(),
        exhibit: exhibitRef.optional(),
      })
      .strict(),
  ),
  removeRedaction: writes<Redaction>()(z.object({ id: z.number().int().positive() }).strict()),
  /** Reads a production volume (its DAT, OPT, images, text and natives) without importing it: what it holds, and what is wrong. */
  inspectProduction: reads<ProductionPreview>()(
    z.object({ path: z.string().min(1).max(4096), fieldMap: productionFieldMap.optional() }).strict(),
  ),
  /** Whether a folder is a production volume (a DAT or OPT load file in it or a folder right under it), nothing read. */
  recogniseProduction: reads<boolean>()(z.object({ path: z.string().min(1).max(4096) }).strict()),
  /**
   * Imports a production volume: each document an exhibit (its images its pages, its native the original when there is
   * one), families rebuilt, its Bates range and fields kept. Bad rows are reported by line; the rest import whole.
   * What the field map given changes from the usual column names is kept with the case for its next volume.
   */
  importProduction: writes<ImportReport>()(
    z
      .object({
        path: z.string().min(1).max(4096),
        fieldMap: productionFieldMap.optional(),
        producingParty: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
  ),
  /** Marks an exhibit withheld from productions as privileged (a slip sheet and a privilege-log row stand in for it), or not. */
  setWithheld: writes<Withheld | null>()(
    z
      .object({
        exhibit: exhibitRef,
        withheld: z.object({ type: z.enum(PRIVILEGE_TYPES), description: z.string().trim().min(1, 'Describe what is withheld, for the privilege log.').max(2000) }).strict().nullable(),
      })
      .strict(),
  ),
  exportProduction: reads<ExportResult>()(exportArgs.production),
  /** The chronology in order (undated last); proposals only with includeProposed; with `limit`, only its first facts. */
  listFacts: reads<Fact[]>()(z.object({ ...factFilterFields, includeProposed: z.boolean(), limit: z.number().int().positive().max(100_000) }).partial().strict()),
  /** A fact; with `source`, tied at once to the passage it was made from. */
  addFact: writes<Fact>()(
    z
      .object({
        statement: factStatement,
        date: factDateText.default(''),
        status: z.enum(FACT_STATUSES).default('undisputed'),
        key: z.boolean().default(false),
        tags: factTags.default([]),
        sequence: factSequence.default(0),
        source: factSourceSchema.optional(),
        paragraphs: z.array(paragraphNo).max(1000).default([]),
      })
      .strict(),
  ),
  /** Changes the fields given; with `expected` (the values the edit was made from; the date as typed), only if they still hold. */
  editFact: writes<Fact>()(
    z
      .object({
        id: factId,
        edit: z.object({ statement: factStatement, date: factDateText, status: z.enum(FACT_STATUSES), key: z.boolean(), sequence: factSequence, tags: factTags }).partial().strict(),
        expected: z
          .object({ statement: z.string().max(5_000_000), date: z.string().max(5_000_000), status: z.enum(FACT_STATUSES), key: z.boolean(), sequence: z.number().int(), tags: z.array(z.string().max(5000)).max(10_000) })
          .partial()
          .strict()
          .optional(),
      })
      .strict(),
  ),
  removeFact: writes<Fact>()(z.object({ id: factId }).strict()),
  linkFact: writes<FactSource>()(z.object({ id: factId, ...factSourceFields }).strict().refine(pagesRunForward, pagesMessage)),
  /** With `id`, refused unless the source is that fact's: a screen bound to one fact never unlinks another's. */
  unlinkFact: writes<FactSource>()(z.object({ sourceId: z.number().int().positive(), id: factId.optional() }).strict()),
  linkFactParagraph: writes<Fact>()(z.object({ id: factId, paragraph: paragraphNo }).strict()),
  unlinkFactParagraph: writes<Fact>()(z.object({ id: factId, paragraph: paragraphNo }).strict()),
  /** Each dated exhibit selected (with its attachments) becomes a proposed fact cited to it, unless one already was. */
  proposeFacts: writes<FactProposals>()(z.object({ select: exportSelectionSchema.default({ by: 'all' }) }).strict()),
  /** Accepts or rejects proposed facts (rejected ones are deleted); `all` means every proposal. */
  decideFacts: writes<{ changed: number }>()(
    z.object({ ids: z.union([z.literal('all'), z.array(factId).min(1).max(100_000)]), accept: z.boolean() }).strict(),
  ),
  /** The chronology report (Date, Fact, Sources, Status) as Word, PDF or CSV, in a new folder with its manifest. */
  exportChronology: reads<ExportResult>()(
    z.object({ outDir: exportFolder, format: z.enum(['docx', 'pdf', 'csv']), filters: factFiltersSchema.default({}) }).strict(),
  ),
  exportBundle: reads<ExportResult>()(exportArgs.bundle),
  exportStamped: reads<ExportResult>()(exportArgs.stamped),
  exportList: reads<ExportResult>()(exportArgs.list),
  exportProofChart: reads<ExportResult>()(exportArgs['proof-chart']),
  exportTrialList: reads<ExportResult>()(exportArgs['trial-list']),
  exportJuryCopy: reads<ExportResult>()(exportArgs.jury),
  /** Gives an exhibit another number it carries: a deposition exhibit, a trial number, a filing's citation, a Bates range. */
  addDesignation: writes<Designation>()(
    z
      .object({
        exhibit: exhibitRef,
        kind: z.enum(DESIGNATION_KINDS),
        label: z.string().trim().min(1, 'Give the number, such as "Smith Dep. Ex. 4".').max(200),
        source: text(500).optional(),
        witness: text(200).optional(),
        date: isoDate.optional(),
        party: z.enum(PARTIES).optional(),
      })
      .strict(),
  ),
  /** Removes a designation; never a filing's frozen label, nor one a later filing cites. */
  removeDesignation: writes<Designation>()(z.object({ id: z.number().int().positive() }).strict()),
  /** Records what happened to an exhibit at trial (today unless dated); one without a trial number keeps its exhibit number as one. */
  markTrial: writes<TrialMark>()(
    z.object({ exhibit: exhibitRef, event: z.enum(TRIAL_EVENTS), date: isoDate.optional(), witness: text(200).optional() }).strict(),
  ),
  /** Gives trial numbers (PX 1 … or, for a defendant, A … Z, AA …) to the exhibits selected that have none for the party. */
  numberTrialExhibits: writes<Designation[]>()(
    z
      .object({
        party: z.enum(PARTIES),
        scheme: z.enum(FILING_SCHEMES).optional(),
        prefix: text(20).optional(),
        start: z.number().int().min(1).max(1_000_000).optional(),
        select: exportSelectionSchema.default({ by: 'all' }),
      })
      .strict(),
  ),
  /** The trial exhibit list: trial numbers and the days each exhibit was offered, marked and admitted. */
  listTrialExhibits: reads<TrialExhibit[]>()(z.object({ select: exportSelectionSchema.optional() }).strict()),
  /** The filings exports were made for, with the labels they froze and the exhibits they cited as already filed. */
  listFilings: reads<Filing[]>()(none),
  /** Enters the docket number a filing received; its exhibits are then cited as "Dkt. 45-3, Ex. B". */
  docketFiling: writes<Filing>()(
    z
      .object({
        filing: z.string().trim().min(1).max(300),
        number: z.string().trim().min(1, 'Give the docket number, such as 45.').max(40).regex(/^[\w.-]+$/, 'A docket number is letters, digits, dots or hyphens, such as 45.'),
        firstAttachment: z.number().int().min(0).max(10_000).default(1),
      })
      .strict(),
  ),
  /** Checks PDFs (an export's, or any) for what makes a court refuse a filing; `maxMb` overrides the court's cap. */
  preflight: reads<PreflightReport>()(
    z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1, 'Choose at least one PDF to check.').max(10_000),
        court: z.enum(COURT_IDS).optional(),
        maxMb: megabytes.optional(),
      })
      .strict(),
  ),
  // The first pages of an export as it would be made with these settings, written nowhere and recorded nowhere.
  previewExport: reads<ExportPreview>()(
    z.discriminatedUnion('kind', [previewOf('bundle'), previewOf('stamped'), previewOf('list'), previewOf('proof-chart'), previewOf('production'), previewOf('trial-list'), previewOf('jury')]),
  ),
  /**
   * The Export dialog's settings as last used in this case (null before the first), kept with the case so that the next
   * export, from any window, browser or machine the case is opened on, starts from them. Their shape is the dialog's own.
   */
  exportSettings: reads<Record<string, unknown> | null>()(none),
  saveExportSettings: writes<{ changed: boolean }>()(
    z
      .object({
        settings: z
          .record(z.string().max(100), z.json())
          .refine((v) => JSON.stringify(v).length <= 64 * 1024, 'The export settings are too large to keep.'),
      })
      .strict(),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<K extends MethodName> = z.input<Contract[K]['args']>;
export type ParsedArgsOf<K extends MethodName> = z.output<Contract[K]['args']>;
export type ResultOf<K extends MethodName> = Contract[K]['result'];

/** Out-of-band options for long calls: progress reports and cancellation (used by importFiles). */
export interface CallOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

/** What the preload, the browser-mode client and the core all implement. */
export type Api = { [K in MethodName]: (args: ArgsOf<K>, options?: CallOptions) => Promise<ResultOf<K>> };

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
