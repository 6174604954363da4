// The importers, in the order they are asked whether they read a file: most specific signature first.
import path from 'node:path';
import type { Extractor } from './extractor.ts';
import { docxExtractor } from './formats/docx.ts';
import { emlExtractor } from './formats/eml.ts';
import { htmlExtractor } from './formats/html.ts';
import { imageExtractor } from './formats/image.ts';
import { msgExtractor } from './formats/msg.ts';
import { legacyOfficeExtractor } from './formats/office-legacy.ts';
import { odfExtractor } from './formats/office-odf.ts';
import { oleObjectExtractor } from './formats/office-ole-object.ts';
import { rtfExtractor } from './formats/office-rtf.ts';
import { sheetsExtractor } from './formats/office-sheets.ts';
import { slidesExtractor } from './formats/office-slides.ts';
import { pdfExtractor } from './formats/pdf.ts';
import { textExtractor } from './formats/text.ts';
import { tnefExtractor } from './formats/tnef.ts';

// Asked in this order by content; plain text is the fallback, asked last and only after the file's name, because
// almost anything decodes as text — an email whose headers are too odd to recognise is still an email by its name.
// TNEF comes first: its signature is fixed at byte 0, while a PDF is recognised by "%PDF-" anywhere in its first
// kilobyte, which a winmail.dat whose first attachment is a PDF also holds.
export const EXTRACTORS: readonly Extractor[] = [tnefExtractor, pdfExtractor, docxExtractor, sheetsExtractor, slidesExtractor, odfExtractor, imageExtractor, msgExtractor, legacyOfficeExtractor, oleObjectExtractor, rtfExtractor, emlExtractor, htmlExtractor];
export const FALLBACK: Extractor = textExtractor;

/** What each importer's usual file name endings are, to notice a file whose name lies about its content. */
const USUAL_EXTENSIONS: Record<string, string[]> = {
  pdf: ['.pdf'],
  eml: ['.eml'],
  msg: ['.msg'],
  // winmail.dat is TNEF, but .dat names any data (load files too), so it claims nothing.
  tnef: ['.tnef'],
  docx: ['.docx'],
  xlsx: ['.xlsx', '.xlsm', '.xltx', '.xltm'],
  pptx: ['.pptx', '.pptm', '.ppsx', '.ppsm', '.potx'],
  odf: ['.odt', '.ods', '.odp', '.ott', '.ots', '.otp'],
  rtf: ['.rtf'],
  'office-legacy': ['.doc', '.dot', '.xls', '.xlt', '.ppt', '.pps', '.pot'],
  image: ['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.gif', '.bmp', '.webp', '.heic', '.heif'],
  html: ['.html', '.htm'],
  text: ['.txt', '.text', '.md', '.csv', '.log'],
};

export interface Choice {
  extractor: Extractor;
  /** False when only the file's name, not its content, pointed to this importer. */
  byContent: boolean;
  warning: string | null;
}

/** A format's signature decides first; then the file's name; then whether it reads as plain text. */
export function chooseExtractor(head: Uint8Array, fileName: string): Choice | null {
  const byContent = EXTRACTORS.find((x) => x.accepts(head, ''));
  if (byContent) return { extractor: byContent, byContent: true, warning: nameMismatch(byContent, fileName) };
  const byName = EXTRACTORS.find((x) => x.accepts(head, fileName));
  if (byName) return { extractor: byName, byContent: false, warning: null };
  if (FALLBACK.accepts(head, '')) return { extractor: FALLBACK, byContent: true, warning: nameMismatch(FALLBACK, fileName) };
  return FALLBACK.accepts(head, fileName) ? { extractor: FALLBACK, byContent: false, warning: null } : null;
}

function nameMismatch(chosen: Extractor, fileName: string): string | null {
  const ext = path.extname(fileName).toLowerCase();
  if (!ext || USUAL_EXTENSIONS[chosen.name]?.includes(ext)) return null;
  const claimed = Object.entries(USUAL_EXTENSIONS).find(([, exts]) => exts.includes(ext));
  return claimed ? `The file is named ${ext} but its content is ${chosen.name.toUpperCase()}; it was read as ${chosen.name.toUpperCase()}.` : null;
}
