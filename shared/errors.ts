// Error codes a user can cause, and the error type that carries them across every boundary.

export const ERROR_CODES = [
  'bad_input', // an argument, flag or query string is malformed
  'not_found', // a case, exhibit, tag or paragraph that does not exist
  'conflict', // e.g. an exhibit number already in use
  'edit_conflict', // an edit made from a value that has changed since (another window, process or edit got there first)
  'duplicate_link', // the same exhibit, pages and passage are already linked to that paragraph
  'case_exists', // init on a folder that already holds a case
  'case_too_new', // the case file was written by a newer version
  'case_damaged', // the case's database is damaged: it is open read-only until recovered
  'unsupported_format', // a file type no importer reads
  'damaged', // a file that cannot be read because it is broken
  'encrypted', // a password is needed (or the one given is wrong)
  'too_large', // over a size, time or memory limit
  'empty', // an empty file
  'cancelled', // the user cancelled a long operation
  'io', // the disk refused a read or write
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Something the user caused and can fix; its message is written for them, never a stack. */
export class UserError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

export interface ErrorPayload {
  code: ErrorCode | 'internal';
  message: string;
}

/** The only error shape that crosses IPC, HTTP and worker boundaries. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (isUserError(e)) return { code: e.code, message: e.message };
  return { code: 'internal', message: 'An unexpected error occurred.' };
}

export function fromErrorPayload(p: ErrorPayload): Error {
  return p.code === 'internal' ? new Error(p.message) : new UserError(p.code, p.message);
}
