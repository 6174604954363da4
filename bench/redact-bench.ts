// Redacting and exporting 100 pages against poppler's pdftoppm drawing the same pages at the same resolution, in
// rounds that alternate the two, each in fresh processes over a fresh copy of the case. The peer only draws the pages:
// ours also finds the FRCP 5.2 numbers (PDFium's character boxes), stores and accepts the proposals, paints the boxes,
// compresses each page, lays the remaining text over it and stamps it. So the ratio is what redaction costs over
// drawing the pages alone (the peer writes uncompressed pictures), not a like-for-like contest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { createCaseApi } from '../electron/core/api.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/exhibit-desk');
const FILES = 10;
const PAGES_PER_FILE = 10;
const DPI = 200; // what the export draws a redacted page at

export interface RedactResult {
  pages: number;
  proposals: number;
  rounds: { ours: number; peer: number; ratio: number }[];
  ours: number;
  peer: number;
  ratio: number;
}

async function corpus(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let p = 0; p < PAGES_PER_FILE; p++) {
      const page = doc.addPage([612, 792]);
      const n = f * PAGES_PER_FILE + p;
      const lines = [
        `Personnel record ${n + 1} of the Suzhou deployment team`,
        `Employee SSN: ${String(100 + n).padStart(3, '0')}-${String(10 + (n % 89)).padStart(2, '0')}-${String(1000 + n).padStart(4, '0')}`,
        `Date of birth: 0${1 + (n % 9)}/1${n % 10}/19${60 + (n % 40)}`,
        `Salary account 44001234${String(10_000_000 + n)} at First Bank`,
        ...Array.from({ length: 30 }, (_, i) => `Line ${i + 1}: the Data Exchange System was installed on servers in Suzhou in 2017.`),
      ];
      lines.forEach((l, i) => page.drawText(l, { x: 72, y: 720 - i * 18, size: 11, font }));
    }
    const file = path.join(dir, `record-${f + 1}.pdf`);
    fs.writeFileSync(file, await doc.save());
    files.push(file);
  }
  return files;
}

function timed(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`${command} ${args.slice(0, 3).join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function benchmarkRedact(rounds: number): Promise<RedactResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'redact-bench-'));
  try {
    const files = await corpus(path.join(work, 'originals'));
    const base = path.join(work, 'case');
    const api = createCaseApi({ dir: base, create: { title: 'Redaction benchmark' } });
    try {
      await api.importFiles({ paths: files });
    } finally {
      api.close();
    }
    const done: RedactResult['rounds'] = [];
    let proposals = 0;
    for (let r = 0; r < rounds; r++) {
      const caseDir = path.join(work, `case-${r}`);
      fs.cpSync(base, caseDir, { recursive: true });
      // Alternate which goes first, so neither always meets a warm page cache.
      const runOurs = () =>
        timed(process.execPath, [BIN, 'redact', caseDir, 'propose', '--preset', 'frcp52']) +
        timed(process.execPath, [BIN, 'redact', caseDir, 'accept', 'all']) +
        timed(process.execPath, [BIN, 'export', caseDir, 'stamped', '--out', path.join(work, `out-${r}`)]);
      const runPeer = () => {
        const out = path.join(work, `peer-${r}`);
        fs.mkdirSync(out);
        // Grey, uncompressed (PGM): the drawing alone. poppler's PNG writer costs twenty times its drawing (6.4 s
        // against 0.3 s for ten pages here), so comparing with -png would flatter ours, which deflates much faster.
        return files.reduce((s, f, i) => s + timed('pdftoppm', ['-r', String(DPI), '-gray', f, path.join(out, `p${i}`)]), 0);
      };
      const [ours, peer] = r % 2 === 0 ? [runOurs(), runPeer()] : (() => { const p = runPeer(); return [runOurs(), p]; })();
      done.push({ ours, peer, ratio: ours / peer });
      if (r === 0) {
        const counted = createCaseApi({ dir: caseDir });
        try {
          proposals = (await counted.listRedactions({ status: 'accepted' })).length;
        } finally {
          counted.close();
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      pages: FILES * PAGES_PER_FILE,
      proposals,
      rounds: done,
      ours: median(done.map((d) => d.ours)),
      peer: median(done.map((d) => d.peer)),
      ratio: median(done.map((d) => d.ratio)),
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function redactReport(r: RedactResult): string[] {
  const f = (n: number, d = 2) => n.toFixed(d);
  return [
    `redact: ${r.pages} pages, ${r.proposals} FRCP 5.2 redactions (every page redacted)`,
    `  ours (propose + accept + stamped export, 3 processes): ${f(r.ours)} s, ${f(r.pages / r.ours, 1)} pages/s`,
    `  pdftoppm -r ${DPI} -gray, uncompressed PGM (drawing the pages only, one process per file): ${f(r.peer)} s`,
    `  ratio ours / pdftoppm: ${f(r.ratio)}, median of ${r.rounds.length}; every round: ${r.rounds.map((x) => f(x.ratio)).join(', ')}`,
    '  (the peer only draws the pages and writes them uncompressed; ours also starts 3 Node processes, finds the',
    '   numbers, stores the proposals, paints the boxes, deflates each page, re-lays the text outside the boxes, stamps',
    '   and court-cleans each page and writes a redaction log: the ratio is what all of that costs over drawing alone)',
  ];
}
