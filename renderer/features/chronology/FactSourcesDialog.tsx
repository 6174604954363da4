// Links and unlinks a fact's sources (an exhibit, its pages, the passage quoted) and the complaint's paragraphs it bears
// on. The screen is bound to the fact it was opened on: every call names that fact's id, taken once when it opened, so
// the list's selection moving, or the fact leaving a filtered list, never sends a change to another fact.
import { useId, useMemo, useState } from 'react';
import { idRef, type Fact, type FactSource } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ParagraphSelect } from '../../components/ParagraphSelect.tsx';

interface FactSourcesDialogProps {
  /** The fact as it was when the screen opened; null while closed. */
  fact: Fact | null;
  onClose: () => void;
  /** After every change, so the list shows it. */
  onChanged: () => void;
}

export function FactSourcesDialog({ fact, onClose, onChanged }: FactSourcesDialogProps) {
  return (
    <Dialog open={fact !== null} title="Sources and paragraphs" onClose={onClose} className="fact-sources-dialog">
      {fact && <FactSourcesForm key={fact.id} fact={fact} onClose={onClose} onChanged={onChanged} />}
    </Dialog>
  );
}

const PAGES = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/;
const MAX_SUGGESTIONS = 30;

function FactSourcesForm({ fact, onClose, onChanged }: FactSourcesDialogProps & { fact: Fact }) {
  const { exhibits, allegations, announce } = useWorkspace();
  // Taken once: whatever the parent passes later, this screen's calls go to this fact.
  const [bound] = useState(() => ({ id: fact.id, date: fact.date.display || 'no date', statement: fact.statement }));
  const [sources, setSources] = useState<FactSource[]>(fact.sources);
  const [paragraphs, setParagraphs] = useState<number[]>(fact.paragraphs);
  const [exhibit, setExhibit] = useState('');
  const [pages, setPages] = useState('');
  const [quote, setQuote] = useState('');
  const [paragraph, setParagraph] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();

  const suggestions = useMemo(() => {
    const typed = exhibit.trim().toLowerCase();
    const out = [];
    for (const e of exhibits.list) {
      if (out.length >= MAX_SUGGESTIONS) break;
      if (e.exhibitNo.toLowerCase().startsWith(typed)) out.push(e);
    }
    return out;
  }, [exhibit, exhibits.list]);
  const paragraphText = useMemo(() => new Map((allegations?.paragraphs ?? []).map((p) => [p.number, p.text])), [allegations]);
  const unlinked = useMemo(() => (allegations?.paragraphs ?? []).filter((p) => !paragraphs.includes(p.number)), [allegations, paragraphs]);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setError(null);
    try {
      announce(await work());
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function addSource() {
    const typed = exhibit.trim();
    if (!typed) return setError('Name the exhibit, e.g. PX-005.');
    const m = PAGES.exec(pages);
    if (pages.trim() !== '' && !m) return setError('Give pages as 3 or 3-5.');
    // The exhibit the user sees by that number, by its id; a number the app has not loaded yet goes to the core as typed.
    const known = exhibits.list.find((e) => e.exhibitNo.toLowerCase() === typed.toLowerCase());
    void run(async () => {
      const source = await api.linkFact({
        id: bound.id,
        exhibit: known ? idRef(known.id) : typed,
        pageFrom: m ? Number(m[1]) : undefined,
        pageTo: m?.[2] ? Number(m[2]) : undefined,
        quote: quote.trim() || undefined,
      });
      setSources((list) => [...list, source]);
      setExhibit('');
      setPages('');
      setQuote('');
      return `Linked ${source.cite} to the fact of ${bound.date}.`;
    });
  }

  function removeSource(s: FactSource) {
    void run(async () => {
      await api.unlinkFact({ sourceId: s.id, id: bound.id });
      setSources((list) => list.filter((x) => x.id !== s.id));
      return `Unlinked ${s.cite} from the fact of ${bound.date}.`;
    });
  }

  function addParagraph() {
    if (paragraph === null) return setError('Choose a paragraph.');
    const n = paragraph;
    void run(async () => {
      const after = await api.linkFactParagraph({ id: bound.id, paragraph: n });
      setParagraphs(after.paragraphs);
      setParagraph(null);
      return `Linked the fact of ${bound.date} to ¶ ${n}.`;
    });
  }

  function removeParagraph(n: number) {
    void run(async () => {
      const after = await api.unlinkFactParagraph({ id: bound.id, paragraph: n });
      setParagraphs(after.paragraphs);
      return `Unlinked the fact of ${bound.date} from ¶ ${n}.`;
    });
  }

  return (
    <div className="form fact-sources">
      <figure className="fact-sources-fact">
        <blockquote>{bound.statement}</blockquote>
        <figcaption className="muted">Fact of {bound.date}</figcaption>
      </figure>

      <section aria-labelledby={`${listId}-sources`} className="fact-sources-section">
        <h3 id={`${listId}-sources`}>Sources</h3>
        {sources.length === 0 ? (
          <p className="muted small-print">No exhibit shows this fact yet.</p>
        ) : (
          <ul className="fact-links" aria-label="Sources of this fact">
            {sources.map((s) => (
              <li key={s.id}>
                <span className="cite-text">{s.cite}</span>
                {s.quote && <q className="muted">{s.quote}</q>}
                <button type="button" className="text-button" disabled={busy} aria-label={`Unlink ${s.cite}`} onClick={() => removeSource(s)}>
                  Unlink
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="fact-sources-add"
          aria-label="Add a source"
          onSubmit={(e) => {
            e.preventDefault();
            addSource();
          }}
        >
          <div className="field-row">
            <label className="field">
              <span>Exhibit</span>
              <input value={exhibit} list={`${listId}-exhibits`} onChange={(e) => setExhibit(e.target.value)} placeholder="e.g. PX-005" autoComplete="off" autoFocus />
              <datalist id={`${listId}-exhibits`}>
                {suggestions.map((e) => (
                  <option key={e.id} value={e.exhibitNo}>
                    {e.title}
                  </option>
                ))}
              </datalist>
            </label>
            <label className="field narrow">
              <span>Pages (optional)</span>
              <input value={pages} onChange={(e) => setPages(e.target.value)} placeholder="3 or 3-5" inputMode="numeric" autoComplete="off" />
            </label>
          </div>
          <label className="field">
            <span>Passage quoted (optional)</span>
            <textarea rows={2} value={quote} onChange={(e) => setQuote(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" className="button small" disabled={busy}>
              Link source
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby={`${listId}-paragraphs`} className="fact-sources-section">
        <h3 id={`${listId}-paragraphs`}>Paragraphs of the complaint</h3>
        {paragraphs.length === 0 ? (
          <p className="muted small-print">Not tied to a paragraph yet.</p>
        ) : (
          <ul className="fact-links" aria-label="Paragraphs this fact bears on">
            {paragraphs.map((n) => (
              <li key={n}>
                <span className="cite-text">¶ {n}</span>
                <span className="muted fact-link-text">{paragraphText.get(n) ?? ''}</span>
                <button type="button" className="text-button" disabled={busy} aria-label={`Unlink ¶ ${n}`} onClick={() => removeParagraph(n)}>
                  Unlink
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          className="fact-sources-add field-row"
          aria-label="Add a paragraph"
          onSubmit={(e) => {
            e.preventDefault();
            addParagraph();
          }}
        >
          <ParagraphSelect label="Paragraph" paragraphs={unlinked} value={paragraph} onChange={setParagraph} noneLabel="Choose a paragraph…" />
          <button type="submit" className="button small" disabled={busy}>
            Link paragraph
          </button>
        </form>
      </section>

      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
