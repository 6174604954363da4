// Reads Outlook's TNEF wrapper (winmail.dat, application/ms-tnef), recognised by its signature whatever its name: the
// message's properties and body (plain, HTML or compressed RTF), and its attachments, which become child exhibits.
// An attached Outlook message is itself a TNEF stream, handed on as a .tnef child and read the same way.
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type ExtractedAttachment, type Extractor } from '../extractor.ts';
import { htmlToText } from './html-text.ts';
import { formatMailbox, formatMailboxes, type Mailbox } from './mail-address.ts';
import { codepageLabel, decodeWithFallback } from './mail-codepage.ts';
import { extensionOf, fallbackName, mediaTypeForName } from './mail-file-name.ts';
import { NO_SUBJECT } from './mail-mime.ts';
import { outlookItem } from './mail-msg-items.ts';
import { decodeEncodedWords, tidy } from './mail-msg-text.ts';
import { decompressRtf } from './mail-rtf-decompress.ts';
import { readRtf } from './mail-rtf-text.ts';
import { ATT, PT, TnefDamage, isTnef, readTnefStream, type PropertyMap, type TnefAttachment } from './tnef-reader.ts';

export const TNEF_MEDIA_TYPE = 'application/vnd.ms-tnef';
// MAPI property ids ([MS-OXPROPS]).
const PR = {
  messageClass: 0x001a,
  subject: 0x0037,
  clientSubmitTime: 0x0039,
  sentRepresentingName: 0x0042,
  sentRepresentingEmail: 0x0065,
  senderName: 0x0c1a,
  senderEmail: 0x0c1f,
  recipientType: 0x0c15,
  displayCc: 0x0e03,
  displayTo: 0x0e04,
  deliveryTime: 0x0e06,
  body: 0x1000,
  rtfCompressed: 0x1009,
  bodyHtml: 0x1013,
  displayName: 0x3001,
  emailAddress: 0x3003,
  smtpAddress: 0x39fe,
  attachData: 0x3701,
  attachExtension: 0x3703,
  attachFileName: 0x3704,
  attachMethod: 0x3705,
  attachLongFileName: 0x3707,
  attachMimeTag: 0x370e,
  attachContentId: 0x3712,
  internetCpid: 0x3fde,
  messageCodepage: 0x3ffd,
  senderSmtp: 0x5d01,
  sentRepresentingSmtp: 0x5d02,
  attachmentHidden: 0x7ffe,
} as const;
// Bodies are text, not header strings: an "=?" in them is left as written.
const TEXTS = new Set<number>([PR.body, PR.bodyHtml]);
// IID_IMessage: a PT_OBJECT holding an attached Outlook message (a TNEF stream of its own follows it).
const IID_IMESSAGE = Buffer.from('0703020000000000c000000000000046', 'hex');
const IID_LENGTH = 16;
const ATTACH_EMBEDDED_MESSAGE = 5;
const ATTACH_OLE = 6;
const FILETIME_EPOCH_MS = 11644473600000n;
export const tnefExtractor: Extractor = {
  name: 'tnef',
  accepts(head) {
    return isTnef(head);
  },
  async extract(bytes) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    let stream;
    try {
      stream = readTnefStream(bytes);
    } catch (e) {
      if (!(e instanceof TnefDamage)) throw e;
      throw new UserError('damaged', 'The Outlook TNEF (winmail.dat) data is damaged: its structure could not be read.');
    }
    const warnings: string[] = [];
    if (stream.truncated) warnings.push('The TNEF data ends early (the file may be cut short); what came before the cut was read.');
    const strings = new Strings(stream.props, stream.attributes);
    const messageClass = strings.prop(stream.props, PR.messageClass) ?? strings.attribute(stream.attributes, ATT.messageClass) ?? '';
    // Named properties (an appointment's times, a contact's addresses) are not read from TNEF: only what every item has.
    const found = outlookItem(messageClass);
    const item = found && !found.mail ? found : null;
    if (item) warnings.push(`This Outlook item is ${item.name} (${messageClass}), not an email; its text was imported.`);
    const subject = clean(strings.prop(stream.props, PR.subject) ?? strings.attribute(stream.attributes, ATT.subject));
    const body = readBody(stream.props, stream.attributes, strings, warnings);
    const attachments = stream.attachments.flatMap((a, i) => readAttachment(a, i + 1, strings, warnings) ?? []);
    return {
      // Not mail, so not an email exhibit: a contact group, an appointment … as the item is.
      ...emptyDocument(item ? item.kind : 'email', TNEF_MEDIA_TYPE),
      title: subject ?? NO_SUBJECT,
      subject,
      from: sender(stream.props, stream.attributes, strings),
      to: recipients(stream.recipients, strings, 1) ?? clean(strings.prop(stream.props, PR.displayTo)),
      cc: recipients(stream.recipients, strings, 2) ?? clean(strings.prop(stream.props, PR.displayCc)),
      date: filetime(stream.props.get(PR.clientSubmitTime)?.values[0]) ?? filetime(stream.props.get(PR.deliveryTime)?.values[0]) ?? attributeDate(stream.attributes.get(ATT.dateSent)),
      body,
      attachments,
      warnings: [...new Set([...warnings, ...strings.warnings()])],
    };
  },
};

/** 8-bit strings in the message's code page (or the TNEF's OEM code page); Unicode ones as UTF-16. */
class Strings {
  private readonly label: string;
  private readonly fallbacks = new Set<string>();
  constructor(props: PropertyMap, attributes: Map<number, Uint8Array>) {
    const oem = attributes.get(ATT.oemCodepage);
    const oemCodepage = oem && oem.length >= 4 ? new DataView(oem.buffer, oem.byteOffset, 4).getUint32(0, true) : null;
    this.label = codepageLabel(long(props, PR.messageCodepage) ?? oemCodepage) ?? 'windows-1252';
  }
  decode8(bytes: Uint8Array): string {
    const decoded = decodeWithFallback(bytes, this.label);
    if (decoded.fellBack) this.fallbacks.add(decoded.label);
    return decoded.text;
  }
  prop(props: PropertyMap, id: number): string | null {
    const p = props.get(id);
    const value = p?.values[0];
    if (!p || !value) return null;
    let text: string | null = null;
    if (p.type === PT.unicode) text = nul(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf16le'));
    else if (p.type === PT.string8) text = nul(this.decode8(value));
    return text && !TEXTS.has(id) ? decodeEncodedWords(text) : text;
  }
  attribute(attributes: Map<number, Uint8Array>, id: number): string | null {
    const data = attributes.get(id);
    return data ? nul(this.decode8(data)) : null;
  }
  warnings(): string[] {
    return [...this.fallbacks].map((l) => `Some text was not in the code page the message declares (${this.label}); it was read as ${l}.`);
  }
}

function nul(s: string): string | null {
  const cut = s.indexOf('\u0000');
  const text = cut < 0 ? s : s.slice(0, cut);
  return text || null;
}

function clean(s: string | null): string | null {
  const text = (s ?? '').replace(/\s+/g, ' ').trim();
  return text || null;
}

function long(props: PropertyMap, id: number): number | null {
  const p = props.get(id);
  const v = p?.values[0];
  return p && v && v.length >= 4 && (p.type === PT.long || p.type === 0x0002) ? new DataView(v.buffer, v.byteOffset, 4).getInt32(0, true) : null;
}

function filetime(value: Uint8Array | undefined): string | null {
  if (!value || value.length !== 8) return null;
  const ticks = new DataView(value.buffer, value.byteOffset, 8).getBigUint64(0, true);
  if (ticks === 0n) return null;
  const ms = Number(ticks / 10000n - FILETIME_EPOCH_MS);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1980 || date.getUTCFullYear() > 2200 ? null : date.toISOString();
}

/** attDateSent: year, month, day, hour, minute, second (and weekday) as 16-bit numbers, in the sender's time. */
function attributeDate(data: Uint8Array | undefined): string | null {
  if (!data || data.length < 12) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const [y, mo, d, h, mi, s] = [0, 2, 4, 6, 8, 10].map((o) => view.getUint16(o, true)) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return y < 1980 || Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function sender(props: PropertyMap, attributes: Map<number, Uint8Array>, strings: Strings): string | null {
  const smtp = (a: string | null) => (a && a.includes('@') && !a.startsWith('/') ? a.replace(/^smtp:/i, '') : null);
  const from: Mailbox = {
    name: strings.prop(props, PR.senderName),
    address: strings.prop(props, PR.senderSmtp) ?? smtp(strings.prop(props, PR.senderEmail)),
  };
  const behalf: Mailbox = {
    name: strings.prop(props, PR.sentRepresentingName),
    address: strings.prop(props, PR.sentRepresentingSmtp) ?? smtp(strings.prop(props, PR.sentRepresentingEmail)),
  };
  const fromText = formatMailbox(from);
  const behalfText = formatMailbox(behalf);
  if (fromText && behalfText && behalfText !== fromText) return `${fromText} on behalf of ${behalfText}`;
  return fromText ?? behalfText ?? legacySender(attributes.get(ATT.from), strings);
}

/** attFrom: a TRP structure, the display name then the address, each as long as its header says. */
function legacySender(data: Uint8Array | undefined, strings: Strings): string | null {
  if (!data || data.length < 8) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const nameLength = view.getUint16(4, true);
  const addressLength = view.getUint16(6, true);
  if (8 + nameLength + addressLength > data.length) return null;
  const name = nul(strings.decode8(data.subarray(8, 8 + nameLength)));
  const address = nul(strings.decode8(data.subarray(8 + nameLength, 8 + nameLength + addressLength)))?.replace(/^smtp:/i, '') ?? null;
  return formatMailbox({ name, address: address?.includes('@') ? address : null });
}

function recipients(rows: PropertyMap[], strings: Strings, type: number): string | null {
  const boxes = rows
    .filter((r) => long(r, PR.recipientType) === type)
    .map((r) => {
      const email = strings.prop(r, PR.emailAddress);
      return { name: strings.prop(r, PR.displayName), address: strings.prop(r, PR.smtpAddress) ?? (email?.includes('@') ? email : null) };
    });
  return formatMailboxes(boxes);
}

function readBody(props: PropertyMap, attributes: Map<number, Uint8Array>, strings: Strings, warnings: string[]): string | null {
  const plain = strings.prop(props, PR.body) ?? strings.attribute(attributes, ATT.body);
  if (plain?.trim()) return tidy(plain);
  const html = props.get(PR.bodyHtml);
  if (html?.values[0]) {
    const text = html.type === PT.binary || html.type === PT.string8 ? strings.decode8(html.values[0]) : strings.prop(props, PR.bodyHtml);
    if (text?.trim()) return tidy(htmlToText(text));
  }
  const rtf = props.get(PR.rtfCompressed)?.values[0];
  if (!rtf) return null;
  const raw = decompressRtf(rtf);
  if (!raw) {
    warnings.push('The formatted (RTF) text of the message could not be read.');
    return null;
  }
  const content = readRtf(raw);
  return tidy(content.html ? htmlToText(content.text) : content.text);
}

function readAttachment(a: TnefAttachment, position: number, strings: Strings, warnings: string[]): ExtractedAttachment | null {
  const title = strings.prop(a.props, PR.attachLongFileName) ?? strings.prop(a.props, PR.displayName) ?? strings.prop(a.props, PR.attachFileName) ?? strings.attribute(a.attributes, ATT.attachTitle);
  const data = a.props.get(PR.attachData);
  const method = long(a.props, PR.attachMethod);
  const object = data?.type === PT.object ? data.values[0] : undefined;
  if (object && (method === ATTACH_EMBEDDED_MESSAGE || Buffer.from(object.subarray(0, IID_LENGTH)).equals(IID_IMESSAGE))) {
    const inner = object.subarray(IID_LENGTH);
    if (!isTnef(inner)) {
      warnings.push(`Attachment ${position}${title ? ` (${title})` : ''} is an attached Outlook message that could not be read and was left out.`);
      return null;
    }
    return { fileName: `${safeBase(title) || `attachment-${position}`}.tnef`, bytes: inner, mediaType: TNEF_MEDIA_TYPE, inline: false };
  }
  // The legacy attAttachData holds the file itself; PR_ATTACH_DATA_BIN the same, for writers that set only that.
  const legacy = a.attributes.get(ATT.attachData);
  let bytes = legacy ?? (data?.type === PT.binary ? data.values[0] : undefined);
  if (!bytes && object) {
    // An OLE object: the compound file follows the interface id it is stored under.
    bytes = object.subarray(IID_LENGTH);
    if (method !== ATTACH_OLE) warnings.push(`Attachment ${position}${title ? ` (${title})` : ''} was stored as an object; its data was kept as found.`);
  }
  if (!bytes) {
    if (title || a.props.size > 0) warnings.push(`Attachment ${position}${title ? ` (${title})` : ''} has no data and was left out.`);
    return null;
  }
  const tag = strings.prop(a.props, PR.attachMimeTag);
  let fileName = title ?? fallbackName(position, tag);
  const extension = strings.prop(a.props, PR.attachExtension) ?? '';
  if (!extensionOf(fileName) && /^\.[a-z0-9]{1,8}$/i.test(extension)) fileName += extension;
  const mediaType = tag || mediaTypeForName(fileName);
  const hidden = a.props.get(PR.attachmentHidden)?.values[0]?.[0] === 1;
  const inline = hidden || (Boolean(strings.prop(a.props, PR.attachContentId)) && Boolean(mediaType?.startsWith('image/')));
  return { fileName, bytes, mediaType, inline };
}

function safeBase(title: string | null): string {
  return (title ?? '').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 100);
}
