// Reads a MIME email with postal-mime into what an email exhibit holds, and says what could not be read or checked.
import { decodeWords, type Address, type Attachment, type Email } from 'postal-mime';
import { UserError } from '../../../../shared/errors.ts';
import type { ExtractedAttachment } from '../extractor.ts';
import { formatMailboxes, type Mailbox } from './mail-address.ts';
import { decodeBytes, fixC1 } from './charset.ts';
import { charsetLabel, repairMojibake } from './mail-codepage.ts';
import { parseMailDate } from './mail-date.ts';
import { fallbackName, mediaTypeForName, withExtension } from './mail-file-name.ts';
import { parseMime } from './mail-mime-parser.ts';
import { repairHeaderBlock } from './mail-raw-headers.ts';
import { uudecode } from './mail-uudecode.ts';

// Attached messages stay attachments (the pipeline imports them as exhibits of their own), so postal-mime never
// parses a message inside a message; nesting of parts is capped well below what would exhaust the stack.
const MAX_NESTING = 64;
const HEADERS_WE_KNOW = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'date', 'sender', 'reply-to', 'received', 'return-path', 'message-id',
  'mime-version', 'content-type', 'content-transfer-encoding', 'delivered-to', 'in-reply-to', 'references', 'x-mailer',
]);
const BOUNDARY = /boundary\s*=\s*(?:"([^"]*)"|([^;\s]+))/i;
const SUBJECT_LINE = /^subject:[ \t]*(.*(?:\r?\n[ \t].*)*)/im;

export const NO_SUBJECT = '(no subject)';

export interface MailContent {
  subject: string | null;
  from: string | null;
  to: string | null;
  cc: string | null;
  date: string | null;
  body: string | null;
  encrypted: boolean;
  attachments: ExtractedAttachment[];
  warnings: string[];
}

export async function readMail(bytes: Uint8Array): Promise<MailContent> {
  const repaired = repairHeaderBlock(bytes);
  const email = await parse(repaired.bytes);
  if (!email.headers.some((h) => HEADERS_WE_KNOW.has(h.key))) {
    throw new UserError('damaged', 'The file does not start with email headers, so it cannot be read as an email.');
  }
  const warnings = [...repaired.warnings];
  const date = parseMailDate(header(email, 'date'));
  if (date.warning) warnings.push(date.warning);
  const security = checkSecurity(email, warnings);
  const salvaged = checkParts(email, repaired.bytes, warnings);
  return {
    subject: readSubject(email, warnings),
    from: email.from ? formatAddresses([email.from]) : null,
    to: formatAddresses(email.to ?? []),
    cc: formatAddresses(email.cc ?? []),
    date: date.iso,
    body: readBody(email) ?? salvaged,
    encrypted: security.encrypted,
    attachments: email.attachments.map((a, i) => toAttachment(a, i + 1, warnings)),
    warnings: [...new Set(warnings)],
  };
}

async function parse(bytes: Uint8Array): Promise<Email> {
  try {
    return await parseMime(bytes, {
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: MAX_NESTING,
    });
  } catch (e) {
    if (e instanceof UserError) throw e;
    const message = e instanceof Error ? e.message : '';
    if (/nesting depth/i.test(message)) {
      const reason = `The email's parts are nested more than ${MAX_NESTING} levels deep, so it cannot be read.`;
      throw new UserError('damaged', reason);
    }
    if (/header size/i.test(message)) throw new UserError('too_large', "The email's headers are too large to read.");
    throw new UserError('damaged', 'The email could not be read: its structure is broken.');
  }
}

function header(email: Email, key: string): string | null {
  return email.headers.find((h) => h.key === key)?.value ?? null;
}

function readSubject(email: Email, warnings: string[]): string | null {
  const subject = fixC1(email.subject ?? '').replace(/\s+/g, ' ').trim();
  if (!subject) return null;
  // Raw 8-bit subjects in a multi-byte charset are sometimes stored already mis-read as Latin-1 ("¤j¸É…").
  const raw = header(email, 'subject') ?? '';
  const label = charsetLabel(charsetParam(header(email, 'content-type')));
  const repaired = label && !raw.includes('=?') ? repairMojibake(subject, label) : null;
  if (repaired) {
    warnings.push(`The subject was stored in a garbled form; it is shown as re-read in ${label}.`);
    return repaired;
  }
  return subject;
}

function charsetParam(contentType: string | null): string | null {
  return contentType ? (/charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? null) : null;
}

function formatAddresses(addresses: readonly Address[]): string | null {
  const boxes: Mailbox[] = addresses.flatMap((a) => (a.group ? a.group : [a]));
  return formatMailboxes(boxes.map((b) => ({ name: fixC1(b.name ?? ''), address: b.address })));
}

function readBody(email: Email): string | null {
  const body = fixC1(email.text ?? '').replace(/\r\n?/g, '\n').trim();
  return body || null;
}

function checkSecurity(email: Email, warnings: string[]): { encrypted: boolean } {
  const type = (header(email, 'content-type') ?? '').toLowerCase();
  const protocol = /protocol\s*=\s*"?([^";\s]+)/.exec(type)?.[1] ?? '';
  if (type.startsWith('multipart/signed')) {
    if (protocol.includes('pgp')) warnings.push('The PGP signature was not checked.');
    else warnings.push('The S/MIME signature was not checked.');
  }
  if (email.attachments.some((a) => /^application\/(x-)?pkcs7-signature$/.test(a.mimeType))) {
    warnings.push('The S/MIME signature was not checked.');
  }
  if (/^application\/(x-)?pkcs7-mime/.test(type)) {
    if (/smime-type\s*=\s*"?signed-data/.test(type)) {
      warnings.push('The S/MIME signature was not checked, and the signed content inside it was not unpacked.');
      return { encrypted: false };
    }
    warnings.push('The email is encrypted with S/MIME; only its headers could be read.');
    return { encrypted: true };
  }
  if (type.startsWith('multipart/encrypted')) {
    warnings.push('The email is encrypted; only its headers could be read.');
    return { encrypted: true };
  }
  return { encrypted: false };
}

/** Warns when a multipart email is cut short or its parts cannot be found; then returns its raw text, if any. */
function checkParts(email: Email, bytes: Uint8Array, warnings: string[]): string | null {
  const type = header(email, 'content-type') ?? '';
  if (!/^\s*multipart\//i.test(type)) return null;
  const m = BOUNDARY.exec(type);
  const boundary = m ? (m[1] ?? m[2] ?? '') : '';
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (boundary && raw.indexOf(`--${boundary}`) >= 0) {
    if (raw.indexOf(`--${boundary}--`) < 0) {
      warnings.push('The email ends before its last part is closed; it may have been cut short.');
    }
    return null;
  }
  const text = decodeBytes(raw.subarray(bodyStart(raw)), 'utf-8').replace(/\r\n?/g, '\n').trim();
  if (!text) {
    warnings.push('The email is marked as having several parts, but none were found; it has no text.');
    return null;
  }
  warnings.push(
    'The email is marked as having several parts, but none were found; its raw content is kept as its text.',
  );
  return text;
}

function bodyStart(raw: Buffer): number {
  const ends = [raw.indexOf('\r\n\r\n'), raw.indexOf('\n\n')].filter((i) => i >= 0);
  if (ends.length === 0) return raw.length;
  const end = Math.min(...ends);
  return end + (raw[end] === 0x0d ? 4 : 2);
}

function toAttachment(a: Attachment, position: number, warnings: string[]): ExtractedAttachment {
  let bytes = toBytes(a.content);
  let fileName = a.filename ? fixC1(a.filename) : null;
  let mediaType: string | null = a.mimeType || null;
  const uu = mediaType === 'message/rfc822' ? null : uudecode(bytes);
  if (uu) {
    bytes = uu.bytes;
    fileName ??= uu.fileName;
    mediaType = mediaTypeForName(uu.fileName) ?? mediaType;
  }
  if (mediaType === 'message/rfc822') {
    fileName = fileName ? withExtension(fileName, 'eml') : fallbackName(position, mediaType, subjectOf(bytes));
  }
  fileName ??= fallbackName(position, mediaType);
  if (mediaType === 'text/calendar' || mediaType === 'application/ics') {
    warnings.push(`The calendar attachment "${fileName}" was saved as UTF-8 text with plain line breaks.`);
  }
  return { fileName, bytes, mediaType, inline: a.disposition === 'inline' || a.related === true };
}

function toBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** The subject of an attached message, to name its file; only its header block is read. */
function subjectOf(bytes: Uint8Array): string | null {
  const head = decodeBytes(bytes.subarray(0, 65536), 'utf-8');
  const end = head.search(/\r?\n\r?\n/);
  const m = SUBJECT_LINE.exec(end < 0 ? head : head.slice(0, end));
  const subject = m ? fixC1(decodeWords(m[1]!.replace(/\r?\n/g, ''))).trim() : '';
  return subject || null;
}
