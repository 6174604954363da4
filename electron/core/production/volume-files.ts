// Finds things inside a production volume: which DAT and OPT to read, and the file a load file's path means. Volumes
// are made on Windows, so paths use backslashes and any letter case, and must still resolve on a case-sensitive disk.
import fs from 'node:fs';
import path from 'node:path';
import { expandHome } from '../import/file-walker.ts';

export interface LoadFiles {
  dat: string | null;
  opt: string | null;
  /** Which load files were left unread, or why none could be chosen. */
  notes: string[];
  /** True when several load files could be the one meant and nothing says which. */
  ambiguous: boolean;
}

export interface LoadFileChoice {
  /** Relative to the volume root, or absolute. */
  datFile?: string;
  optFile?: string;
}

// Content folders can hold thousands of files and never hold the load files.
const CONTENT_DIR = /^(natives?|images?|imgs?|text|texts|ocr)$/i;

/**
 * The DAT and OPT to read: the ones the caller names, else those in the volume root and the folders directly under it
 * (DATA/ usually). With several, the DAT and OPT that share a base name are the pair; without one it is ambiguous.
 */
export function findLoadFiles(root: string, choice: LoadFileChoice = {}): LoadFiles {
  const candidates = loadFileCandidates(root);
  const withExt = (ext: string): string[] => candidates.filter((f) => path.extname(f).toLowerCase() === ext).sort();
  let dats = withExt('.dat');
  if (dats.length === 0) dats = withExt('.csv');
  const opts = withExt('.opt');
  const rel = (f: string): string => path.relative(root, f).split(path.sep).join('/');
  const base = (f: string): string => path.basename(f, path.extname(f)).toLowerCase();
  const notes: string[] = [];
  const leftOut = (chosen: (string | null)[]): void => {
    const others = [...dats, ...opts].filter((f) => !chosen.includes(f));
    if (others.length > 0) notes.push(`read ${chosen.filter((f) => f !== null).map((f) => rel(f!)).join(' and ')}; also found ${others.map(rel).join(', ')}, not read`);
  };
  if (choice.datFile !== undefined) {
    const dat = path.resolve(root, choice.datFile);
    const named = choice.optFile !== undefined ? path.resolve(root, choice.optFile) : null;
    const opt = named ?? opts.find((o) => base(o) === base(dat)) ?? (opts.length === 1 ? opts[0]! : null);
    if (opt === null && opts.length > 1) notes.push(`no OPT shares a name with ${rel(dat)}; none of ${opts.map(rel).join(', ')} was read`);
    return { dat, opt, notes, ambiguous: false };
  }
  if (choice.optFile !== undefined) {
    const opt = path.resolve(root, choice.optFile);
    const dat = dats.length === 1 ? dats[0]! : (dats.find((d) => base(d) === base(opt)) ?? null);
    if (dat === null) notes.push(`found ${dats.length} DAT load files (${dats.map(rel).join(', ')}) and none shares a name with ${rel(opt)}; choose the one to read`);
    return { dat, opt: dat === null ? null : opt, notes, ambiguous: dat === null && dats.length > 1 };
  }
  if (dats.length <= 1 && opts.length <= 1) return { dat: dats[0] ?? null, opt: opts[0] ?? null, notes, ambiguous: false };
  const pairs = dats.flatMap((d) => opts.filter((o) => base(o) === base(d)).map((o) => ({ dat: d, opt: o })));
  if (pairs.length === 1) {
    leftOut([pairs[0]!.dat, pairs[0]!.opt]);
    return { dat: pairs[0]!.dat, opt: pairs[0]!.opt, notes, ambiguous: false };
  }
  notes.push(
    `found ${dats.length} DAT and ${opts.length} OPT load files (${[...dats, ...opts].map(rel).join(', ')}) and no one DAT and OPT that share a name; choose the ones to read`,
  );
  return { dat: null, opt: null, notes, ambiguous: true };
}

/**
 * Whether `dir` is a production volume: a folder holding a DAT or an OPT (itself or in a folder right under it). A CSV
 * alone does not make one (it is as likely a spreadsheet), though a volume chosen as one may have a CSV for its DAT.
 */
export function isProductionVolume(dir: string): boolean {
  return loadFileCandidates(path.resolve(expandHome(dir))).some((f) => /\.(dat|opt)$/i.test(f));
}

function loadFileCandidates(root: string): string[] {
  const candidates: string[] = [];
  for (const dir of [root, ...subdirectories(root)]) {
    for (const e of listDir(dir)) if (e.isFile()) candidates.push(path.join(dir, e.name));
  }
  return candidates;
}

/** The path below the volume root that segments (which may hold "..") name, or null when they climb out of it. */
function withinRoot(segments: string[]): string[] | null {
  const out: string[] = [];
  for (const s of segments) {
    if (s !== '..') out.push(s);
    else if (out.pop() === undefined) return null;
  }
  return out;
}

function subdirectories(root: string): string[] {
  return listDir(root)
    .filter((e) => e.isDirectory() && !CONTENT_DIR.test(e.name))
    .map((e) => path.join(root, e.name));
}

function listDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

export type Resolved = { ok: true; path: string } | { ok: false; reason: 'missing' | 'outside' };

/**
 * Resolves the paths a volume's load files give, against the volume root and the load file's folder, matching each
 * name exactly where it exists and else in any letter case. Directory listings are cached: a volume names thousands of
 * files in a few folders. Nothing outside the volume root is ever returned.
 */
export class VolumePaths {
  private readonly listings = new Map<string, Map<string, fs.Dirent[]>>();

  constructor(readonly root: string) {}

  resolve(raw: string, loadFileDir: string): Resolved {
    const trimmed = raw.trim().replace(/^"(.*)"$/, '$1');
    const absolute = /^[a-z]:/i.test(trimmed) || trimmed.startsWith('\\\\') || trimmed.startsWith('//');
    const segments = trimmed
      .replace(/^[a-z]:/i, '')
      .split(/[\\/]+/)
      .filter((s) => s !== '' && s !== '.');
    if (segments.length === 0) return { ok: false, reason: 'missing' };
    const tries: string[][] = [];
    let outside = false;
    const attempt = (segs: string[]): void => {
      const inVolume = withinRoot(segs);
      if (inVolume === null) outside = true;
      else tries.push(inVolume);
    };
    for (const base of [this.root, loadFileDir]) {
      const prefix = path.relative(this.root, base);
      if (prefix.startsWith('..') || path.isAbsolute(prefix)) continue;
      attempt([...prefix.split(path.sep).filter((s) => s !== ''), ...segments]);
    }
    // "\VOL001\IMAGES\…" names the volume folder itself; a drive or share path keeps the volume's part at its end.
    if (segments[0]!.toLowerCase() === path.basename(this.root).toLowerCase()) attempt(segments.slice(1));
    if (absolute) for (let i = 1; i < segments.length; i++) attempt(segments.slice(i));
    for (const t of tries) {
      const found = this.lookup(t);
      if (found !== null) return { ok: true, path: found };
    }
    return { ok: false, reason: outside && tries.length === 0 ? 'outside' : 'missing' };
  }

  private lookup(segments: string[]): string | null {
    let dir = this.root;
    let viaLink = false;
    for (let i = 0; i < segments.length; i++) {
      const entries = this.listing(dir).get(segments[i]!.toLowerCase());
      if (!entries) return null;
      const entry = entries.find((e) => e.name === segments[i]) ?? entries[0]!;
      const full = path.join(dir, entry.name);
      viaLink ||= entry.isSymbolicLink();
      if (i === segments.length - 1) return isFile(entry, full) && (!viaLink || this.inside(full)) ? full : null;
      if (!isDirectory(entry, full)) return null;
      dir = full;
    }
    return null;
  }

  // A symbolic link is followed only when it ends inside the volume.
  private inside(full: string): boolean {
    try {
      const rel = path.relative(fs.realpathSync(this.root), fs.realpathSync(full));
      return !rel.startsWith('..') && !path.isAbsolute(rel);
    } catch {
      return false;
    }
  }

  private listing(dir: string): Map<string, fs.Dirent[]> {
    let m = this.listings.get(dir);
    if (!m) {
      m = new Map();
      for (const e of listDir(dir)) {
        const key = e.name.toLowerCase();
        const list = m.get(key);
        if (list) list.push(e);
        else m.set(key, [e]);
      }
      this.listings.set(dir, m);
    }
    return m;
  }
}

function isFile(entry: fs.Dirent, full: string): boolean {
  if (entry.isFile()) return true;
  return entry.isSymbolicLink() && statIs(full, (s) => s.isFile());
}

function isDirectory(entry: fs.Dirent, full: string): boolean {
  if (entry.isDirectory()) return true;
  return entry.isSymbolicLink() && statIs(full, (s) => s.isDirectory());
}

function statIs(full: string, test: (s: fs.Stats) => boolean): boolean {
  try {
    return test(fs.statSync(full));
  } catch {
    return false;
  }
}
