// Reads an Outlook message (.msg) with msgreader: sender, recipients, date, body and attachments. Attached Outlook
// messages are rebuilt by msgreader as .msg files of their own, so the pipeline imports them like any other.
import { addressParser } from 'postal-mime';
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type ExtractedAttachment, type ExtractedDocument, type Extractor } from '../extractor.ts';
import { formatMailbox, formatMailboxes, type Mailbox } from './mail-address.ts';
import { checkCompoundFile } from './mail-cfb-guard.ts';
import { parseMailDate } from './mail-date.ts';
import { extensionOf, fallbackName, mediaTypeForName, withExtension } from './mail-file-name.ts';
import { NO_SUBJECT, readMail } from './mail-mime.ts';
import { itemDetails, outlookItem } from './mail-msg-items.ts';
import { MsgStrings, messageBody } from './mail-msg-text.ts';
import { msgReaderClass, type FieldsData, type MsgReader } from './mail-msgreader.ts';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MEDIA_TYPE = 'application/vnd.ms-outlook';
// PidTagSentRepresentingName and …EmailAddress: whom a message was sent for, when someone else sent it.
const PR_SENT_REPRESENTING_NAME = 0x0042;
const PR_SENT_REPRESENTING_EMAIL = 0x0065;
const REBUILT_MESSAGES =
  'Attached Outlook messages were saved as .msg files rebuilt from this message, not as copies of separate files.';
const SMIME_WRAPPER = /^(multipart\/signed|application\/(x-)?pkcs7-mime)/i;
// DER of the PKCS #7 content type that marks an encrypted (enveloped) S/MIME message: OID 1.2.840.113549.1.7.3.
const ENVELOPED_DATA_OID = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03]);

export const msgExtractor: Extractor = {
  name: 'msg',
  accepts(head, fileName) {
    return OLE_SIGNATURE.every((b, i) => head[i] === b) && fileName.toLowerCase().endsWith('.msg');
  },
  async extract(bytes) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    if (!OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
      throw new UserError('damaged', 'The file is not an Outlook message: it does not start like one.');
    }
    checkCompoundFile(bytes);
    const strings = new MsgStrings();
    const { reader, fields } = open(bytes, strings);
    strings.useCodepageOf(fields);
    return readMessage(reader, fields, strings);
  },
};

function open(bytes: Uint8Array, strings: MsgStrings): { reader: MsgReader; fields: FieldsData } {
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const reader = new (msgReaderClass())(copy);
  reader.parserConfig = strings.parserConfig;
  let fields: FieldsData;
  try {
    fields = reader.getFileData();
  } catch {
    throw new UserError('damaged', 'The Outlook message is damaged: its structure could not be read.');
  }
  if (fields.error) throw new UserError('damaged', 'The Outlook message could not be read.');
  const empty = !fields.messageClass && !fields.subject && !fields.body && !fields.compressedRtf;
  if (empty && !fields.attachments?.length && !fields.recipients?.length) {
    throw new UserError('unsupported_format', 'The file is an Office compound file but not an Outlook message.');
  }
  return { reader, fields };
}

async function readMessage(reader: MsgReader, fields: FieldsData, strings: MsgStrings): Promise<ExtractedDocument> {
  const warnings: string[] = [];
  const headers = transportHeaders(fields, strings);
  const subject = clean(strings.text(fields, 'subject'));
  const date = messageDate(fields, headers, warnings);
  let body = messageBody(fields, strings, warnings);
  const messageClass = strings.text(fields, 'messageClass') ?? '';
  const item = outlookItem(messageClass);
  if (item) {
    if (!item.mail) warnings.push(`This Outlook item is ${item.name} (${messageClass}), not an email; its details and text were imported.`);
    body = [itemDetails(item, fields, strings), body].filter(Boolean).join('\n\n') || null;
  }
  const attachments = readAttachments(reader, fields, strings, warnings);
  const secured = await unpackSmime(messageClass, attachments, warnings);
  warnings.push(...strings.warnings());
  return {
    // Not mail, so not an email exhibit: a contact, an appointment, a task … as the item is.
    ...emptyDocument(item && !item.mail ? item.kind : 'email', MEDIA_TYPE),
    title: subject ?? NO_SUBJECT,
    subject,
    from: sender(fields, strings, headers),
    to: recipients(fields, strings, 'to') ?? headerAddresses(headers, 'to'),
    cc: recipients(fields, strings, 'cc') ?? headerAddresses(headers, 'cc'),
    date,
    body: body ?? secured.body,
    encrypted: secured.encrypted,
    attachments: secured.attachments,
    warnings: [...new Set(warnings)],
  };
}

function clean(s: string | null): string | null {
  const text = (s ?? '').replace(/\s+/g, ' ').trim();
  return text || null;
}

function isoOf(utc: unknown): string | null {
  const ms = typeof utc === 'string' ? Date.parse(utc) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

// Sent time first, as Outlook shows it; a draft has neither time, and then the Internet headers may still say.
function messageDate(fields: FieldsData, headers: Map<string, string>, warnings: string[]): string | null {
  const stored = isoOf(fields.clientSubmitTime) ?? isoOf(fields.messageDeliveryTime);
  if (stored) return stored;
  const parsed = parseMailDate(headers.get('date'));
  if (parsed.warning) warnings.push(parsed.warning);
  return parsed.iso;
}

/** The sender; a message sent for someone else ("on behalf of") names both, as Outlook shows it. */
function sender(fields: FieldsData, strings: MsgStrings, headers: Map<string, string>): string | null {
  const own: Mailbox = {
    name: strings.text(fields, 'senderName'),
    address: strings.text(fields, 'senderSmtpAddress') ?? smtpOnly(strings.text(fields, 'senderEmail')),
  };
  const represented: Mailbox = {
    name: stringOf(strings.raw(fields, PR_SENT_REPRESENTING_NAME)),
    address: strings.text(fields, 'sentRepresentingSmtpAddress') ?? smtpOnly(stringOf(strings.raw(fields, PR_SENT_REPRESENTING_EMAIL))),
  };
  if (!own.address && !represented.address) {
    const fromHeader = headerAddresses(headers, 'from');
    if (fromHeader) return fromHeader;
  }
  if (!own.name && !own.address) return formatMailbox(represented);
  if (!represented.name && !represented.address) return formatMailbox(own);
  if (samePerson(own, represented)) return formatMailbox({ name: own.name ?? represented.name, address: own.address ?? represented.address });
  return `${formatMailbox(own)} on behalf of ${formatMailbox(represented)}`;
}

function samePerson(a: Mailbox, b: Mailbox): boolean {
  const same = (x: string | null | undefined, y: string | null | undefined) => Boolean(x && y && x.trim().toLowerCase() === y.trim().toLowerCase());
  return same(a.address, b.address) || same(a.name, b.name) || (!a.name && !b.address) || (!a.address && !b.name);
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

// Exchange-internal addresses (/O=ORG/OU=…/CN=…) mean nothing outside the organisation that sent the message.
function smtpOnly(address: string | null): string | null {
  return address && address.includes('@') && !address.startsWith('/') ? address : null;
}

function recipients(fields: FieldsData, strings: MsgStrings, type: 'to' | 'cc'): string | null {
  const boxes: Mailbox[] = (fields.recipients ?? [])
    .filter((r) => r.recipType === type)
    .map((r) => ({
      name: strings.text(r, 'name'),
      address: strings.text(r, 'smtpAddress') ?? smtpOnly(strings.text(r, 'email')),
    }));
  return formatMailboxes(boxes);
}

/** The message's Internet headers (kept by Outlook for received mail), unfolded, first occurrence of each. */
function transportHeaders(fields: FieldsData, strings: MsgStrings): Map<string, string> {
  const text = strings.text(fields, 'headers') ?? '';
  const headers = new Map<string, string>();
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (name && !headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function headerAddresses(headers: Map<string, string>, name: string): string | null {
  const value = headers.get(name);
  if (!value) return null;
  return formatMailboxes(addressParser(value, { flatten: true }).map((a) => ({ name: a.name, address: a.address })));
}

function readAttachments(
  reader: MsgReader,
  fields: FieldsData,
  strings: MsgStrings,
  warnings: string[],
): ExtractedAttachment[] {
  const attachments: ExtractedAttachment[] = [];
  (fields.attachments ?? []).forEach((a, i) => {
    const position = i + 1;
    let content: Uint8Array;
    try {
      content = reader.getAttachment(a).content;
    } catch {
      const name = strings.text(a, 'fileName') ?? strings.text(a, 'name');
      warnings.push(`Attachment ${position}${name ? ` (${name})` : ''} could not be read and was left out.`);
      return;
    }
    if (a.innerMsgContent) {
      warnings.push(REBUILT_MESSAGES);
      const inner = a.innerMsgContentFields;
      const title = strings.text(a, 'name') ?? (inner ? strings.text(inner, 'subject') : null);
      const fileName = withExtension(fallbackName(position, MEDIA_TYPE, title), 'msg');
      attachments.push({ fileName, bytes: content, mediaType: MEDIA_TYPE, inline: false });
      return;
    }
    attachments.push(fileAttachment(a, content, position, strings));
  });
  return attachments;
}

function fileAttachment(a: FieldsData, bytes: Uint8Array, position: number, strings: MsgStrings): ExtractedAttachment {
  const tag = strings.text(a, 'attachMimeTag');
  let fileName =
    strings.text(a, 'fileName') ||
    strings.text(a, 'fileNameShort') ||
    strings.text(a, 'name') ||
    fallbackName(position, tag);
  const extension = strings.text(a, 'extension') ?? '';
  // The extension is its own property; a display name often lacks it, and a damaged one may hold anything.
  if (!extensionOf(fileName) && /^\.[a-z0-9]{1,8}$/i.test(extension)) fileName += extension;
  const mediaType = tag || mediaTypeForName(fileName);
  const inline = a.attachmentHidden === true || (Boolean(a.pidContentId) && Boolean(mediaType?.startsWith('image/')));
  return { fileName, bytes, mediaType, inline };
}

interface Secured {
  body: string | null;
  encrypted: boolean;
  attachments: ExtractedAttachment[];
}

/** An S/MIME item keeps its real content in one attachment: unpack a signed one, report an encrypted one. */
async function unpackSmime(
  messageClass: string,
  attachments: ExtractedAttachment[],
  warnings: string[],
): Promise<Secured> {
  const cls = messageClass.toLowerCase();
  if (!cls.startsWith('ipm.note.smime')) return { body: null, encrypted: false, attachments };
  const isWrapper = (a: ExtractedAttachment) => SMIME_WRAPPER.test(a.mediaType ?? '') || /^smime\.p7m$/i.test(a.fileName);
  const index = Math.max(0, attachments.findIndex(isWrapper));
  const wrapper = attachments[index];
  if (!wrapper) return { body: null, encrypted: false, attachments };
  const others = attachments.filter((_, i) => i !== index);
  if (cls.includes('multipartsigned')) {
    try {
      const inner = await readMail(wrapper.bytes);
      warnings.push(...inner.warnings);
      return { body: inner.body, encrypted: inner.encrypted, attachments: [...inner.attachments, ...others] };
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      warnings.push('The S/MIME signature was not checked, and the signed content could not be unpacked.');
      return { body: null, encrypted: false, attachments };
    }
  }
  if (Buffer.from(wrapper.bytes.subarray(0, 64)).includes(ENVELOPED_DATA_OID)) {
    warnings.push('The message is encrypted with S/MIME; only its headers could be read.');
    return { body: null, encrypted: true, attachments };
  }
  warnings.push('The S/MIME signature was not checked, and the signed content inside it was not unpacked.');
  return { body: null, encrypted: false, attachments };
}
