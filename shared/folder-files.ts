// Which files inside a chosen folder are never evidence: the operating system's own (Thumbs.db, desktop.ini) and hidden
// ones (".name": lock files, sync metadata, .DS_Store). One rule for the import's folder walk and for folders a browser
// sends, so that what the dialog lists is what is imported. A file chosen by name is imported whatever its name.
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini']);

/** Whether an entry (a file or a folder) met while walking a chosen folder is left out, by its own name. */
export function skippedInFolder(name: string): boolean {
  return name.startsWith('.') || SYSTEM_FILES.has(name.toLowerCase());
}
