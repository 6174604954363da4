// Which DAT column holds which of the facts we keep about a produced document: producers name the same field a dozen
// ways (BEGBATES, BEGDOC, "Beg Bates", PRODBEG …), so columns are matched by name ignoring case, spaces and _ - .
// What a user changes in that matching is kept per case, by column name, for the next volume that has the column.
import { PRODUCTION_FIELD_LABELS, type ProductionField } from '../../../shared/model.ts';

export type { ProductionField };
export const PRODUCTION_FIELDS = Object.keys(PRODUCTION_FIELD_LABELS) as ProductionField[];

/** Column names that producers use for each field, most specific first: the first one a DAT has is taken. */
export const DEFAULT_FIELD_MAP: Readonly<Record<ProductionField, readonly string[]>> = {
  begBates: ['BEGBATES', 'BEGINBATES', 'BEG BATES', 'BEGDOC', 'BEGINDOC', 'PRODBEG', 'PRODBEGBATES', 'BATES BEGIN', 'BATESBEG', 'BEGNO', 'STARTBATES', 'BEGIN BATES NUMBER', 'CONTROL NUMBER', 'DOCID'],
  endBates: ['ENDBATES', 'END BATES', 'ENDDOC', 'PRODEND', 'PRODENDBATES', 'BATES END', 'BATESEND', 'ENDNO', 'ENDING BATES', 'END BATES NUMBER'],
  begAttach: ['BEGATTACH', 'BEG ATTACH', 'ATTACH BEGIN', 'BEGINATTACH', 'BEGATTACHMENT', 'BEGATT', 'ATTACHBEG', 'PRODBEGATTACH', 'BEGFAMILY', 'FAMILY BEGIN', 'BEG FAMILY'],
  endAttach: ['ENDATTACH', 'END ATTACH', 'ATTACH END', 'ENDINGATTACH', 'ENDATTACHMENT', 'ENDATT', 'ATTACHEND', 'PRODENDATTACH', 'ENDFAMILY', 'FAMILY END', 'END FAMILY'],
  custodian: ['CUSTODIAN', 'CUSTODIANS', 'ALL CUSTODIANS', 'CUSTODIAN NAME'],
  date: ['DATESENT', 'DATE SENT', 'SENT DATE', 'EMAIL DATE SENT', 'DATE', 'DOCDATE', 'DOCUMENT DATE', 'DATE RECEIVED', 'RECEIVED DATE', 'DATE CREATED', 'CREATED DATE'],
  from: ['FROM', 'EMAIL FROM', 'SENDER', 'FROM ADDRESS'],
  to: ['TO', 'EMAIL TO', 'RECIPIENTS', 'RECIPIENT', 'TO ADDRESS'],
  cc: ['CC', 'EMAIL CC', 'CC ADDRESS'],
  subject: ['SUBJECT', 'EMAIL SUBJECT', 'SUBJ'],
  fileName: ['FILENAME', 'FILE NAME', 'ORIGINAL FILENAME', 'ORIGINAL FILE NAME', 'NATIVE FILENAME', 'DOCNAME'],
  textPath: ['TEXTPATH', 'TEXT PATH', 'EXTRACTED TEXT', 'EXTRACTED TEXT PATH', 'TEXT LINK', 'TEXTLINK', 'TEXT FILE', 'TEXT FILE PATH', 'OCR PATH', 'OCR TEXT PATH', 'TEXT'],
  nativePath: ['NATIVEPATH', 'NATIVE PATH', 'NATIVE', 'NATIVE FILE', 'NATIVE LINK', 'NATIVE FILE PATH', 'NATIVE FILE LINK', 'FILE PATH', 'DOCLINK', 'DOC LINK'],
  md5: ['MD5HASH', 'MD5 HASH', 'MD5', 'HASH MD5'],
  sha1: ['SHA1HASH', 'SHA1 HASH', 'SHA1', 'SHA-1', 'HASH SHA1'],
  title: ['TITLE', 'DOCTITLE', 'DOCUMENT TITLE'],
  author: ['AUTHOR', 'DOCAUTHOR', 'DOCUMENT AUTHOR'],
};

/** Our field → the DAT column (as the DAT spells it). */
export type ResolvedFieldMap = Partial<Record<ProductionField, string>>;

export interface FieldMapResult {
  map: ResolvedFieldMap;
  /** Our fields the caller mapped to a column this DAT does not have. */
  missing: { field: ProductionField; column: string }[];
  /** Names in the caller's map that are not one of our fields. */
  unknown: string[];
}

export function columnKey(name: string): string {
  return name.replace(/[\s_.-]+/g, '').toUpperCase();
}

/**
 * What the user chose for columns where the usual names would have chosen otherwise, by column name (columnKey):
 * the field the column is read as, or '' to keep it as a custom field. Kept per case for the next volume.
 */
export type ColumnChoices = Record<string, ProductionField | ''>;

/**
 * Finds each field's column among the DAT's: the caller's choice where given (override keys are our field names;
 * '' for none), then the case's column choices, else the first alias the DAT has that holds a value in some row
 * (`filled`), else the first it has at all. A column is given to one field only. Relativity's samples carry both
 * SUBJECT and EMAIL SUBJECT with only the second filled.
 */
export function resolveFieldMap(
  columns: readonly string[],
  override: Readonly<Record<string, string>> = {},
  filled: ReadonlySet<string> = new Set(columns),
  choices: Readonly<ColumnChoices> = {},
): FieldMapResult {
  const byKey = new Map<string, string>();
  for (const c of columns) if (!byKey.has(columnKey(c))) byKey.set(columnKey(c), c);
  const map: ResolvedFieldMap = {};
  const missing: FieldMapResult['missing'] = [];
  const taken = new Set<string>();
  const decided = (field: ProductionField) => map[field] !== undefined || override[field] !== undefined;
  for (const field of PRODUCTION_FIELDS) {
    const wanted = override[field];
    if (wanted === undefined || wanted.trim() === '') continue;
    const column = byKey.get(columnKey(wanted));
    if (column === undefined) missing.push({ field, column: wanted });
    else {
      map[field] = column;
      taken.add(column);
    }
  }
  // A column the user kept as a custom field is not taken by the usual names either.
  const kept = new Set<string>();
  for (const [key, column] of byKey) {
    const choice = choices[key];
    if (choice === undefined || taken.has(column)) continue;
    if (choice === '') kept.add(column);
    else if (PRODUCTION_FIELDS.includes(choice) && !decided(choice)) {
      map[choice] = column;
      taken.add(column);
    }
  }
  for (const field of PRODUCTION_FIELDS) {
    if (decided(field)) continue;
    const present = DEFAULT_FIELD_MAP[field].map((alias) => byKey.get(columnKey(alias))).filter((c) => c !== undefined && !taken.has(c) && !kept.has(c));
    const column = present.find((c) => filled.has(c!)) ?? present[0];
    if (column !== undefined) {
      map[field] = column;
      taken.add(column);
    }
  }
  const known = new Set<string>(PRODUCTION_FIELDS);
  const unknown = Object.keys(override).filter((k) => !known.has(k));
  return { map, missing, unknown };
}

/**
 * The case's column choices after an import with `chosen` as its map: the earlier choices, with this DAT's columns
 * set to what the user chose where it differs from what the usual names give (`usual`), and dropped where it does not.
 */
export function updatedChoices(earlier: Readonly<ColumnChoices>, columns: readonly string[], chosen: ResolvedFieldMap, usual: ResolvedFieldMap): ColumnChoices {
  const fieldOf = (map: ResolvedFieldMap, column: string): ProductionField | '' =>
    PRODUCTION_FIELDS.find((f) => map[f] !== undefined && columnKey(map[f]!) === columnKey(column)) ?? '';
  const next: ColumnChoices = { ...earlier };
  for (const column of columns) {
    const key = columnKey(column);
    const mine = fieldOf(chosen, column);
    if (mine === fieldOf(usual, column)) delete next[key];
    else next[key] = mine;
  }
  return next;
}
