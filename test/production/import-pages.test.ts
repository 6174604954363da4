import zlib from 'node:zlib';
import { createCanvas, ImageData } from '@napi-rs/canvas';
import { PDFDict, PDFDocument, PDFName, type PDFRawStream, type PDFRef } from '@cantoo/pdf-lib';
import jpeg from 'jpeg-js';
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { assembleImagePdf } from '../../electron/core/production/image-pdf.ts';
import { parseProducedDate } from '../../electron/core/production/production-metadata.ts';
import { tiffPage } from './volume-fixture.ts';

/** Each page's size and its one image: the stream's dictionary entries and raw (still encoded) bytes. */
async function pagesOf(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const xobjects = page.node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    const ref = xobjects.get(xobjects.keys()[0]!) as PDFRef;
    const stream = doc.context.lookup(ref) as PDFRawStream;
    const entry = (k: string) => stream.dict.get(PDFName.of(k))?.toString();
    return { size: page.getSize(), filter: entry('Filter'), parms: entry('DecodeParms'), colorSpace: entry('ColorSpace'), bits: entry('BitsPerComponent'), contents: stream.contents };
  });
}

/** A TIFF with one tag's SHORT value changed in place (the fixture writes WhiteIsZero; a producer may write BlackIsZero). */
function withTag(tiff: Uint8Array, tag: number, value: number): Uint8Array {
  const out = new Uint8Array(tiff);
  const view = new DataView(out.buffer);
  const ifd = view.getUint32(4, true);
  for (let i = 0; i < view.getUint16(ifd, true); i++) {
    const entry = ifd + 2 + i * 12;
    if (view.getUint16(entry, true) === tag) view.setUint16(entry + 8, value, true);
  }
  return out;
}

function stripOf(tiff: Uint8Array): Uint8Array {
  const ifd = UTIF.decode(tiff.buffer.slice(tiff.byteOffset, tiff.byteOffset + tiff.byteLength) as ArrayBuffer)[0]!;
  const [offset, length] = [(ifd.t273 as number[])[0]!, (ifd.t279 as number[])[0]!];
  return tiff.subarray(offset, offset + length);
}

describe('assembling page images into a PDF', () => {
  it('embeds a Group 4 TIFF’s coded strip as it is, a page the image’s size at its resolution', async () => {
    const tiff = tiffPage(5);
    const [page] = await pagesOf((await assembleImagePdf([{ bytes: tiff, name: 'p1.tif' }])).bytes);
    expect(page!.filter).toBe('/CCITTFaxDecode');
    expect(page!.parms).toBe('<<\n/K -1\n/Columns 40\n/Rows 20\n/BlackIs1 false\n>>');
    expect(Buffer.from(page!.contents).equals(Buffer.from(stripOf(tiff)))).toBe(true);
    // 40 × 20 pixels at 300 dpi.
    expect(page!.size).toEqual({ width: 9.6, height: 4.8 });
    const [inverted] = await pagesOf((await assembleImagePdf([{ bytes: withTag(tiff, 262, 1), name: 'p1.tif' }])).bytes);
    expect(inverted!.parms).toMatch(/\/BlackIs1 true/);
  });

  it('embeds a JPEG as it is, and decodes anything else losslessly', async () => {
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 9, 9, 9, 255, 200, 100, 50, 255, 1, 2, 3, 255]);
    const jpg = jpeg.encode({ data: Buffer.alloc(16 * 16 * 4, 128), width: 16, height: 16 }, 90).data;
    const canvas = createCanvas(3, 2);
    canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba), 3, 2), 0, 0);
    const uncompressedTiff = new Uint8Array(UTIF.encodeImage(new Uint8Array(rgba), 3, 2));
    const pages = await pagesOf(
      (
        await assembleImagePdf([
          { bytes: jpg, name: 'a.jpg' },
          { bytes: canvas.toBuffer('image/png'), name: 'b.png' },
          { bytes: uncompressedTiff, name: 'c.tif' },
        ])
      ).bytes,
    );
    expect(pages.map((p) => p.filter)).toEqual(['/DCTDecode', '/FlateDecode', '/FlateDecode']);
    expect(Buffer.from(pages[0]!.contents).equals(Buffer.from(jpg))).toBe(true);
    const rgb = Buffer.from([...rgba].filter((_, i) => i % 4 !== 3));
    for (const p of pages.slice(1)) {
      expect([p.colorSpace, p.bits]).toEqual(['/DeviceRGB', '8']);
      expect([...zlib.inflateSync(p.contents)]).toEqual([...rgb]);
    }
  });

  it('copies the pages of a PDF page image, and gives the same bytes for the same images every time', async () => {
    const source = await PDFDocument.create({ updateMetadata: false });
    source.addPage([200, 300]);
    source.addPage([300, 200]);
    const images = [
      { bytes: tiffPage(3), name: 'a.tif' },
      { bytes: await source.save(), name: 'b.pdf' },
    ];
    const first = await assembleImagePdf(images);
    expect(first.pages).toBe(3);
    const doc = await PDFDocument.load(first.bytes);
    expect(doc.getPages().map((p) => p.getSize())).toEqual([{ width: 9.6, height: 4.8 }, { width: 200, height: 300 }, { width: 300, height: 200 }]);
    const again = await assembleImagePdf(images);
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('refuses a page image it cannot read, naming it', async () => {
    await expect(assembleImagePdf([{ bytes: new Uint8Array([1, 2, 3, 4]), name: 'IMAGES/bad.tif' }])).rejects.toThrow(/IMAGES\/bad\.tif/);
  });
});

describe('load-file dates', () => {
  it.each([
    ['03/04/2021', '2021-03-04'],
    ['3/4/21', '2021-03-04'],
    ['03/04/2021 2:05 PM', '2021-03-04T14:05:00'],
    ['03/04/2021 12:30:15 AM', '2021-03-04T00:30:15'],
    ['03/04/2021 17:45', '2021-03-04T17:45:00'],
    ['2021-03-04', '2021-03-04'],
    ['20210304', '2021-03-04'],
    ['2021-03-04 00:00:00', '2021-03-04'],
    ['02/30/2021', null],
    ['13/01/2021', null],
    ['March 4, 2021', null],
    ['', null],
  ])('reads %j as %j', (raw, iso) => {
    expect(parseProducedDate(raw)).toBe(iso);
  });
});
