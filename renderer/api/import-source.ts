// Where the paths of files to import come from: in the desktop app the preload names a dropped or chosen file's path on
// this machine (Bridge.pathForFile); a browser never reveals it, so browser mode sends the files themselves
// (features/import/send-files.ts) or takes paths typed or pasted.
import type { Bridge } from '../../shared/bridge.ts';
import { bridge } from './api.ts';

export interface ImportSource {
  /** Whether dropped files arrive with their paths, so an import can start without asking. */
  readonly revealsPaths: boolean;
  /** The paths of dropped files and folders, or null where the platform keeps them hidden. */
  pathsOf(files: readonly File[]): string[] | null;
}

export function importSourceOf(b: Pick<Bridge, 'pathForFile'>): ImportSource {
  const pathForFile = b.pathForFile?.bind(b);
  if (!pathForFile) return { revealsPaths: false, pathsOf: () => null };
  return {
    revealsPaths: true,
    pathsOf: (files) => {
      const paths = files.map((f) => pathForFile(f)).filter((p) => p !== '');
      return paths.length > 0 ? paths : null;
    },
  };
}

export const importSource: ImportSource = importSourceOf(bridge);

/** Paths typed or pasted one per line; quotes that file managers add around a path are dropped. */
export function parsePathList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^(["'])(.*)\1$/, '$2').trim())
    .filter((line) => line !== '');
}
