// Writes a sample email as an RFC 5322 message (.eml): its source's headers and body, attachments as multipart/mixed.
import { createHash } from 'node:crypto';
import { base64Lines, CRLF, header, mailboxList, mailDate, quotedPrintable } from './mime-encoding.ts';

/** A message as its source file writes it: "Name: value" headers, a blank line, the body. */
export interface MessageSource {
  from: string;
  to: string;
  cc: string | null;
  date: string; // ISO 8601 with the sender's offset
  subject: string;
  messageId: string;
  inReplyTo: string | null;
  body: string;
}

export interface MailAttachment {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

const SOURCE_HEADERS = ['From', 'To', 'Cc', 'Date', 'Subject', 'Message-ID', 'In-Reply-To'] as const;

export function parseMessageSource(text: string, name: string): MessageSource {
  const end = text.indexOf('\n\n');
  if (end < 0) throw new Error(`${name}: no blank line after the headers.`);
  const values = new Map<string, string>();
  for (const line of text.slice(0, end).split('\n')) {
    const m = /^([A-Za-z-]+): (.+)$/.exec(line);
    const known = m && SOURCE_HEADERS.find((h) => h.toLowerCase() === m[1]!.toLowerCase());
    if (!m || !known) throw new Error(`${name}: "${line}" is not one of the headers ${SOURCE_HEADERS.join(', ')}.`);
    values.set(known, m[2]!.trim());
  }
  const required = (key: (typeof SOURCE_HEADERS)[number]) => {
    const value = values.get(key);
    if (value === undefined) throw new Error(`${name}: the ${key} header is missing.`);
    return value;
  };
  return {
    from: required('From'),
    to: required('To'),
    cc: values.get('Cc') ?? null,
    date: required('Date'),
    subject: required('Subject'),
    messageId: required('Message-ID'),
    inReplyTo: values.get('In-Reply-To') ?? null,
    body: text.slice(end + 2).replace(/\s+$/, ''),
  };
}

export function renderEml(message: MessageSource, attachments: MailAttachment[]): Uint8Array {
  const lines = [
    header('Date', mailDate(message.date)),
    header('From', mailboxList(message.from)),
    header('To', mailboxList(message.to)),
    ...(message.cc ? [header('Cc', mailboxList(message.cc))] : []),
    header('Subject', message.subject),
    header('Message-ID', message.messageId),
    ...(message.inReplyTo ? [header('In-Reply-To', message.inReplyTo), header('References', message.inReplyTo)] : []),
    'MIME-Version: 1.0',
  ];
  const text = [
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(message.body),
  ];
  if (attachments.length === 0) return encode([...lines, ...text]);
  // Fixed, and derived from the message, so the same message always has the same bytes.
  const boundary = `=_sample_${createHash('sha256').update(message.messageId).digest('hex').slice(0, 24)}`;
  const parts = attachments.flatMap((a) => [
    `--${boundary}`,
    `Content-Type: ${a.mediaType};${CRLF} name="${a.fileName}"`,
    `Content-Disposition: attachment;${CRLF} filename="${a.fileName}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(a.bytes),
  ]);
  return encode([
    ...lines,
    `Content-Type: multipart/mixed;${CRLF} boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    '',
    `--${boundary}`,
    ...text,
    ...parts,
    `--${boundary}--`,
  ]);
}

function encode(lines: string[]): Uint8Array {
  return new Uint8Array(Buffer.from(`${lines.join(CRLF)}${CRLF}`, 'utf8'));
}
