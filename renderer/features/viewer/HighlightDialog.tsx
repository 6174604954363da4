// Highlight a selected passage with a note and, in the same step, link it to a paragraph of the complaint and make it
// a fact of the chronology cited to the passage.
import { useEffect, useRef, useState } from 'react';
import { idRef, type Exhibit, type Stance } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ParagraphSelect } from '../../components/ParagraphSelect.tsx';
import { STANCE_OPTIONS } from '../../components/format.ts';
import { Segmented } from '../../components/Segmented.tsx';
import type { Passage } from './use-passage-selection.ts';
import { FormFooter } from '../../components/FormFooter.tsx';
import { AuthorField, useAuthorChoice } from '../notes/AuthorField.tsx';

const HIGHLIGHT_COLOURS = [
  { name: 'Yellow', value: '#ffd54f' },
  { name: 'Green', value: '#81c995' },
  { name: 'Blue', value: '#8ab4f8' },
  { name: 'Pink', value: '#f4a7c3' },
] as const;


interface HighlightDialogProps {
  passage: Passage | null;
  exhibit: Exhibit;
  defaultParagraph: number | null;
  onClose: () => void;
}

export function HighlightDialog({ passage, exhibit, defaultParagraph, onClose }: HighlightDialogProps) {
  return (
    <Dialog open={passage !== null} title="Highlight passage" onClose={onClose} className="highlight-dialog">
      {passage && <HighlightForm key={exhibit.id} passage={passage} exhibit={exhibit} defaultParagraph={defaultParagraph} onClose={onClose} />}
    </Dialog>
  );
}

function HighlightForm({ passage, exhibit, defaultParagraph, onClose }: HighlightDialogProps & { passage: Passage }) {
  const { allegations, reloadAllegations, announce, touch } = useWorkspace();
  const [note, setNote] = useState('');
  const [colour, setColour] = useState<string>(HIGHLIGHT_COLOURS[0].value);
  const [paragraph, setParagraph] = useState<number | null>(defaultParagraph);
  const [stance, setStance] = useState<Stance>('supports');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [asFact, setAsFact] = useState(false);
  const [factDate, setFactDate] = useState('');
  const [factStatement, setFactStatement] = useState(passage.quote);
  const who = useAuthorChoice();
  const noteInput = useRef<HTMLTextAreaElement>(null);
  // The dialog opens after the form mounts: the keyboard goes to the note once it shows.
  useEffect(() => {
    const frame = requestAnimationFrame(() => noteInput.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  async function save() {
    // Checked before anything is written, so that a retry never highlights the passage twice.
    if (asFact && !factStatement.trim()) return setError('A fact needs a statement.');
    setSaving(true);
    setError(null);
    const by = await who.commit();
    if ('error' in by) {
      setSaving(false);
      return setError(by.error);
    }
    try {
      const annotation = await api.addAnnotation({
        exhibit: idRef(exhibit.id),
        page: passage.page,
        rects: passage.rects,
        quote: passage.quote,
        note: note.trim() || undefined,
        colour,
        author: by.author,
      });
      let message = `Highlighted a passage on page ${passage.page} of ${exhibit.exhibitNo}.`;
      if (paragraph !== null) {
        const link = await api.linkEvidence({
          exhibit: idRef(exhibit.id),
          paragraph,
          pageFrom: passage.page,
          quote: passage.quote,
          stance,
          note: note.trim() || undefined,
          annotationId: annotation.id,
        });
        message = `Linked ${link.cite} to ¶ ${paragraph}.`;
        await reloadAllegations();
      }
      if (asFact) {
        // Bound to the exhibit the passage was selected on, whatever the viewer shows by the time this runs.
        const fact = await api.addFact({
          statement: factStatement,
          date: factDate.trim(),
          source: { exhibit: idRef(exhibit.id), pageFrom: passage.page, pageTo: passage.page, quote: passage.quote },
          paragraphs: paragraph !== null ? [paragraph] : [],
        });
        message += ` Added the fact of ${fact.date.display || 'no date'} to the chronology.`;
      }
      touch();
      announce(message);
      document.getSelection()?.removeAllRanges();
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <figure className="quote-preview">
        <blockquote>{passage.quote}</blockquote>
        <figcaption className="muted">
          {exhibit.exhibitNo}, page {passage.page}
        </figcaption>
      </figure>
      <label className="field">
        <span>Note</span>
        <textarea
          ref={noteInput}
          value={note}
          rows={3}
          onKeyDown={(e) => {
            // Ctrl/⌘+Enter saves from the note, so a highlight is made without leaving the keyboard's place.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          onChange={(e) => setNote(e.target.value)}
          placeholder="Why this passage matters"
        />
      </label>
      <fieldset className="field swatches">
        <legend>Colour</legend>
        {HIGHLIGHT_COLOURS.map((c) => (
          <label key={c.value} className="swatch" title={c.name}>
            <input type="radio" name="colour" value={c.value} checked={colour === c.value} onChange={() => setColour(c.value)} />
            <span style={{ background: c.value }} aria-hidden="true" />
            <span className="visually-hidden">{c.name}</span>
          </label>
        ))}
      </fieldset>
      <ParagraphSelect
        label="Link to paragraph"
        paragraphs={allegations?.paragraphs ?? []}
        value={paragraph}
        onChange={setParagraph}
        noneLabel="Do not link"
      />
      {paragraph !== null && (
        <Segmented legend="Stance" value={stance} options={STANCE_OPTIONS} onChange={setStance} />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={asFact} onChange={(e) => setAsFact(e.target.checked)} /> Also make it a fact
      </label>
      {asFact && (
        <div className="highlight-fact">
          <label className="field">
            <span>Fact date</span>
            <input value={factDate} onChange={(e) => setFactDate(e.target.value)} placeholder="e.g. 28 March 2017, March 2017" autoComplete="off" />
          </label>
          <label className="field">
            <span>Fact</span>
            <textarea value={factStatement} rows={3} onChange={(e) => setFactStatement(e.target.value)} />
          </label>
        </div>
      )}
      <AuthorField choice={who} />
      <FormFooter error={error} onCancel={onClose} busy={saving} submitLabel={paragraph !== null ? 'Save and link' : 'Save highlight'} />
    </form>
  );
}
