// Asks who is writing, once: in the first note or highlight form, a name field (the case's users offered, the computer's
// account filled in); afterwards the form only says whose name it goes under, with "Not you?" to ask again.
import { useEffect, useId, useState } from 'react';
import type { CaseUser } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { setAuthor, useAuthor } from './author.ts';

export interface AuthorChoice {
  asking: boolean;
  name: string;
  setName: (name: string) => void;
  users: CaseUser[];
  ask: () => void;
  /** The author to send: the name given (added to the case's users and kept for next time), or an error message. */
  commit: () => Promise<{ author: string } | { error: string }>;
}

export function useAuthorChoice(): AuthorChoice {
  const author = useAuthor();
  const [asking, setAsking] = useState(author === null);
  const [name, setName] = useState(author ?? '');
  const [users, setUsers] = useState<CaseUser[]>([]);

  useEffect(() => {
    if (!asking) return;
    let live = true;
    api.listUsers({}).then(
      ({ users: known, suggested }) => {
        if (!live) return;
        setUsers(known);
        setName((n) => n || suggested);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [asking]);

  return {
    asking: asking || author === null,
    name,
    setName,
    users,
    ask: () => setAsking(true),
    async commit() {
      if (!asking && author) return { author };
      const given = name.trim();
      if (!given) return { error: 'Give your name: notes and highlights carry their author’s.' };
      try {
        const user = await api.addUser({ name: given });
        setAuthor(user.name);
        setAsking(false);
        return { author: user.name };
      } catch (e) {
        return { error: (e as Error).message };
      }
    },
  };
}

export function AuthorField({ choice }: { choice: AuthorChoice }) {
  const listId = useId();
  const author = useAuthor();
  if (!choice.asking && author) {
    return (
      <p className="author-line">
        <span className="muted">As</span> <strong>{author}</strong>
        <button type="button" className="text-button" onClick={choice.ask}>
          Not you?
        </button>
      </p>
    );
  }
  return (
    <div className="author-ask">
      <label className="field">
        <span>Your name</span>
        <input value={choice.name} list={listId} autoComplete="off" required onChange={(e) => choice.setName(e.target.value)} />
      </label>
      <datalist id={listId}>
        {choice.users.map((u) => (
          <option key={u.id} value={u.name} />
        ))}
      </datalist>
      <p className="muted">Asked once on this computer: every note and highlight carries its author’s name, so that counsel’s notes and an expert’s can be told apart.</p>
    </div>
  );
}
