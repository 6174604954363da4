// Case-wide settings (title, exhibit numbering scheme, the Export dialog's last settings) kept as JSON values by key.
import type Database from 'better-sqlite3';
import type { NumberingScheme } from '../../../shared/model.ts';

export const DEFAULT_NUMBERING: NumberingScheme = { prefix: 'PX-', start: 1, padding: 3 };

export function createSettings(db: Database.Database) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const read = <T>(key: string, fallback: T): T => {
    const row = get.get(key);
    return row ? (JSON.parse(row.value) as T) : fallback;
  };
  const write = (key: string, value: unknown) => put.run(key, JSON.stringify(value));

  return {
    title: () => read('title', 'Untitled case'),
    setTitle: (title: string) => write('title', title),
    numbering: () => read('numbering', DEFAULT_NUMBERING),
    setNumbering: (scheme: NumberingScheme) => write('numbering', scheme),
    /** The Export dialog's settings as last used (an object the UI shapes; null before the first export). */
    exportSettings: () => read<Record<string, unknown> | null>('export-settings', null),
    setExportSettings: (settings: Record<string, unknown>) => write('export-settings', settings),
  };
}

export type Settings = ReturnType<typeof createSettings>;

export function formatExhibitNo(scheme: NumberingScheme, n: number): string {
  return `${scheme.prefix}${String(n).padStart(scheme.padding, '0')}`;
}
