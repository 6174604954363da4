// The narrow channel between the UI and the core, which the Electron preload and the browser-mode HTTP client
// both implement (kept free of runtime imports, so the preload stays a few lines).
import type { MethodName } from './api.ts';
import type { Result } from './errors.ts';
import type { ImportProgress } from './model.ts';

/** The header browser mode's token travels in (never a URL or a cookie). */
export const TOKEN_HEADER = 'x-exhibit-desk-token';

/** The IPC channels the Electron preload and main process speak over. */
export const BRIDGE_CHANNELS = {
  invoke: 'api:invoke',
  cancel: 'api:cancel',
  progress: 'api:progress',
  command: 'app:command',
  chooseFolder: 'app:choose-folder',
  showInFolder: 'app:show-in-folder',
} as const;

export interface Bridge {
  /** Calls one contract method; the answer is a Result, never a thrown error. */
  invoke(method: MethodName, args: unknown, callId: string): Promise<Result<unknown>>;
  /** Asks a long call (an import, an export) to stop. */
  cancel(callId: string): Promise<void>;
  /** Progress reports of long calls; returns the function that stops listening. */
  onProgress(listener: (callId: string, progress: ImportProgress) => void): () => void;
  /**
   * How the UI fetches an original: the vault protocol in Electron; in browser mode a URL that needs the token in a
   * header (so an original is never reachable by a bare URL: the UI shows it from a blob).
   */
  originalRequest(sha256: string): { url: string; headers: Record<string, string> };
  /**
   * Browser mode only: the headers that let the page send files to import to its own server (electron/serve/upload.ts),
   * since a browser never tells the page where a chosen or dropped file is. The desktop app imports by path instead.
   */
  uploadHeaders?: Record<string, string>;
  /** Commands from the native menus (Electron only); returns the function that stops listening. */
  onAppCommand?(listener: (command: AppCommand) => void): () => void;
  /** The path on disk of a file dropped on the window (Electron only; browsers do not reveal it). */
  pathForFile?(file: unknown): string;
  /** Asks for a folder with the system's own dialog (Electron only); null when the user cancels. */
  chooseFolder?(title: string): Promise<string | null>;
  /** Shows a written file in the system's file manager (Electron only). */
  showInFolder?(path: string): Promise<void>;
}

export type AppCommand = { kind: 'import'; paths: string[] } | { kind: 'export' } | { kind: 'find' } | { kind: 'case-opened' };
