// Tags of one or several exhibits: chips to remove, a field to add (existing tags offered as you type). The panel keys
// it by the exhibits it edits, so a tag typed but not yet added is dropped when the selection changes, never added to
// the exhibits selected next; each change names its exhibits by id.
import { useId, useState, type RefObject } from 'react';
import { idRef, type Exhibit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { TagChip } from '../../components/TagChip.tsx';

const REFETCH_LIMIT = 50;

interface TagEditorProps {
  exhibits: readonly Exhibit[];
  inputRef?: RefObject<HTMLInputElement | null>;
}

export function TagEditor({ exhibits, inputRef }: TagEditorProps) {
  const { tags, reloadTags, exhibits: all, announce, touch } = useWorkspace();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const colours = new Map(tags.map((t) => [t.path, t.color]));
  const shared = exhibits.length === 0 ? [] : exhibits[0]!.tags.filter((t) => exhibits.every((e) => e.tags.includes(t)));
  const who = exhibits.length === 1 ? exhibits[0]!.exhibitNo : `${exhibits.length} exhibits`;

  async function change(tag: string, remove: boolean) {
    setError(null);
    try {
      await api.tagExhibits({ exhibits: exhibits.map((e) => idRef(e.id)), tag, remove });
      // The core decides the tag's path (a name may stand for a nested tag), so the rows are read back.
      if (exhibits.length <= REFETCH_LIMIT) {
        all.patch(await Promise.all(exhibits.map((e) => api.getExhibit({ exhibit: idRef(e.id) }).then((d) => d.exhibit))));
      } else {
        void all.reload();
      }
      await reloadTags();
      touch();
      announce(remove ? `Removed tag “${tag}” from ${who}.` : `Tagged ${who} “${tag}”.`);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }

  return (
    <div className="tag-editor">
      <ul className="tag-list" aria-label="Tags">
        {shared.map((t) => (
          <li key={t}>
            <TagChip path={t} colour={colours.get(t)} onRemove={() => void change(t, true)} />
          </li>
        ))}
        {shared.length === 0 && <li className="muted">No tags</li>}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const tag = draft.trim();
          if (tag) void change(tag, false).then((ok) => ok && setDraft(''));
        }}
      >
        <input
          ref={inputRef}
          aria-label="Add tag"
          placeholder="Add tag…"
          list={listId}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <datalist id={listId}>
          {tags.map((t) => (
            <option key={t.id} value={t.path} />
          ))}
        </datalist>
      </form>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
