// The layers of a Word document that a plain reading leaves out: tracked deletions and moves (made visible in place,
// marked as such), comments with their authors and dates, headers and footers, and the text of parts the document
// pulls in with w:altChunk (HTML, MHT, RTF, plain text or another Word document).
import { decodeEntities, htmlToText } from './html-text.ts';
import { decodeBytes, bomEncoding } from './charset.ts';
import { parseMime } from './mail-mime-parser.ts';
import { readRtf } from './mail-rtf-text.ts';

// Run-level revision wrappers with content (their self-closing forms mark paragraph marks and ranges).
const DELETION = /<w:del\b(?:[^>]*[^/>])?>([\s\S]*?)<\/w:del>/g;
const MOVED_AWAY = /<w:moveFrom\b(?:[^>]*[^/>])?>([\s\S]*?)<\/w:moveFrom>/g;
const INSERTION = /<w:ins\b(?:[^>]*[^/>])?>/g;
const MOVED_HERE = /<w:moveTo\b(?:[^>]*[^/>])?>/g;
const COMMENT = /<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g;
const ALT_CHUNK = /<w:altChunk\b[^>]*?\br:id\s*=\s*["']([^"']+)["'][^>]*?\/>|<w:altChunk\b[^>]*?\br:id\s*=\s*["']([^"']+)["'][^>]*>[\s\S]*?<\/w:altChunk>/g;

export interface Revisions {
  xml: string;
  insertions: number;
  deletions: number;
  moves: number;
}

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

/** Deleted and moved-away runs kept in place, between "[deleted: " and "]" (or "[moved from here: "), so they are read. */
export function showRevisions(xml: string): Revisions {
  let deletions = 0;
  let moves = 0;
  const insertions = xml.match(INSERTION)?.length ?? 0;
  let out = xml.replace(DELETION, (_, inner: string) => {
    deletions++;
    return `${run('[deleted: ')}${asVisible(inner)}${run(']')}`;
  });
  out = out.replace(MOVED_AWAY, (_, inner: string) => {
    moves++;
    return `${run('[moved from here: ')}${inner}${run(']')}`;
  });
  moves = Math.max(moves, xml.match(MOVED_HERE)?.length ?? 0);
  return { xml: out, insertions, deletions, moves };
}

function asVisible(inner: string): string {
  return inner
    .replace(/<w:delInstrText\b[^>]*>[\s\S]*?<\/w:delInstrText>/g, '')
    .replace(/<w:delText\b/g, '<w:t')
    .replace(/<\/w:delText>/g, '</w:t>');
}

/** A part's text, paragraph by paragraph: enough for headers, footers and comments, which hold no tables worth laying out. */
export function paragraphsText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:(t|delText)\b[^>]*>([^<]*)<\/w:\1>|<w:(tab)\b[^>]*\/>/g)]
        .map((m) => (m[3] ? '\t' : decodeEntities(m[2] ?? '')))
        .join('')
        .trim(),
    )
    .filter(Boolean)
    .join('\n');
}

export interface Comment {
  author: string | null;
  date: string | null;
  text: string;
}

export function readComments(xml: string): Comment[] {
  return [...xml.matchAll(COMMENT)].map(([, attrs, body]) => ({
    author: attribute(attrs!, 'author'),
    date: attribute(attrs!, 'date'),
    text: paragraphsText(body!),
  }));
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`\\bw:${name}\\s*=\\s*"([^"]*)"`).exec(attrs);
  const value = decodeEntities(m?.[1] ?? '').trim();
  return value || null;
}

export function commentsSection(comments: Comment[]): string | null {
  if (comments.length === 0) return null;
  const lines = comments.map((c) => {
    const who = [c.author, c.date].filter(Boolean).join(', ');
    return `${who ? `[${who}] ` : ''}${c.text}`;
  });
  return `Comments:\n${lines.join('\n')}`;
}

/** The relationship ids of the document's altChunks, in document order. */
export function altChunkIds(documentXml: string): string[] {
  return [...documentXml.matchAll(ALT_CHUNK)].map((m) => m[1] ?? m[2]!);
}

/** Replaces each altChunk with paragraphs holding the text it pulls in (or nothing), so the text sits where it is shown. */
export function inlineAltChunks(documentXml: string, textOf: (id: string) => string | null): string {
  return documentXml.replace(ALT_CHUNK, (_, a: string | undefined, b: string | undefined) => {
    const text = textOf(a ?? b!);
    if (!text) return '';
    return text
      .split('\n')
      .map((line) => `<w:p>${run(escapeXml(line))}</w:p>`)
      .join('');
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type ChunkFormat = 'docx' | 'rtf' | 'mht' | 'html' | 'text';

/** An altChunk's format, judged by its content: Word writes the content type, but not always the one it holds. */
export function chunkFormat(data: Uint8Array): ChunkFormat {
  if (data[0] === 0x50 && data[1] === 0x4b) return 'docx';
  const head = decodeBytes(data.subarray(0, 2048), bomEncoding(data) ?? 'utf-8').replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^(mime-version|content-type|from|subject|date)\s*:/im.test(head.split(/\r?\n\r?\n/)[0] ?? '') && /^[\w-]+\s*:/.test(head)) return 'mht';
  if (head.startsWith('<')) return 'html';
  return 'text';
}

/** The text of an HTML, MHT, RTF or plain-text chunk (a Word chunk is read by the Word reader itself). */
export async function chunkText(data: Uint8Array, format: Exclude<ChunkFormat, 'docx'>): Promise<string | null> {
  if (format === 'rtf') {
    const content = readRtf(data);
    return tidy(content.html ? htmlToText(content.text) : content.text);
  }
  if (format === 'mht') {
    const mail = await parseMime(data, { attachmentEncoding: 'arraybuffer' });
    return tidy(mail.html ? htmlToText(mail.html) : (mail.text ?? ''));
  }
  const text = decodeBytes(data, bomEncoding(data) ?? 'utf-8');
  return tidy(format === 'html' ? htmlToText(text) : text);
}

function tidy(text: string): string | null {
  return text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim() || null;
}
