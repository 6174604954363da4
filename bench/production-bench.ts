// Productions at volume: generates a received volume of 10,000 pages (Group 4 TIFF pages of text with the producer's
// Bates stamp, a Concordance DAT, an OPT, a text file per document, families), loads it into a new case, then
// produces those pages as a volume of our own; pages per second for each, beside peers on the same pages.
//   npx tsx bench/production-bench.ts [--pages N] [--json], or npm run bench -- --only production (--quick: 1,000 pages)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createCaseApi } from '../electron/core/api.ts';
import { writeDat } from '../electron/core/production/dat.ts';
import { encodeG4Tiff } from '../electron/core/production/g4-tiff.ts';
import { writeOpt, type OptPageToWrite } from '../electron/core/production/opt.ts';
import { seededRandom } from '../electron/core/seeded-random.ts';
import { has, secondsSince } from './tools.ts';

/**
 * Wall time, and CPU time (user + system, every thread of the process; for a peer, its processes): on a machine
 * shared with other work the wall time measures the others as much as us, the CPU time does not.
 */
export interface Timed {
  seconds: number;
  cpuSeconds: number;
  pagesPerSec: number;
  pagesPerCpuSec: number;
}

export interface ProductionBenchResult {
  pages: number;
  documents: number;
  /** Loading the received volume: DAT and OPT read, images assembled, hashed and stored, rows written. */
  load: Timed & { peakMb: number };
  /** Producing every page again: stamped, rendered at 300 dpi, written as TIFF (or JPEG), with DAT, OPT and text. */
  produce: Timed & { colourPages: number; threads: 1 };
  /** tiffinfo -D decoding every received page image (one process for all): the floor of reading them at all. */
  tiffinfo: Timed | null;
  /** pdftoppm -r 300 -mono on the same stamped pages' PDFs, one process per document, one at a time: the render step alone. */
  pdftoppm: (Timed & { pages: number }) | null;
  /** The machine's load average (1 minute) at the start and the end: how much else was running. */
  load1: [number, number];
}

const WIDTH = 2550; // Letter at 300 dpi
const HEIGHT = 3300;
const DPI = 300;
const STRIDE = Math.ceil(WIDTH / 8);
const LINE_HEIGHT = 50; // 12 pt leading at 300 dpi
const MARGIN_X = 304; // about an inch, on a byte boundary so lines are copied whole bytes
const MARGIN_TOP = 300;
const LINES_PER_PAGE = 52;
const LINE_VARIANTS = 240;
const PREFIX = 'RCV';
const FOLDER = 1000;

const WORDS = (
  'the agreement payment installation server police command centre data exchange design review schedule invoice ' +
  'delivery acceptance notice clause party contractor project phase system network camera integration report ' +
  'meeting counsel letter terms amount milestone warranty breach termination cure period hardware software'
).split(' ');

/** A volume of `pages` pages in `dir` (built once, then reused: a file named COMPLETE says it is whole). */
export function generateVolume(dir: string, pages: number): { documents: number; pages: number } {
  const done = path.join(dir, 'COMPLETE');
  if (fs.existsSync(done)) return JSON.parse(fs.readFileSync(done, 'utf8')) as { documents: number; pages: number };
  fs.rmSync(dir, { recursive: true, force: true });
  const random = seededRandom(`production-${pages}`);
  const lines = textLines(random);
  const stamp = glyphs('0123456789' + PREFIX);
  const rows: string[][] = [];
  const opt: OptPageToWrite[] = [];
  let page = 0;
  let document = 0;
  while (page < pages) {
    // Most documents are short, a few long; every eighth is an email with two attachments.
    const family = document % 8 === 0 ? 3 : 1;
    const familyStart = page + 1;
    const members: { beg: number; end: number; text: string }[] = [];
    for (let m = 0; m < family && page < pages; m++) {
      const length = Math.min(pages - page, [1, 1, 2, 3, 1, 5, 8, 2, 4, 1, 12, 6][Math.floor(random() * 12)]!);
      const beg = page + 1;
      const texts: string[] = [];
      for (let k = 0; k < length; k++) {
        page++;
        const key = bates(page);
        const lineCount = k === length - 1 ? 10 + Math.floor(random() * (LINES_PER_PAGE - 10)) : LINES_PER_PAGE;
        const chosen = Array.from({ length: lineCount }, () => Math.floor(random() * LINE_VARIANTS));
        const image = pageImage(chosen.map((i) => lines[i]!.bits), stamp, key);
        const rel = `IMAGES/${folder(page - 1)}/${key}.tif`;
        write(path.join(dir, rel), encodeG4Tiff({ width: WIDTH, height: HEIGHT, bits: image, dpi: DPI }));
        opt.push({ key, volume: 'RCV001', imagePath: rel, docBreak: k === 0, pageCount: k === 0 ? length : null });
        texts.push(chosen.map((i) => lines[i]!.text).join('\n'));
      }
      members.push({ beg, end: page, text: texts.join('\f') });
      document++;
    }
    for (const [m, d] of members.entries()) {
      const textPath = `TEXT/${folder(rows.length)}/${bates(d.beg)}.txt`;
      write(path.join(dir, textPath), Buffer.from(d.text, 'utf8'));
      const inFamily = members.length > 1;
      rows.push([
        bates(d.beg),
        bates(d.end),
        inFamily ? bates(familyStart) : '',
        inFamily ? bates(page) : '',
        ['Ahmed, S.', 'Khan, R.', 'Liu, W.'][rows.length % 3]!,
        `0${1 + (rows.length % 9)}/1${rows.length % 10}/2017`,
        m === 0 ? 'sales@example.com' : '',
        m === 0 ? 'counsel@example.com' : '',
        m === 0 ? `Document ${rows.length + 1}: ${WORDS[rows.length % WORDS.length]} ${WORDS[(rows.length * 7) % WORDS.length]}` : `Attachment ${m}`,
        `.\\${textPath.replaceAll('/', '\\')}`,
      ]);
    }
  }
  const fields = ['BEGBATES', 'ENDBATES', 'BEGATTACH', 'ENDATTACH', 'CUSTODIAN', 'DATESENT', 'FROM', 'TO', 'SUBJECT', 'TEXTPATH'];
  write(path.join(dir, 'DATA', 'RCV001.dat'), writeDat(fields, rows));
  write(path.join(dir, 'DATA', 'RCV001.opt'), Buffer.from(writeOpt(opt.map((p) => ({ ...p, imagePath: `.\\${p.imagePath}` }))), 'utf8'));
  const summary = { documents: rows.length, pages };
  fs.writeFileSync(done, JSON.stringify(summary));
  return summary;
}

function bates(n: number): string {
  return `${PREFIX}${String(n).padStart(7, '0')}`;
}

function folder(index: number): string {
  return String(Math.floor(index / FOLDER) + 1).padStart(4, '0');
}

function write(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

interface Bitmap {
  width: number;
  height: number;
  /** 1 bit a pixel, rows padded to bytes, 1 = black. */
  bits: Uint8Array;
}

const FONT = 'BenchSans';
function registerFont(): void {
  if (!GlobalFonts.has(FONT)) GlobalFonts.registerFromPath(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), FONT);
}

/** Draws `text` in black on white at `px` pixels and makes it black and white. */
function drawText(text: string, px: number, width: number): Bitmap {
  registerFont();
  const height = Math.ceil(px * 1.3);
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000';
  g.font = `${px}px ${FONT}`;
  g.textBaseline = 'top';
  g.fillText(text, 0, px * 0.1);
  const rgba = g.getImageData(0, 0, width, height).data;
  const stride = Math.ceil(width / 8);
  const bits = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (rgba[(y * width + x) * 4]! < 128) bits[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
  return { width: stride * 8, height, bits };
}

/** LINE_VARIANTS lines of 10 pt text, each of random words filling the measure (6.5 in). */
function textLines(random: () => number): { text: string; bits: Bitmap }[] {
  return Array.from({ length: LINE_VARIANTS }, () => {
    const words: string[] = [];
    // DejaVu Sans at 10 pt sets about 80 characters on the measure.
    while (words.join(' ').length < 72) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
    const text = words.join(' ');
    return { text, bits: drawText(text, 42, WIDTH - 2 * MARGIN_X) };
  });
}

/** Each stamp character on a cell of its own, whole bytes wide, for the producer's Bates number at the foot. */
function glyphs(chars: string): Map<string, Bitmap> {
  return new Map([...chars].map((c) => [c, drawText(c, 34, 32)]));
}

function pageImage(lines: Bitmap[], stamp: Map<string, Bitmap>, key: string): Uint8Array {
  const bits = new Uint8Array(STRIDE * HEIGHT);
  lines.forEach((line, i) => blit(bits, line, MARGIN_X, MARGIN_TOP + i * LINE_HEIGHT));
  let x = Math.floor((WIDTH - 160 - key.length * 32) / 8) * 8;
  for (const c of key) {
    blit(bits, stamp.get(c)!, x, HEIGHT - 110);
    x += 32;
  }
  return bits;
}

function blit(page: Uint8Array, b: Bitmap, x: number, y: number): void {
  const stride = b.width / 8;
  for (let row = 0; row < b.height; row++) page.set(b.bits.subarray(row * stride, (row + 1) * stride), (y + row) * STRIDE + x / 8);
}

/** Loads then produces the volume, each in this process, timed; then the peers on the same files. */
export async function benchmarkProduction(cache: string, pages: number): Promise<ProductionBenchResult> {
  const volume = path.join(cache, `production-${pages}`);
  const started = process.hrtime.bigint();
  const { documents } = generateVolume(volume, pages);
  console.error(`  volume of ${pages} pages, ${documents} documents ready in ${secondsSince(started).toFixed(0)} s`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'production-bench-'));
  const loadAtStart = os.loadavg()[0]!;
  try {
    const api = createCaseApi({ dir: path.join(work, 'case'), create: { title: 'Production benchmark' } });
    let load: ProductionBenchResult['load'];
    let produce: ProductionBenchResult['produce'];
    try {
      const loading = startClock();
      const report = await api.importProduction({ path: volume });
      if (report.failed.length > 0) throw new Error(`the benchmark volume did not load whole: ${report.failed[0]!.error}`);
      load = { ...loading.stop(pages), peakMb: process.resourceUsage().maxRSS / 1024 };
      console.error(`  loaded in ${load.seconds.toFixed(1)} s`);
      const producing = startClock();
      const result = await api.exportProduction({ outDir: path.join(work, 'out'), prefix: 'BEN', images: 'tiff' });
      const colourPages = result.files.filter((f) => f.path.endsWith('.jpg')).length;
      produce = { ...producing.stop(pages), colourPages, threads: 1 };
      console.error(`  produced in ${produce.seconds.toFixed(1)} s`);
    } finally {
      api.close();
    }
    const tiffinfo = tiffinfoPeer(volume, pages);
    const pdftoppm = await pdftoppmPeer(work);
    return { pages, documents, load, produce, tiffinfo, pdftoppm, load1: [loadAtStart, os.loadavg()[0]!] };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function tiffinfoPeer(volume: string, pages: number): ProductionBenchResult['tiffinfo'] {
  if (!has('tiffinfo')) return null;
  const files = fs.readdirSync(path.join(volume, 'IMAGES'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return timed(['xargs', '-0', 'tiffinfo', '-D'], files.join('\0'), pages);
}

/**
 * pdftoppm renders what our produce step renders: each document's pages with our stamps, as one PDF (a production with
 * --images pdf writes exactly those). It renders at 300 dpi to 1-bit PBM, its fastest honest setting for the same
 * output, one process at a time as ours is one thread; it neither stamps nor compresses.
 */
async function pdftoppmPeer(work: string): Promise<ProductionBenchResult['pdftoppm']> {
  if (!has('pdftoppm')) return null;
  const api = createCaseApi({ dir: path.join(work, 'case') });
  let pdfs: string[];
  try {
    // The first 300 pages or so, as PDFs: enough for a steady rate without doubling the run.
    const result = await api.exportProduction({ outDir: path.join(work, 'pdf'), prefix: 'PEER', images: 'pdf', text: false, natives: 'none', select: { by: 'numbers', ranges: [{ from: 1, to: 80 }], exhibits: [] } });
    pdfs = result.files.filter((f) => f.path.endsWith('.pdf') && f.path.includes('IMAGES')).map((f) => f.path);
  } finally {
    api.close();
  }
  const pages = pdfs.reduce((n, f) => n + pageCount(f), 0);
  // Each writes its pages beside its PDF (NAME.pdf-1.pbm …), inside the benchmark's folder.
  return { ...timed(['xargs', '-0', '-P', '1', '-I{}', 'pdftoppm', '-r', String(DPI), '-mono', '{}', '{}'], pdfs.join('\0'), pages), pages };
}

function startClock() {
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return {
    stop(pages: number): Timed {
      const seconds = secondsSince(wall);
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      return { seconds, cpuSeconds, pagesPerSec: pages / seconds, pagesPerCpuSec: pages / cpuSeconds };
    },
  };
}

/** A peer's command run under GNU time: its wall time and the CPU time of all its processes. */
function timed(command: string[], input: string, pages: number): Timed {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', ...command], { input, encoding: 'utf8', stdio: ['pipe', 'ignore', 'pipe'], maxBuffer: 2 ** 30 });
  if (r.status !== 0) throw new Error(`${command.join(' ')} failed: ${r.stderr.slice(-500)}`);
  const [seconds, user, system] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  return { seconds, cpuSeconds: user + system, pagesPerSec: pages / seconds, pagesPerCpuSec: pages / (user + system) };
}

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export function productionReport(r: ProductionBenchResult): string[] {
  const rate = (x: Timed) =>
    `${x.seconds.toFixed(1)} s wall (${x.pagesPerSec.toFixed(1)} pages/s), ${x.cpuSeconds.toFixed(1)} s CPU (${x.pagesPerCpuSec.toFixed(1)} pages per CPU-second)`;
  return [
    `production: ${r.pages.toLocaleString('en-US')} pages in ${r.documents.toLocaleString('en-US')} documents; load average ${r.load1[0].toFixed(1)} → ${r.load1[1].toFixed(1)} on ${os.availableParallelism()} cores`,
    `  load (DAT/OPT read, images assembled into PDFs, hashed, stored): ${rate(r.load)}; peak ${r.load.peakMb.toFixed(0)} MB`,
    `  produce (stamped, rendered at 300 dpi, G4 TIFF or JPEG, DAT/OPT/text): ${rate(r.produce)}; one render thread; ${r.produce.colourPages} colour pages`,
    r.tiffinfo ? `  peer: tiffinfo -D decoding every page image: ${rate(r.tiffinfo)}` : '  peer: tiffinfo not installed',
    r.pdftoppm ? `  peer: pdftoppm -r 300 -mono, one process at a time, on ${r.pdftoppm.pages} of the stamped pages (render only): ${rate(r.pdftoppm)}` : '  peer: pdftoppm not installed',
  ];
}

/** For bench/run.ts: the benchmark in a fresh process of its own (its peak memory its own), reported as lines. */
export function productionLines(cache: string, quick: boolean): string[] {
  const pages = quick ? 1000 : 10_000;
  console.error(`production: a volume of ${pages.toLocaleString('en-US')} pages loaded, then produced…`);
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--pages', String(pages), '--cache', cache, '--json'];
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the production benchmark failed (exit ${child.status ?? child.signal})`);
  return productionReport(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ProductionBenchResult);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { pages: { type: 'string' }, cache: { type: 'string' }, json: { type: 'boolean' } } });
  const result = await benchmarkProduction(path.resolve(values.cache ?? '.bench'), Number(values.pages ?? 10_000));
  console.log(values.json ? JSON.stringify(result) : productionReport(result).join('\n'));
}
