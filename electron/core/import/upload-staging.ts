// Where files sent from a browser wait inside the case folder until they are imported, and how they are named then.
// Browser mode cannot see paths on the user's computer: it sends bytes, which the server writes to
// <case>/incoming/<batch>/<the name the browser gave, folders kept>. Importing that batch folder records each file by
// that name ("Production 001/letter.pdf"), never by where it waited, so titles, the vault record and reports read as
// the user's own files. The batch folder is removed once imported.
import path from 'node:path';

export const UPLOAD_STAGING_DIR = 'incoming';

// A batch is named by the server: letters, digits, '-' and '_' only, so it can never climb out of the staging folder.
export const UPLOAD_BATCH = /^[A-Za-z0-9_-]{8,64}$/;

export function uploadStagingRoot(caseDir: string): string {
  return path.join(caseDir, UPLOAD_STAGING_DIR);
}

/** The name a staged file was sent under ("folder/letter.pdf"), or null for a file that is not a staged upload. */
export function uploadedName(caseDir: string, file: string): string | null {
  const staging = uploadStagingRoot(path.resolve(caseDir));
  const relative = path.relative(staging, path.resolve(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [batch, ...rest] = relative.split(path.sep);
  if (!batch || !UPLOAD_BATCH.test(batch) || rest.length === 0) return null;
  return rest.join('/');
}
