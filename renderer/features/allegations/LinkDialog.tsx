// Links whole exhibits (optionally a page range) to a paragraph: the keyboard's way to what a drop does. It opens in the
// paragraph field (type its number), with the page being read filled in.
import { useEffect, useRef, useState } from 'react';
import type { Stance } from '../../../shared/model.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ParagraphSelect } from '../../components/ParagraphSelect.tsx';
import { STANCE_OPTIONS } from '../../components/format.ts';
import { Segmented } from '../../components/Segmented.tsx';
import { useLinkExhibits } from './use-link-exhibits.ts';
import { FormFooter } from '../../components/FormFooter.tsx';

interface LinkDialogProps {
  exhibits: string[] | null;
  /** The page being read when the dialog was asked for from the viewer. */
  page?: number | null;
  defaultParagraph: number | null;
  onClose: () => void;
}

export function LinkDialog({ exhibits, page, defaultParagraph, onClose }: LinkDialogProps) {
  const title = exhibits && exhibits.length === 1 ? `Link ${exhibits[0]} to a paragraph` : `Link ${exhibits?.length ?? 0} exhibits to a paragraph`;
  return (
    <Dialog open={exhibits !== null && exhibits.length > 0} title={title} onClose={onClose}>
      {exhibits && <LinkForm key={exhibits.join('\n')} exhibits={exhibits} page={page} defaultParagraph={defaultParagraph} onClose={onClose} />}
    </Dialog>
  );
}

function LinkForm({ exhibits, page, defaultParagraph, onClose }: LinkDialogProps & { exhibits: string[] }) {
  const { allegations } = useWorkspace();
  const link = useLinkExhibits();
  const [paragraph, setParagraph] = useState<number | null>(defaultParagraph);
  const [stance, setStance] = useState<Stance>('supports');
  const [pages, setPages] = useState(exhibits.length === 1 && page ? String(page) : '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const paragraphField = useRef<HTMLSelectElement>(null);
  // The dialog opens after the form mounts (and would put the keyboard on Close): it goes to the paragraph instead.
  useEffect(() => {
    const frame = requestAnimationFrame(() => paragraphField.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  async function save() {
    if (paragraph === null) return setError('Choose a paragraph.');
    const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(pages);
    if (pages.trim() !== '' && !m) return setError('Give pages as 3 or 3-5.');
    const problem = await link({
      exhibits,
      paragraph,
      stance,
      pageFrom: m ? Number(m[1]) : undefined,
      pageTo: m?.[2] ? Number(m[2]) : undefined,
      note: note.trim() || undefined,
    });
    if (problem) setError(problem);
    else onClose();
  }

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ParagraphSelect
        label="Paragraph"
        paragraphs={allegations?.paragraphs ?? []}
        value={paragraph}
        onChange={setParagraph}
        noneLabel="Choose a paragraph… (type its number)"
        selectRef={paragraphField}
      />
      <Segmented legend="Stance" value={stance} options={STANCE_OPTIONS} onChange={setStance} />
      {exhibits.length === 1 && (
        <label className="field">
          <span>Pages (optional)</span>
          <input value={pages} onChange={(e) => setPages(e.target.value)} placeholder="e.g. 3 or 3-5" inputMode="numeric" />
        </label>
      )}
      <label className="field">
        <span>Note (optional)</span>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <FormFooter error={error} onCancel={onClose} submitLabel="Link" />
    </form>
  );
}
