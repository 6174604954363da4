// Preflight's look at a PDF's objects (with pdf-lib, every object in the file, not only those a page uses):
// encryption, JavaScript, embedded files, form fields and fonts that are not embedded.
import { EncryptedPDFError, ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from '@cantoo/pdf-lib';
import type { PreflightProblem } from '../../../shared/preflight.ts';

const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest, throwOnInvalidObject: false } as const;

/** Fonts whose glyphs are drawn by the file itself (Type 3) or by their descendant font (Type 0, checked on its own). */
const SELF_CONTAINED_FONTS = new Set(['Type3', 'Type0']);
const FONT_SUBTYPES = new Set(['Type1', 'MMType1', 'TrueType', 'Type3', 'Type0', 'CIDFontType0', 'CIDFontType2']);
const FONT_FILES = ['FontFile', 'FontFile2', 'FontFile3'].map((k) => PDFName.of(k));
/** The fonts every PDF reader has; CM/ECF still asks for every font embedded, so these are reported too. */
const STANDARD_14 = new Set([
  'Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique', 'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique',
  'Helvetica-BoldOblique', 'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic', 'Symbol', 'ZapfDingbats',
]);

const name = (value: PDFObject | undefined): string | null => (value instanceof PDFName ? value.decodeText() : null);

/** Loads the file to read its objects: as it is, decrypted where no password is needed, else still encrypted. */
async function load(bytes: Uint8Array): Promise<{ doc: PDFDocument; encrypted: boolean } | null> {
  try {
    return { doc: await PDFDocument.load(bytes, LOAD), encrypted: false };
  } catch (e) {
    if (!(e instanceof EncryptedPDFError)) return null;
  }
  for (const options of [{ password: '' }, { ignoreEncryption: true }]) {
    try {
      return { doc: await PDFDocument.load(bytes, { ...LOAD, ...options }), encrypted: true };
    } catch {
      /* try the next way */
    }
  }
  return null;
}

export async function structureProblems(bytes: Uint8Array): Promise<PreflightProblem[] | null> {
  const loaded = await load(bytes);
  if (!loaded) return null;
  const { doc, encrypted } = loaded;
  const { context } = doc;
  const found = { javascript: false, embedded: false, fields: false };
  const unembedded = new Set<string>();

  const inspect = (dict: PDFDict) => {
    const type = name(dict.get(PDFName.Type));
    const subtype = name(dict.get(PDFName.of('Subtype')));
    if (dict.has(PDFName.of('JS')) || name(dict.get(PDFName.of('S'))) === 'JavaScript' || dict.has(PDFName.of('JavaScript'))) {
      found.javascript = true;
    }
    if (dict.has(PDFName.of('EmbeddedFiles')) || subtype === 'FileAttachment' || type === 'EmbeddedFile' || dict.has(PDFName.of('EF'))) {
      found.embedded = true;
    }
    if (subtype === 'Widget') found.fields = true;
    const fields = dict.lookup(PDFName.of('AcroForm'));
    if (fields instanceof PDFDict) {
      const list = fields.lookup(PDFName.of('Fields'));
      if (list instanceof PDFArray && list.size() > 0) found.fields = true;
    }
    if ((type === 'Font' || (type === null && dict.has(PDFName.of('BaseFont')))) && subtype && FONT_SUBTYPES.has(subtype)) {
      if (SELF_CONTAINED_FONTS.has(subtype)) return;
      const descriptor = dict.lookup(PDFName.of('FontDescriptor'));
      const embedded = descriptor instanceof PDFDict && FONT_FILES.some((k) => descriptor.has(k));
      if (!embedded) unembedded.add(name(dict.get(PDFName.of('BaseFont'))) ?? `(unnamed ${subtype} font)`);
    }
  };
  // Every indirect object, and the dictionaries written inside it (a font may be given directly in a page's resources).
  const visit = (object: PDFObject) => {
    if (object instanceof PDFStream) visit(object.dict);
    else if (object instanceof PDFDict) {
      inspect(object);
      for (const [, value] of object.entries()) if (value instanceof PDFDict || value instanceof PDFArray) visit(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) if (value instanceof PDFDict || value instanceof PDFArray) visit(value);
    }
  };
  for (const [, object] of context.enumerateIndirectObjects()) visit(object);

  const problems: PreflightProblem[] = [];
  const add = (code: PreflightProblem['code'], message: string) => problems.push({ code, message, page: null });
  if (encrypted) add('encrypted', 'The PDF is encrypted; courts accept only unencrypted files. Save it again without a password or restrictions.');
  if (found.javascript) add('javascript', 'The PDF contains JavaScript; courts refuse files with scripts. Remove it before filing.');
  if (found.embedded) add('embedded-files', 'The PDF has files embedded or attached in it; file each document as its own PDF instead.');
  if (found.fields) add('form-fields', 'The PDF has fillable form fields; flatten the form (print it to PDF) before filing.');
  for (const font of [...unembedded].sort()) {
    const plain = font.replace(/^[A-Z]{6}\+/, '');
    add(
      'font-not-embedded',
      STANDARD_14.has(plain)
        ? `The font ${plain} is not embedded (a standard PDF font, but CM/ECF wants every font embedded).`
        : `The font ${plain} is not embedded; the court may see other letters or none.`,
    );
  }
  return problems;
}
