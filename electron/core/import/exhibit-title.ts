// The title an imported exhibit gets: its file name, unless the document's own title is meaningful.
//
// The rule, as users would say it. A message (email, appointment, task, note, contact) is titled by its subject,
// which its sender wrote for people to read; it falls back to the file name only when the subject is blank. Any other
// document's embedded title (PDF Info, Word core properties, an HTML <title>) is written by software as often as by
// people, so it is kept only when it reads as a title. It is refused, and the file name used, when it:
//   - is blank, or has fewer than 4 letters (a CJK character counts as two), or only digits and punctuation;
//   - is a placeholder software writes: "Untitled", "Image", "Document1", "Scan0001", "Slide 1", "PowerPoint
//     Presentation", "Title", "Default" …, or starts with "test" ("test", "test_small", "Test 2");
//   - is a file name or a path: it ends in a document or picture extension ("opinion.png", "Jagels.docx"), starts
//     with a drive letter or a slash, is one word with slashes in it, or one word joined by underscores
//     ("opinion_pdf_text_based");
//   - is the file's own name under another extension (adds nothing);
//   - is a camera or scanner's serial name ("IMG_0042", "DSC01234", "20170328_1042").
// A printer driver's "Microsoft Word - Report on X.docx" is first read as what follows the dash ("Report on X.docx"),
// then judged by the same rule (here: a file name, so the file name is used).
import type { ExhibitKind } from '../../../shared/model.ts';

const MESSAGE_KINDS: ReadonlySet<ExhibitKind> = new Set(['email', 'appointment', 'task', 'note', 'contact', 'contact_group']);

// What follows "Microsoft Word - ", as printed to PDF by Office's drivers (hyphen, en or em dash).
const OFFICE_PRINT_PREFIX = /^\s*microsoft\s+(?:office\s+)?(?:word|excel|powerpoint|outlook|publisher|visio)\s*[-–—:]\s*/i;

const FILE_EXTENSION =
  /\.(?:pdf|docx?|docm|dotx?|rtf|odt|ods|odp|xlsx?|xlsm|pptx?|txt|html?|msg|eml|wpd|pages|png|jpe?g|gif|bmp|tiff?|webp|heic|heif|psd|ai|eps|ps|xps|oxps|indd|csv|zip)$/i;

// Placeholders a program writes when nobody named the document; digits after them ("Document1", "Image 3") too.
const PLACEHOLDERS = new RegExp(
  `^(?:${[
    'untitled(?:[\\s-]+document)?',
    'no\\s+title',
    'title',
    'document',
    'new\\s+document',
    'word\\s+document',
    'pdf(?:\\s+document)?',
    'doc',
    'image',
    'picture',
    'photo',
    'scan(?:ned\\s+document)?',
    'slide',
    'presentation',
    'powerpoint\\s+presentation',
    'microsoft\\s+(?:word|excel|powerpoint)(?:\\s+document)?',
    'adobe\\s+acrobat',
    'page',
    'print',
    'default',
    'none',
    'null',
    'unknown',
    'anonymous',
    'blank',
    'draft',
    'temp',
    'tmp',
    'file',
    'copy',
  ].join('|')})[\\s_\\-#.]*\\d*$`,
  'i',
);

const STARTS_WITH_TEST = /^test(?:$|[\s_\-.\d])/i;
const CAMERA_OR_SCANNER_NAME = /^(?:[a-z]{1,5}[_-]?)?\d[\d_\-. ]*$/i;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LETTER = /\p{L}/gu;

/** The title an exhibit is given: the document's own title when `meaningfulTitle` keeps it, else the file's name without its extension. */
export function exhibitTitle(doc: { kind: ExhibitKind; title: string | null; subject: string | null }, fileName: string): string {
  const stem = fileStem(fileName);
  if (MESSAGE_KINDS.has(doc.kind)) return collapse(doc.title ?? doc.subject ?? '') || stem;
  return meaningfulTitle(doc.title, fileName) ?? stem;
}

/** The document's own title as it should be shown, or null when it is not a title a person would recognize. */
export function meaningfulTitle(ownTitle: string | null, fileName: string): string | null {
  let title = collapse(ownTitle ?? '');
  const printed = OFFICE_PRINT_PREFIX.exec(title);
  if (printed) title = title.slice(printed[0].length).trim();
  if (title === '') return null;
  if (letterWeight(title) < 4) return null;
  if (PLACEHOLDERS.test(title) || STARTS_WITH_TEST.test(title)) return null;
  if (FILE_EXTENSION.test(title) || looksLikePath(title)) return null;
  if (!/\s/.test(title) && title.includes('_')) return null;
  if (CAMERA_OR_SCANNER_NAME.test(title)) return null;
  if (sameName(title, fileStem(fileName))) return null;
  return title;
}

function collapse(text: string): string {
  // Control characters and the NULs some PDF writers leave at the end are never part of a title.
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.[^.]+$/, '');
  return stem === '' ? base : stem;
}

function letterWeight(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return (text.match(LETTER)?.length ?? 0) + cjk;
}

function looksLikePath(text: string): boolean {
  if (/^[a-z]:[\\/]/i.test(text) || /^(?:file|https?):\/\//i.test(text) || /^[~.]?\//.test(text)) return true;
  // One word with folder separators in it; a title such as "Fed/State review" has spaces around its words.
  return !/\s/.test(text) && /[\\/]/.test(text);
}

/** The same name but for case, spaces and the separators file names use instead of spaces. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, '');
  return norm(a) === norm(b);
}
