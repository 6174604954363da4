// Expands the files and folders a user chose into the files to import, folders recursively, in a stable order.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { skippedInFolder } from '../../../shared/folder-files.ts';

export interface FoundFile {
  path: string; // absolute
}

export interface WalkResult {
  files: FoundFile[];
  missing: { path: string; error: string }[];
}


export function walkPaths(inputs: string[]): WalkResult {
  const files: FoundFile[] = [];
  const missing: WalkResult['missing'] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(expandHome(input));
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      // Named as typed (and as read, when that differs), since a wrong path is usually a typo the user must find.
      const read = abs === input ? '' : ` (${abs})`;
      missing.push({ path: input, error: `No file or folder at ${input}${read}.` });
      continue;
    }
    if (stat.isDirectory()) walkDir(abs, files, seen);
    else if (stat.isFile()) add(abs, files, seen);
    else missing.push({ path: input, error: 'Not a regular file or folder.' });
  }
  return { files, missing };
}

/** "~" and "~/…" as a shell reads them: the user's home folder (typed paths in browser mode reach no shell). */
export function expandHome(input: string): string {
  if (input === '~') return os.homedir();
  if (input.startsWith('~/') || (path.sep === '\\' && input.startsWith('~\\'))) return path.join(os.homedir(), input.slice(2));
  return input;
}

function walkDir(dir: string, files: FoundFile[], seen: Set<string>): void {
  // Folders are visited once by their real path, so a link that points back up cannot loop.
  const real = fs.realpathSync(dir);
  if (seen.has(`dir:${real}`)) return;
  seen.add(`dir:${real}`);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (skippedInFolder(entry.name)) continue;
    const full = path.join(dir, entry.name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      continue;
    }
    if (stat.isDirectory()) walkDir(full, files, seen);
    else if (stat.isFile()) add(full, files, seen);
  }
}

function add(file: string, files: FoundFile[], seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  files.push({ path: file });
}
