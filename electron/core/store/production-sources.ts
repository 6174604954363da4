// Production sources: where an exhibit received in a production came from (Bates range, volume, producing party, its
// load-file row), the page images it was assembled from, and the user's choices of field map for the next volume.
import type Database from 'better-sqlite3';
import type { ProductionSource } from '../../../shared/model.ts';
import { columnKey } from '../production/field-map.ts';

interface SourceRow {
  beg_bates: string;
  end_bates: string;
  volume: string;
  producing_party: string | null;
  fields: string;
  page_images: string;
  rendition: string | null;
}

/** A page image as produced, kept in the vault under its hash. */
export interface PageImage {
  /** Relative to the volume's root, forward slashes. */
  path: string;
  sha256: string;
}

export interface NewProductionSource extends ProductionSource {
  exhibitId: number;
  pageImages: PageImage[];
  rendition: string | null;
  /** The words of its fields that search should find besides the exhibit's own metadata. */
  searchText: string;
}

const CHOICES_KEY = 'production.columnChoices';
const OLD_FIELD_MAP_KEY = 'production.fieldMap';

export function createProductionSourceStore(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO production_sources (exhibit_id, beg_bates, end_bates, volume, producing_party, fields, page_images, rendition, search_text)
    VALUES (@exhibitId, @begBates, @endBates, @volume, @producingParty, @fields, @pageImages, @rendition, @searchText)`);
  const byExhibit = db.prepare<[number], SourceRow>('SELECT * FROM production_sources WHERE exhibit_id = ?');
  const byBates = db.prepare<[string, string], { exhibit_id: number }>(
    'SELECT exhibit_id FROM production_sources WHERE beg_bates = ? COLLATE NOCASE AND volume = ?',
  );
  // Page images and renditions are originals too (verify re-hashes them), though no exhibit row names them.
  const insertOriginal = db.prepare<[string, number, string, string]>(
    'INSERT OR IGNORE INTO originals (sha256, bytes, media_type, stored_at) VALUES (?, ?, ?, ?)',
  );
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const putSetting = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );

  return {
    /** Records where the exhibit came from; the caller wraps this in the exhibit's import transaction. */
    record(s: NewProductionSource): void {
      insert.run({
        ...s,
        fields: JSON.stringify(s.fields),
        pageImages: JSON.stringify(s.pageImages),
      });
    },

    get(exhibitId: number): ProductionSource | null {
      const r = byExhibit.get(exhibitId);
      if (!r) return null;
      return {
        begBates: r.beg_bates,
        endBates: r.end_bates,
        volume: r.volume,
        producingParty: r.producing_party,
        fields: JSON.parse(r.fields) as Record<string, string>,
      };
    },

    /** The page images an exhibit was assembled from, and its rendition when a native is its original. */
    images(exhibitId: number): { pageImages: PageImage[]; rendition: string | null } | null {
      const r = byExhibit.get(exhibitId);
      return r ? { pageImages: JSON.parse(r.page_images) as PageImage[], rendition: r.rendition } : null;
    },

    /** The exhibit received as `begBates` in this volume (Bates numbers compared ignoring case), or null. */
    findByBates: (begBates: string, volume: string): number | null => byBates.get(begBates, volume)?.exhibit_id ?? null,

    keepOriginal(sha256: string, bytes: number, mediaType: string, at: string): void {
      insertOriginal.run(sha256, bytes, mediaType, at);
    },

    /**
     * What the user chose for load-file columns in this case (column name, as columnKey writes it → our field, or ''
     * for a custom field). A case that kept a whole field map (field → column) before has it read as choices.
     */
    columnChoices(): Record<string, string> {
      const row = getSetting.get(CHOICES_KEY);
      if (row) return JSON.parse(row.value) as Record<string, string>;
      const old = getSetting.get(OLD_FIELD_MAP_KEY);
      if (!old) return {};
      const map = JSON.parse(old.value) as Record<string, string>;
      return Object.fromEntries(Object.entries(map).filter(([, c]) => c !== '').map(([field, column]) => [columnKey(column), field]));
    },
    setColumnChoices: (choices: Record<string, string>) => putSetting.run(CHOICES_KEY, JSON.stringify(choices)),
  };
}

export type ProductionSourceStore = ReturnType<typeof createProductionSourceStore>;
