// What preflight reports about a PDF before it is filed: stable problem codes, and one entry per file checked.

export const PREFLIGHT_CODES = [
  'unreadable', // not a PDF that parses
  'too-large', // over the court's size cap
  'no-text', // a page with no extractable text (a scan without a text layer)
  'page-size', // a page larger than the court's page size
  'encrypted',
  'javascript',
  'embedded-files',
  'form-fields',
  'font-not-embedded',
  'privacy-ssn', // Fed. R. Civ. P. 5.2(a)(1)
  'privacy-tin', // 5.2(a)(1)
  'privacy-birth-date', // 5.2(a)(2)
  'privacy-account', // 5.2(a)(4)
  'confidentiality-legend', // a page marked confidential: a note (the filing may belong under seal), not a refusal
] as const;

/** Codes that inform the filer without making the file fail: the court accepts the file as it is. */
export const NOTE_CODES: ReadonlySet<PreflightCode> = new Set(['confidentiality-legend']);

export type PreflightCode = (typeof PREFLIGHT_CODES)[number];

export interface PreflightProblem {
  code: PreflightCode;
  message: string;
  /** 1-based; null for a problem of the whole file. */
  page: number | null;
}

export interface PreflightFile {
  path: string;
  ok: boolean;
  problems: PreflightProblem[];
}

export interface PreflightReport {
  files: PreflightFile[];
}
