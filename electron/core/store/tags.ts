// Tags, nested by path ("Trade secrets/DES"), with a colour, and which exhibits carry them.
import type Database from 'better-sqlite3';
import { UserError } from '../../../shared/errors.ts';
import type { Tag } from '../../../shared/model.ts';

interface TagRow {
  id: number;
  name: string;
  parent_id: number | null;
  color: string | null;
  exhibit_count: number;
}

export function splitTagPath(path: string): string[] {
  const parts = path.split('/').map((p) => p.trim());
  if (parts.some((p) => p === '' || p.length > 200)) {
    throw new UserError('bad_input', `"${path}" is not a tag name (use "Name" or "Parent/Child").`);
  }
  return parts;
}

export function createTagStore(db: Database.Database) {
  const all = db.prepare<[], TagRow>(`
    SELECT t.id, t.name, t.parent_id, t.color,
      (SELECT count(*) FROM exhibit_tags et WHERE et.tag_id = t.id) AS exhibit_count
    FROM tags t`);
  const child = db.prepare<[number, string], { id: number }>(
    'SELECT id FROM tags WHERE coalesce(parent_id, 0) = ? AND name = ? COLLATE NOCASE',
  );
  const insert = db.prepare<[string, number | null]>('INSERT INTO tags (name, parent_id) VALUES (?, ?)');
  const link = db.prepare<[number, number]>('INSERT OR IGNORE INTO exhibit_tags (exhibit_id, tag_id) VALUES (?, ?)');
  const unlink = db.prepare<[number, number]>('DELETE FROM exhibit_tags WHERE exhibit_id = ? AND tag_id = ?');
  const setColor = db.prepare<[string | null, number]>('UPDATE tags SET color = ? WHERE id = ?');

  function list(): Tag[] {
    const rows = all.all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const pathOf = (r: TagRow): string => {
      const names: string[] = [];
      for (let cur: TagRow | undefined = r; cur; cur = cur.parent_id == null ? undefined : byId.get(cur.parent_id)) {
        names.unshift(cur.name);
      }
      return names.join('/');
    };
    return rows
      .map((r) => ({ id: r.id, name: r.name, path: pathOf(r), parentId: r.parent_id, color: r.color, exhibitCount: r.exhibit_count }))
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  /** The tag at a path, or — for a single name — the one tag anywhere with that name. */
  function find(path: string): Tag | null {
    const tags = list();
    const wanted = splitTagPath(path).join('/').toLowerCase();
    const exact = tags.find((t) => t.path.toLowerCase() === wanted);
    if (exact) return exact;
    const named = tags.filter((t) => t.name.toLowerCase() === wanted);
    if (named.length > 1) {
      throw new UserError('bad_input', `More than one tag is named "${path}": ${named.map((t) => t.path).join(', ')}. Give its full path.`);
    }
    return named[0] ?? null;
  }

  return {
    list,
    find,
    paths: () => new Map(list().map((t) => [t.id, t.path])),

    /** The tag and every tag nested below it: filtering by a tag includes its children. */
    withDescendants(tagId: number): number[] {
      const tags = list();
      const out = [tagId];
      for (let i = 0; i < out.length; i++) for (const t of tags) if (t.parentId === out[i]) out.push(t.id);
      return out;
    },

    /** Finds or creates every level of the path; returns the innermost tag's id. */
    ensure(path: string): number {
      let parent: number | null = null;
      for (const name of splitTagPath(path)) {
        const found = child.get(parent ?? 0, name);
        parent = found ? found.id : Number(insert.run(name, parent).lastInsertRowid);
      }
      return parent!;
    },

    /** Returns true when the exhibit did not have the tag before. */
    attach: (exhibitId: number, tagId: number) => link.run(exhibitId, tagId).changes > 0,
    detach: (exhibitId: number, tagId: number) => unlink.run(exhibitId, tagId).changes > 0,
    setColor: (tagId: number, color: string | null) => setColor.run(color, tagId),
  };
}

export type TagStore = ReturnType<typeof createTagStore>;
