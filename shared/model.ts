// Domain types shared by the core, the adapters and the renderer.
import type { PreflightFile } from './preflight.ts';

export const EXHIBIT_KINDS = [
  'pdf',
  'email',
  'image',
  'document',
  'text',
  'html',
  'other',
  // Outlook items that are not mail, read as their fields.
  'contact',
  'appointment',
  'task',
  'note',
  'contact_group',
] as const;
export type ExhibitKind = (typeof EXHIBIT_KINDS)[number];

export const CONFIDENTIALITY = ['none', 'confidential', 'highly_confidential_aeo'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

export const STANCES = ['supports', 'contradicts', 'context'] as const;
export type Stance = (typeof STANCES)[number];

export interface NumberingScheme {
  prefix: string; // "PX-", "Exhibit ", "" …
  start: number;
  padding: number; // zero padding of the number part: 3 → PX-001
}

export interface CaseInfo {
  title: string;
  numbering: NumberingScheme;
  schemaVersion: number;
  /** The case folder on this computer (exports are suggested in its "Exports" folder). */
  folder: string;
  /** Why the case is open read-only (its database is damaged), or null when it can be changed. */
  readOnly: { reason: string } | null;
}

export interface Exhibit {
  id: number;
  exhibitNo: string;
  title: string;
  kind: ExhibitKind;
  date: string | null; // ISO 8601 date or date-time
  author: string | null;
  from: string | null;
  to: string | null;
  cc: string | null;
  subject: string | null;
  description: string | null;
  sourceName: string;
  sourcePath: string;
  sha256: string;
  bytes: number;
  mediaType: string;
  pages: number | null;
  textLayer: boolean;
  /** True once every page without text of its own has been read by OCR (textLayer still describes the original). */
  ocr: boolean;
  encrypted: boolean;
  confidentiality: Confidentiality;
  parentId: number | null;
  warnings: string[];
  tags: string[];
  importedAt: string;
  /** Its other numbers (deposition, filing, trial, production), where a list gives them; left out when it has none. */
  designations?: DesignationSummary[];
}

/**
 * A reference that can only mean the exhibit with this id ("id:17"), whatever numbers exhibits carry: a bare "17" is
 * first an exhibit number, so the app, which binds every edit to the exhibit it began on, refers by id this way.
 */
export const ID_REF = /^id:(\d{1,15})$/i;
export const idRef = (id: number): string => `id:${id}`;

export type ExhibitEdit = Partial<Pick<Exhibit, EditableExhibitField>>;
export type EditableExhibitField = 'exhibitNo' | 'title' | 'date' | 'author' | 'from' | 'to' | 'cc' | 'subject' | 'description' | 'confidentiality';

/** What a user calls each editable field, in the app's labels and in the core's messages. */
export const EXHIBIT_FIELD_LABELS: Record<EditableExhibitField, string> = {
  exhibitNo: 'Exhibit number',
  title: 'Title',
  date: 'Date',
  author: 'Author',
  from: 'From',
  to: 'To',
  cc: 'Cc',
  subject: 'Subject',
  description: 'Description',
  confidentiality: 'Confidentiality',
};

export interface Tag {
  id: number;
  name: string;
  path: string; // "Parent/Child"
  parentId: number | null;
  color: string | null;
  exhibitCount: number;
}

export interface CauseOfAction {
  id: number;
  ordinal: number;
  title: string;
  page: number | null;
}

export interface Paragraph {
  id: number;
  number: number;
  causeId: number | null;
  section: string | null;
  text: string;
  page: number | null;
  evidenceCount: number;
  /** Why it needs no evidence (jurisdiction, "realleges the above"), when it was so marked: then it is not a gap. */
  noEvidenceReason?: string;
}

export interface EvidenceLink {
  id: number;
  exhibitId: number;
  exhibitNo: string;
  paragraphNo: number;
  pageFrom: number | null;
  pageTo: number | null;
  quote: string | null;
  stance: Stance;
  note: string | null;
  annotationId: number | null;
  cite: string; // "Ex. PX-012 at 3–4"
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Annotation {
  id: number;
  exhibitId: number;
  page: number;
  rects: Rect[];
  quote: string | null;
  note: string | null;
  color: string;
  createdAt: string;
  /** Who wrote it, by the name they gave the app; null for notes made before authors were recorded. */
  author: string | null;
  /** When its note or colour was last changed, or null. */
  updatedAt: string | null;
}

/** A note or highlight as the case-wide list of notes shows it: where it is, and the paragraphs its highlight is linked to. */
export interface NoteEntry extends Annotation {
  exhibitNo: string;
  title: string;
  paragraphs: number[];
}

/** Someone who writes notes in the case, known by the name they gave; `notes` counts their notes and highlights. */
export interface CaseUser {
  id: number;
  name: string;
  notes: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  sha256: string[];
  hash: string;
  /** Who made the change (notes and highlights name their author); absent where no one is named. */
  author?: string;
}

export interface ImportedItem {
  id: number;
  exhibitNo: string;
  path: string;
  sha256: string;
  title: string;
  kind: ExhibitKind;
  pages: number | null;
  parentId: number | null;
  textLayer: boolean;
  warnings: string[];
}

export interface ImportReport {
  imported: ImportedItem[];
  duplicates: { path: string; sha256: string; existingId: number }[];
  failed: { path: string; error: string; code: string }[];
  cancelled: boolean;
}

export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
}

export interface SearchFilters {
  tags?: string[];
  kinds?: ExhibitKind[];
  dateFrom?: string;
  dateTo?: string;
  paragraph?: number;
}

export interface SearchHit {
  exhibitId: number;
  exhibitNo: string;
  title: string;
  page: number | null;
  /** Where the words were found: a page, a page read by OCR, the body of a pageless document, or the exhibit's metadata. */
  source: 'page' | 'ocr' | 'body' | 'metadata' | 'note';
  snippet: string; // matched terms wrapped in « »
  /** For a note's hit: the note and its author. */
  note?: { id: number; author: string | null };
}

/** How many pages (and bodies and metadata) a search matches, counted up to a limit, and how many of them it ranks. */
export interface MatchCount {
  /** The matches counted: all of them, or the limit when `atLeast`. */
  matches: number;
  atLeast: boolean;
  /** Past this many matches the hits would be the best of the first `ranked` only; every match is ranked now (MAX_SAFE_INTEGER). */
  ranked: number;
}

/** An OCR run over the pages that have no text of their own. */
export interface OcrReport {
  /** Pages read in this run (a page with no words on it counts too). */
  pages: number;
  /** Pages still waiting (skipped with a warning, or left by a cancel); the next run takes them up. */
  pending: number;
  /** Exhibits whose every text-less page has now been read. */
  completed: { id: number; exhibitNo: string }[];
  warnings: string[];
  cancelled: boolean;
  seconds: number;
}

export interface VerifyReport {
  ok: boolean;
  checked: number;
  problems: { sha256: string; exhibitIds: number[]; exhibitNos: string[]; problem: 'missing' | 'mismatch' }[];
  auditOk: boolean;
  auditBrokenAt: number | null; // seq of the first audit entry whose hash chain does not hold
  /** The newest audit entry: what an export or backup manifest records, for `verify --anchor` to check later. */
  auditHead: AuditHead | null;
  /** With an anchor given: whether the log still holds that entry unchanged, and if not, why. */
  anchor?: { seq: number; ok: boolean; problem: string | null };
  integrity: string;
}

/** An audit entry's place and hash: recorded outside the case, it proves later that the log was not rewritten. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** A case backup written: the zip, its size and SHA-256, and how many entries it holds (with its manifest). */
export interface BackupResult {
  archive: string;
  bytes: number;
  sha256: string;
  entries: number;
}

/** A backup restored into a new case folder, which then passed verify. */
export interface RestoreResult {
  case: string;
  exhibits: number;
  verified: true;
}

export const BATES_POSITIONS = ['bottom-right', 'bottom-center', 'bottom-left'] as const;
export type BatesPosition = (typeof BATES_POSITIONS)[number];

export interface ExportedFile {
  path: string;
  sha256: string;
  pages: number | null; // null for files without pages (DOCX, CSV)
  bytes: number;
}

/** What every export returns: the files written, the manifest beside them, and what the user should know. */
/** The first pages of an export, made to be looked at before the real one: a PDF, base64-encoded. */
export interface ExportPreview {
  pdf: string;
  /** Pages in the preview. */
  pages: number;
  /** The name the file would have; lists and proof charts in Word or CSV are previewed in their PDF layout. */
  fileName: string;
  warnings: string[];
}

export interface ExportResult {
  files: ExportedFile[];
  manifest: string;
  warnings: string[];
  /** For an export made for a court: its own files checked by that court's preflight. */
  preflight?: ExportPreflight;
  /** For an export made for a filing: the filing recorded, with the labels it froze. */
  filing?: Filing;
}

/** The preflight an export for a court runs on what it wrote (file names within the export folder). */
export interface ExportPreflight {
  court: string;
  passes: boolean;
  files: PreflightFile[];
}

/** Search-and-redact patterns a user picks by name; `frcp52` proposes what Fed. R. Civ. P. 5.2(a) asks to be removed. */
export const REDACTION_PRESETS = ['frcp52', 'ssn', 'tin', 'account', 'dob', 'email', 'phone'] as const;
export type RedactionPreset = (typeof REDACTION_PRESETS)[number];

/** The reasons offered for a redaction (any other text may be given). */
export const REDACTION_REASONS = ['FRCP 5.2', 'Privileged – AC', 'Privileged – WP', 'Third-party PII', 'Confidential'] as const;

/**
 * A part of one page to be removed from every export of the exhibit (never from its original). Rectangles are
 * fractions (0–1) of the page as shown, upright, from its top-left corner: the same on a PDF page, a picture and a
 * scanned page, at any zoom. A proposal (from search or the privacy scan) is applied only once accepted.
 */
export interface Redaction {
  id: number;
  exhibitId: number;
  exhibitNo: string;
  page: number;
  rects: Rect[];
  reason: string;
  /** Printed in the black box when the export asks for labels; null prints the reason. */
  label: string | null;
  status: 'proposed' | 'accepted';
  /** The text the redaction removes, where it was made from text (for review); null for a box drawn by hand. */
  text: string | null;
  origin: 'box' | 'text' | 'search';
  createdAt: string;
  createdBy: string;
}

/** Why a document is withheld from a production (the privilege log's "privilege type"). */
export const PRIVILEGE_TYPES = ['attorney_client', 'work_product', 'other'] as const;
export type PrivilegeType = (typeof PRIVILEGE_TYPES)[number];
export const PRIVILEGE_LABELS: Record<PrivilegeType, string> = {
  attorney_client: 'Attorney–client privilege',
  work_product: 'Attorney work product',
  other: 'Other privilege',
};

/** An exhibit withheld from productions: a slip sheet stands in for it, and the privilege log describes it. */
export interface Withheld {
  type: PrivilegeType;
  /** What the log says of it, without revealing what is privileged. */
  description: string;
}

/** Where a document received in a production came from: its Bates range there, the volume, and the load file's fields. */
export interface ProductionSource {
  begBates: string;
  endBates: string;
  volume: string;
  producingParty: string | null;
  /** Every field of its load-file row, under the load file's own names (mapped ones included). */
  fields: Record<string, string>;
}

/** What a production volume holds, read before it is imported, for the Import dialog and `import --production`. */
export interface ProductionPreview {
  volume: string;
  datFile: string;
  optFile: string | null;
  documents: number;
  pages: number;
  families: number;
  /** The load file's fields, and which of ours each is mapped to. */
  fields: string[];
  fieldMap: Record<string, string>;
  /** Each field's first value in the load file (cut short), to tell what a field holds; '' where it is always empty. */
  samples: string[];
  problems: { line: number | null; file: string; message: string }[];
}

/**
 * What a production's load-file field can be read as, in the users' words (electron/core/production/field-map.ts knows
 * the names producers give each); a field read as none of these is kept as a custom field, searchable.
 */
export const PRODUCTION_FIELD_LABELS = {
  begBates: 'Beginning Bates',
  endBates: 'Ending Bates',
  begAttach: 'Family begins (BEGATTACH)',
  endAttach: 'Family ends (ENDATTACH)',
  custodian: 'Custodian',
  date: 'Date',
  from: 'From',
  to: 'To',
  cc: 'CC',
  subject: 'Subject',
  title: 'Title',
  author: 'Author',
  fileName: 'File name',
  textPath: 'Text file',
  nativePath: 'Native file',
  md5: 'MD5 hash',
  sha1: 'SHA-1 hash',
} as const;
export type ProductionField = keyof typeof PRODUCTION_FIELD_LABELS;

/** How much of a fact's date is known (electron/core/chronology/fuzzy-date.ts reads, orders and prints them). */
export const DATE_PRECISIONS = ['day', 'month', 'year', 'circa', 'before', 'after', 'range', 'undated'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * A fact's date: the period its words name (for "before 2018" and "after 12 April 2019" the period of the
 * reference), ISO days, null when undated; the text as the user typed it; and how it is printed ("Mar 2017", "TBD").
 */
export interface FactDate {
  precision: DatePrecision;
  start: string | null;
  end: string | null;
  text: string;
  display: string;
}

export const FACT_STATUSES = ['undisputed', 'disputed_by_them', 'disputed_by_us', 'prospective'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];
export const FACT_STATUS_LABELS: Record<FactStatus, string> = {
  undisputed: 'Undisputed',
  disputed_by_them: 'Disputed by them',
  disputed_by_us: 'Disputed by us',
  prospective: 'Prospective',
};

/** Where a fact is shown: an exhibit, optionally pages and the passage quoted. */
export interface FactSource {
  id: number;
  factId: number;
  exhibitId: number;
  exhibitNo: string;
  pageFrom: number | null;
  pageTo: number | null;
  quote: string | null;
  cite: string; // "PX-005 at 1"
}

/** A dated statement in the case's chronology, with its sources and the complaint paragraphs it bears on. */
export interface Fact {
  id: number;
  statement: string;
  date: FactDate;
  /** Orders facts of the same date (lower first). */
  sequence: number;
  status: FactStatus;
  key: boolean;
  tags: string[];
  /** Proposed from an exhibit and not yet accepted; proposals stay out of lists and reports until accepted. */
  proposed: boolean;
  /** The exhibit it was proposed from, if it was. */
  proposedFrom: number | null;
  sources: FactSource[];
  paragraphs: number[];
  /** No exhibit shows it: the chronology's gap, as unsupportedParagraphs is the complaint's. */
  unsourced: boolean;
  createdAt: string;
}

/** The numbers a document carries besides its exhibit number in this case (issue 23). */
export const DESIGNATION_KINDS = ['production', 'deposition', 'filing', 'trial', 'custom'] as const;
export type DesignationKind = (typeof DESIGNATION_KINDS)[number];
export const DESIGNATION_KIND_LABELS: Record<DesignationKind, string> = {
  production: 'Production',
  deposition: 'Deposition',
  filing: 'Filing',
  trial: 'Trial',
  custom: 'Other',
};

/** Whose trial exhibit a trial number is: PX, DX or JX, and the AO 187 column it goes in. */
export const PARTIES = ['plaintiff', 'defendant', 'joint'] as const;
export type Party = (typeof PARTIES)[number];

/**
 * One number an exhibit carries: a production Bates range, a deposition exhibit ("Smith Dep. Ex. 4"), an exhibit to a
 * filing ("Dkt. 45-3, Ex. B"), a trial number ("PX 12"), or any other. A filing's labels and a production's range are
 * frozen: renumbering the case never changes them, and they cannot be removed.
 */
export interface Designation {
  /** Null for one read from elsewhere (a production's Bates range, kept with the production), which has no id. */
  id: number | null;
  exhibitId: number;
  kind: DesignationKind;
  /** As written: "Smith Dep. Ex. 4", "PX 12", "B", "ABC0000123 – ABC0000130". */
  label: string;
  /** How a brief cites it: "Smith Dep. Ex. 4", "ABC0000123", "Dkt. 45-3, Ex. B", "Ex. B to Motion to Dismiss". */
  cite: string;
  /** Where it came from, in words ("Deposition of John Smith, 2024-03-05"; "Production VOL001"). */
  source: string | null;
  /** A deposition's witness. */
  witness: string | null;
  /** A deposition's date, or the day a filing was made. */
  date: string | null;
  /** A trial number's party. */
  party: Party | null;
  /** The filing a filing label belongs to, when the app made it. */
  filingId: number | null;
  frozen: boolean;
  createdAt: string | null;
}

/** What the grid and lists carry of each designation. */
export type DesignationSummary = Pick<Designation, 'kind' | 'label' | 'cite'>;

export const TRIAL_EVENTS = ['offered', 'marked', 'admitted', 'refused', 'withdrawn'] as const;
export type TrialEvent = (typeof TRIAL_EVENTS)[number];
export const TRIAL_EVENT_LABELS: Record<TrialEvent, string> = {
  offered: 'Offered',
  marked: 'Marked',
  admitted: 'Admitted',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
};

/** Something that happened to an exhibit at trial, on a day, perhaps through a witness. */
export interface TrialMark {
  id: number;
  exhibitId: number;
  event: TrialEvent;
  date: string;
  witness: string | null;
  recordedAt: string;
}

/** An exhibit on the trial exhibit list: its trial numbers and the days it was offered, marked and admitted. */
export interface TrialExhibit {
  exhibitId: number;
  exhibitNo: string;
  title: string;
  plaintiffNo: string | null;
  defendantNo: string | null;
  offered: string | null;
  marked: string | null;
  admitted: string | null;
  /** Refused or withdrawn, when that came last. */
  outcome: { event: 'refused' | 'withdrawn'; date: string } | null;
  witnesses: string[];
}

/** How a filing letters or numbers its exhibits. */
export const FILING_SCHEMES = ['letters', 'numbers'] as const;
export type FilingScheme = (typeof FILING_SCHEMES)[number];

/** A filing made from an export: the labels it gave its exhibits (frozen), and the exhibits it cited as already filed. */
export interface Filing {
  id: number;
  title: string;
  /** The day the export was made. */
  date: string;
  kind: 'bundle' | 'stamped';
  scheme: FilingScheme;
  folder: string | null;
  /** The docket number once it is known ("45"); each exhibit file is then an attachment, numbered from firstAttachment. */
  docket: string | null;
  firstAttachment: number;
  exhibits: { exhibitId: number; exhibitNo: string; label: string; cite: string }[];
  cited: { exhibitId: number; exhibitNo: string; cite: string }[];
  createdAt: string;
}
