// Writes a PDF to disk object by object and forgets each object once written, so that a bundle of any size is
// never held in memory whole; the file ends with a classic cross-reference table. Hashes what it writes as it goes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { PDFDict, PDFFlateStream, PDFHexString, PDFName, PDFNumber, type PDFContext, type PDFRef } from '@cantoo/pdf-lib';

/** Serialized objects, not yet written: their size decides whether they go into this file at all. */
export interface Serialized {
  refs: PDFRef[];
  chunks: Uint8Array[];
  bytes: number;
}

const encoder = new TextEncoder();
// The comment's high bytes tell transfer tools that the file is binary.
const HEADER = new Uint8Array([...encoder.encode('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]);

/** Bytes a cross-reference entry takes; every entry is exactly this long. */
export const XREF_ENTRY_BYTES = 20;

export class PdfFileWriter {
  private readonly offsets = new Map<number, number>();
  private readonly hash = createHash('sha256');
  private position = 0;

  constructor(
    private readonly fd: number,
    private readonly context: PDFContext,
  ) {
    this.write([HEADER]);
  }

  /** Bytes written so far. */
  get size(): number {
    return this.position;
  }

  /** Every object the document holds that is not written yet, serialized but not written. */
  serializePending(): Serialized {
    const refs: PDFRef[] = [];
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    for (const [ref, object] of this.context.enumerateIndirectObjects()) {
      if (object instanceof PDFFlateStream) deflateNatively(object);
      const head = encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
      const body = new Uint8Array(object.sizeInBytes());
      object.copyBytesInto(body, 0);
      const tail = encoder.encode('\nendobj\n');
      refs.push(ref);
      chunks.push(head, body, tail);
      bytes += head.length + body.length + tail.length;
    }
    return { refs, chunks, bytes };
  }

  /** Writes the objects and drops them from the document. */
  commit(serialized: Serialized): void {
    let at = this.position;
    serialized.refs.forEach((ref, i) => {
      this.offsets.set(ref.objectNumber, at);
      for (let c = i * 3; c < i * 3 + 3; c++) at += serialized.chunks[c]!.length;
    });
    this.write(serialized.chunks);
    this.drop(serialized);
  }

  /** Drops objects that will not be written here. */
  drop(serialized: Serialized): void {
    for (const ref of serialized.refs) this.context.delete(ref);
  }

  /** Writes the cross-reference table and trailer; returns the file's SHA-256. The caller closes the file. */
  finish(root: PDFRef, info: PDFRef): string {
    const size = this.context.largestObjectNumber + 1;
    const id = PDFHexString.of(createHash('sha256').update(this.hash.copy().digest()).digest('hex').slice(0, 32));
    const lines: string[] = [`xref\n0 ${size}\n`];
    // Numbers never written (objects dropped, or not taken) are listed as free, each pointing at the next.
    const free = Array.from({ length: size }, (_, n) => n).filter((n) => n === 0 || !this.offsets.has(n));
    const nextFree = new Map(free.map((n, i) => [n, free[i + 1] ?? 0]));
    for (let n = 0; n < size; n++) {
      const offset = this.offsets.get(n);
      lines.push(offset === undefined ? `${pad(nextFree.get(n)!, 10)} 65535 f \n` : `${pad(offset, 10)} 00000 n \n`);
    }
    const trailer = PDFDict.withContext(this.context);
    trailer.set(PDFName.of('Size'), PDFNumber.of(size));
    trailer.set(PDFName.of('Root'), root);
    trailer.set(PDFName.of('Info'), info);
    trailer.set(PDFName.of('ID'), this.context.obj([id, id]));
    const xrefAt = this.position;
    this.write([encoder.encode(`${lines.join('')}trailer\n${trailer.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`)]);
    return this.hash.digest('hex');
  }

  private write(chunks: Uint8Array[]): void {
    const buffer = Buffer.concat(chunks);
    for (let done = 0; done < buffer.length; ) done += fs.writeSync(this.fd, buffer, done);
    this.hash.update(buffer);
    this.position += buffer.length;
  }
}

/**
 * pdf-lib deflates the content streams it writes (every page's stamps) in JavaScript when they are serialized; zlib
 * does it four times faster, with a window no larger than the stream needs. The stream is the same once inflated.
 */
function deflateNatively(stream: PDFFlateStream): void {
  if (!(stream as unknown as { encode: boolean }).encode) return;
  const raw = stream.getUnencodedContents();
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(raw.length + 262))));
  stream.updateContents(zlib.deflateSync(raw, { windowBits, memLevel: windowBits < 13 ? 4 : 8 }));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
