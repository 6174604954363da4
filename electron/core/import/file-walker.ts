// Expands the files and folders a user chose into the files to import, folders recursively, in a stable order.
import fs from 'node:fs';
import path from 'node:path';

export interface FoundFile {
  path: string; // absolute
}

export interface WalkResult {
  files: FoundFile[];
  missing: { path: string; error: string }[];
}

// Files the operating system leaves in folders; never evidence. Hidden files (".name") inside a chosen folder are
// skipped too (lock files, sync metadata); a hidden file chosen by name is imported.
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini']);

export function walkPaths(inputs: string[]): WalkResult {
  const files: FoundFile[] = [];
  const missing: WalkResult['missing'] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      missing.push({ path: input, error: 'No such file or folder.' });
      continue;
    }
    if (stat.isDirectory()) walkDir(abs, files, seen);
    else if (stat.isFile()) add(abs, files, seen);
    else missing.push({ path: input, error: 'Not a regular file or folder.' });
  }
  return { files, missing };
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
    if (SYSTEM_FILES.has(entry.name.toLowerCase()) || entry.name.startsWith('.')) continue;
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
