// Parses a TNEF stream (Outlook's winmail.dat, [MS-OXTNEF]) into its message attributes, MAPI properties, recipients
// and attachments. Every length is checked against the bytes left; a stream cut short keeps what came before the cut.

export const TNEF_SIGNATURE = 0x223e9f78;
const LEVEL_MESSAGE = 1;
const LEVEL_ATTACHMENT = 2;

// Attribute ids ([MS-OXTNEF] 2.1.3.2), type in the high word and id in the low word, as they are stored.
export const ATT = {
  from: 0x00008000,
  subject: 0x00018004,
  dateSent: 0x00038005,
  dateReceived: 0x00038006,
  messageClass: 0x00078008,
  body: 0x0002800c,
  attachData: 0x0006800f,
  attachTitle: 0x00018010,
  attachRendData: 0x00069002,
  msgProps: 0x00069003,
  recipTable: 0x00069004,
  attachment: 0x00069005,
  oemCodepage: 0x00069007,
} as const;

// Property types ([MS-OXCDATA] 2.11.1) and how many bytes a fixed-size value takes in TNEF (shorter ones are padded to 4).
export const PT = { string8: 0x001e, unicode: 0x001f, binary: 0x0102, object: 0x000d, systime: 0x0040, long: 0x0003, boolean: 0x000b } as const;
const FIXED_SIZES: Record<number, number> = {
  0x0001: 0, 0x0002: 4, 0x0003: 4, 0x0004: 4, 0x0005: 8, 0x0006: 8, 0x0007: 8, 0x000a: 4, 0x000b: 4, 0x0014: 8, 0x0040: 8, 0x0048: 16,
};
const VARIABLE_TYPES = new Set<number>([PT.string8, PT.unicode, PT.binary, PT.object]);
const MULTI_VALUED = 0x1000;
// A property list claims its count; each entry takes at least 8 bytes, so a larger claim is damage, not a big list.
const MIN_PROPERTY_BYTES = 8;

export interface MapiProperty {
  type: number; // without the multi-valued flag
  values: Uint8Array[]; // each value's raw bytes, unpadded
}

/** Properties by id; named properties (ids 0x8000 and up) are mapped per file and are not kept. */
export type PropertyMap = Map<number, MapiProperty>;

export interface TnefAttachment {
  attributes: Map<number, Uint8Array>;
  props: PropertyMap;
}

export interface TnefStream {
  attributes: Map<number, Uint8Array>;
  props: PropertyMap;
  recipients: PropertyMap[];
  attachments: TnefAttachment[];
  /** True when the stream ended inside an attribute. */
  truncated: boolean;
}

export class TnefDamage extends Error {}

export function isTnef(head: Uint8Array): boolean {
  return head.length >= 6 && new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0, true) === TNEF_SIGNATURE;
}

export function readTnefStream(bytes: Uint8Array): TnefStream {
  if (!isTnef(bytes)) throw new TnefDamage('no TNEF signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stream: TnefStream = { attributes: new Map(), props: new Map(), recipients: [], attachments: [], truncated: false };
  let current: TnefAttachment | null = null;
  let at = 6;
  while (at < bytes.length) {
    // level (1) + id (4) + length (4) + data + checksum (2)
    if (at + 9 > bytes.length) {
      stream.truncated = true;
      break;
    }
    const level = bytes[at]!;
    const id = view.getUint32(at + 1, true);
    const length = view.getUint32(at + 5, true);
    const start = at + 9;
    if (start + length > bytes.length) {
      stream.truncated = true;
      break;
    }
    const data = bytes.subarray(start, start + length);
    at = start + length + 2;
    if (level === LEVEL_MESSAGE) {
      if (id === ATT.msgProps) mergeProps(stream.props, readProperties(data));
      else if (id === ATT.recipTable) stream.recipients.push(...readRows(data));
      else if (!stream.attributes.has(id)) stream.attributes.set(id, data);
    } else if (level === LEVEL_ATTACHMENT) {
      if (id === ATT.attachRendData || current === null) {
        current = { attributes: new Map(), props: new Map() };
        stream.attachments.push(current);
      }
      if (id === ATT.attachment) mergeProps(current.props, readProperties(data));
      else if (!current.attributes.has(id)) current.attributes.set(id, data);
    } else {
      throw new TnefDamage(`unknown attribute level ${level}`);
    }
  }
  return stream;
}

function mergeProps(into: PropertyMap, from: PropertyMap): void {
  for (const [id, prop] of from) if (!into.has(id)) into.set(id, prop);
}

/** attRecipTable: a count of rows, each a property list. */
function readRows(data: Uint8Array): PropertyMap[] {
  const cursor = new Cursor(data);
  const rows = cursor.count(MIN_PROPERTY_BYTES);
  const out: PropertyMap[] = [];
  for (let i = 0; i < rows; i++) out.push(readPropertyList(cursor));
  return out;
}

export function readProperties(data: Uint8Array): PropertyMap {
  return readPropertyList(new Cursor(data));
}

function readPropertyList(cursor: Cursor): PropertyMap {
  const props: PropertyMap = new Map();
  const count = cursor.count(MIN_PROPERTY_BYTES);
  for (let i = 0; i < count; i++) {
    const fullType = cursor.u16();
    const id = cursor.u16();
    if (id >= 0x8000) skipPropertyName(cursor);
    const type = fullType & ~MULTI_VALUED;
    const values: Uint8Array[] = [];
    if (VARIABLE_TYPES.has(type)) {
      const n = cursor.count(4);
      for (let k = 0; k < n; k++) values.push(cursor.padded(cursor.u32()));
    } else {
      const size = FIXED_SIZES[type];
      if (size === undefined) throw new TnefDamage(`unknown property type 0x${type.toString(16)}`);
      const n = fullType & MULTI_VALUED ? cursor.count(Math.max(1, size)) : 1;
      for (let k = 0; k < n; k++) values.push(cursor.bytes(size));
    }
    if (id < 0x8000 && !props.has(id)) props.set(id, { type, values });
  }
  return props;
}

function skipPropertyName(cursor: Cursor): void {
  cursor.bytes(16); // the property set's GUID
  const kind = cursor.u32();
  if (kind === 0) cursor.u32();
  else cursor.padded(cursor.u32());
}

class Cursor {
  private at = 0;
  private readonly view: DataView;
  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  private need(n: number): void {
    if (n < 0 || this.at + n > this.data.length) throw new TnefDamage('a property runs past the end of its attribute');
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.at, true);
    this.at += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  /** A count of items, each at least `minBytes` long: more than the bytes left could hold is damage. */
  count(minBytes: number): number {
    const n = this.u32();
    if (n * minBytes > this.data.length - this.at) throw new TnefDamage('a count larger than its data');
    return n;
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.data.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  /** n bytes, then the padding to the next multiple of four. */
  padded(n: number): Uint8Array {
    const out = this.bytes(n);
    this.at = Math.min(this.data.length, this.at + ((4 - (n % 4)) % 4));
    return out;
  }
}
