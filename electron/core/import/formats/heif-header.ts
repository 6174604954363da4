// Reads what a HEIC/HEIF file's boxes say (that it is HEVC-coded HEIF, and its picture size) without decoding it.

// Brands of HEVC-coded still pictures (iPhone photos are 'heic'); 'mif1'/'msf1' alone may be AVIF, so for them one
// of these must also be among the compatible brands.
const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const GENERIC_BRANDS = new Set(['mif1', 'msf1']);
// Enough boxes for any real file; a file that nests or repeats more is not walked further.
const MAX_BOXES = 4096;

interface Box {
  type: string;
  start: number; // of its content
  end: number;
}

function latin1(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** The boxes from `start` to `end`, stopping at the first that does not fit. */
function boxes(bytes: Uint8Array, start: number, end: number): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Box[] = [];
  for (let at = start; at + 8 <= end && out.length < MAX_BOXES; ) {
    let size = view.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) break;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) break;
    out.push({ type: latin1(bytes, at + 4, 4), start: at + header, end: at + size });
    at += size;
  }
  return out;
}

/** True when the file starts with an ftyp box naming an HEVC-coded HEIF brand. */
export function isHeif(head: Uint8Array): boolean {
  if (head.length < 16 || latin1(head, 4, 4) !== 'ftyp') return false;
  const size = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  const major = latin1(head, 8, 4);
  if (HEVC_BRANDS.has(major)) return true;
  if (!GENERIC_BRANDS.has(major)) return false;
  for (let at = 16; at + 4 <= Math.min(size, head.length); at += 4) if (HEVC_BRANDS.has(latin1(head, at, 4))) return true;
  return false;
}

/**
 * The picture's size: the largest 'ispe' (image spatial extent) property, which is the primary picture's (the others
 * are its tiles and thumbnail). Null when the boxes do not say.
 */
export function heifSize(bytes: Uint8Array): { width: number; height: number } | null {
  const meta = boxes(bytes, 0, bytes.length).find((b) => b.type === 'meta');
  if (!meta) return null;
  // 'meta' is a full box: 4 bytes of version and flags before its children.
  const iprp = boxes(bytes, meta.start + 4, meta.end).find((b) => b.type === 'iprp');
  const ipco = iprp && boxes(bytes, iprp.start, iprp.end).find((b) => b.type === 'ipco');
  if (!ipco) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best: { width: number; height: number } | null = null;
  for (const b of boxes(bytes, ipco.start, ipco.end)) {
    if (b.type !== 'ispe' || b.end - b.start < 12) continue;
    const size = { width: view.getUint32(b.start + 4), height: view.getUint32(b.start + 8) };
    if (!best || size.width * size.height > best.width * best.height) best = size;
  }
  return best;
}
