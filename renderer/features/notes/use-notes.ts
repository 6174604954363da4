// The notes across the case for the Notes view, with its filters, read again whenever the case changes.
import { useEffect, useState } from 'react';
import type { CaseUser, NoteEntry } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';

export interface NoteFilters {
  author?: string;
  exhibit?: string;
  paragraph?: number;
}

export function useNotes(filters: NoteFilters): { notes: NoteEntry[] | null; everyNote: NoteEntry[]; users: CaseUser[]; error: string | null } {
  const { revision } = useWorkspace();
  const [notes, setNotes] = useState<NoteEntry[] | null>(null);
  const [everyNote, setEveryNote] = useState<NoteEntry[]>([]);
  const [users, setUsers] = useState<CaseUser[]>([]);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filters);

  useEffect(() => {
    let live = true;
    const filtered = Object.keys(filters).length > 0;
    Promise.all([api.listNotes(filters), filtered ? api.listNotes({}) : null, api.listUsers({})]).then(
      ([found, all, known]) => {
        if (!live) return;
        setNotes(found);
        setEveryNote(all ?? found);
        setUsers(known.users);
        setError(null);
      },
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
    // `key` stands for the filters' values, so a new object with the same filters reads nothing again.
  }, [key, revision]);

  return { notes, everyNote, users, error };
}
