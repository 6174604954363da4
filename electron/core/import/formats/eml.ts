// Reads an RFC 822 / MIME email file (.eml): headers, text body and attachments; attached messages become attachments.
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type Extractor } from '../extractor.ts';
import { NO_SUBJECT, readMail } from './mail-mime.ts';

// Headers only mail carries; one of them, or two of the common ones, make a text file an email.
const MAIL_ONLY_HEADERS = new Set([
  'received', 'return-path', 'message-id', 'mime-version', 'delivered-to', 'dkim-signature', 'x-mailer',
  'authentication-results', 'x-originating-ip', 'thread-index', 'x-ms-has-attach',
]);
const COMMON_HEADERS = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'date', 'reply-to', 'sender', 'in-reply-to', 'references', 'content-type',
  'content-transfer-encoding',
]);
const HEADER_LINE = /^([!-9;-~]+)[ \t]*:/;
const MBOX_FROM_LINE = /^From \S/;
const UTF8_BOM = /^\u00ef\u00bb\u00bf/;

export const emlExtractor: Extractor = {
  name: 'eml',
  accepts(head, fileName) {
    if (startsWithMailHeaders(head)) return true;
    return fileName.toLowerCase().endsWith('.eml') && isText(head);
  },
  async extract(bytes) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    const mail = await readMail(bytes);
    return {
      ...emptyDocument('email', 'message/rfc822'),
      title: mail.subject ?? NO_SUBJECT,
      subject: mail.subject,
      from: mail.from,
      to: mail.to,
      cc: mail.cc,
      date: mail.date,
      body: mail.body,
      encrypted: mail.encrypted,
      attachments: mail.attachments,
      warnings: mail.warnings,
    };
  },
};

function isText(head: Uint8Array): boolean {
  return !head.includes(0);
}

function startsWithMailHeaders(head: Uint8Array): boolean {
  if (head.length === 0 || !isText(head)) return false;
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  const lines = text.replace(UTF8_BOM, '').split(/\r?\n/);
  // The head is cut at an arbitrary byte, so its last line may be a fragment.
  if (lines.length > 1) lines.pop();
  let i = 0;
  while (i < lines.length && lines[i] === '') i++;
  if (MBOX_FROM_LINE.test(lines[i] ?? '')) i++;
  let mailOnly = 0;
  let common = 0;
  for (let first = true; i < lines.length; i++, first = false) {
    const line = lines[i]!;
    if (line === '') break;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (first) return false;
      continue;
    }
    const name = HEADER_LINE.exec(line)?.[1]?.toLowerCase();
    if (name === undefined) {
      if (first) return false;
      break;
    }
    if (MAIL_ONLY_HEADERS.has(name)) mailOnly++;
    if (COMMON_HEADERS.has(name)) common++;
  }
  return mailOnly >= 1 || common >= 2;
}
