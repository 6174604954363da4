// The document viewer: the open exhibit's heading and the view that suits its kind (pdf.js for PDFs, the message
// for emails, the picture for images, the text for text files and web pages), the reason asked for a redaction, and
// the note asked for a page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ExhibitDetails } from '../../../shared/api.ts';
import type { Redaction } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatDate, KIND_ICONS, KIND_LABELS } from '../../components/format.ts';
import { NoteDialog, type PageNoteTarget } from '../notes/NoteDialog.tsx';
import { RedactionDialog, type RedactionDraft } from '../redaction/RedactionDialog.tsx';
import { PagelessViewer } from './PagelessViewer.tsx';
import { PdfViewer, type ViewTarget } from './PdfViewer.tsx';
import { takeFocus } from './viewer-focus.ts';

const NONE: readonly Redaction[] = [];

interface DocumentViewerProps {
  exhibitId: number;
  target: ViewTarget;
  defaultParagraph: number | null;
  /** Links the exhibit to a paragraph, from the page being read. */
  onLink: (exhibitNos: string[], page?: number) => void;
  onPage?: (page: number) => void;
}

export function DocumentViewer({ exhibitId, target, defaultParagraph, onLink, onPage }: DocumentViewerProps) {
  const { exhibits, revision, openExhibit } = useWorkspace();
  const exhibit = exhibits.byId.get(exhibitId);
  const [details, setDetails] = useState<ExhibitDetails | null>(null);
  // Held here, above the per-exhibit views, and shown outside the document's tab panel, so that the dialog stays
  // open and bound to the exhibit the box was drawn on even if another exhibit is selected or opened meanwhile.
  const [redacting, setRedacting] = useState<RedactionDraft | null>(null);
  const [noting, setNoting] = useState<PageNoteTarget | null>(null);
  const page = useRef<number | null>(null);
  const reading = useCallback(
    (n: number) => {
      page.current = n;
      onPage?.(n);
    },
    [onPage],
  );

  useEffect(() => {
    let live = true;
    void api.getExhibit({ exhibit: exhibits.byId.get(exhibitId)?.exhibitNo ?? String(exhibitId) }).then((d) => live && d.exhibit.id === exhibitId && setDetails(d));
    return () => {
      live = false;
    };
  }, [exhibitId, revision]);

  const current = details?.exhibit.id === exhibitId ? details : null;
  const shown = exhibit ?? current?.exhibit;
  const section = useRef<HTMLElement>(null);

  // A PDF takes the keyboard once its pages are drawn (PdfViewer); other kinds at once.
  const kind = shown?.kind;
  useEffect(() => {
    if (!kind || kind === 'pdf' || !takeFocus(target)) return;
    section.current?.querySelector<HTMLElement>('.paper-scroller, .image-view, [tabindex="0"]')?.focus({ preventScroll: true });
  }, [target, kind]);
  const parent = shown?.parentId != null ? exhibits.byId.get(shown.parentId) : undefined;
  return (
    <section ref={section} className="viewer" aria-label="Document viewer">
      {shown ? (
        <>
          <header className="viewer-head">
            <Icon name={KIND_ICONS[shown.kind]} size={18} className={`kind-icon kind-${shown.kind}`} />
            <span className="viewer-number num">{shown.exhibitNo}</span>
            <h2 className="viewer-title truncate" title={shown.title}>
              {shown.title}
            </h2>
            <span className="viewer-meta muted">
              {[KIND_LABELS[shown.kind], formatDate(shown.date), shown.pages ? `${shown.pages} ${shown.pages === 1 ? 'page' : 'pages'}` : null]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {parent && (
              <button type="button" className="text-button" onClick={() => openExhibit({ exhibitId: parent.id })}>
                Attached to {parent.exhibitNo}
              </button>
            )}
            <button type="button" className="button small" onClick={() => onLink([shown.exhibitNo], page.current ?? undefined)}>
              <Icon name="link" size={15} />
              Link to paragraph…
            </button>
          </header>
          {shown.kind === 'pdf' ? (
            <PdfViewer
              exhibit={shown}
              target={target}
              annotations={current?.annotations ?? []}
              redactions={current?.redactions ?? NONE}
              defaultParagraph={defaultParagraph}
              onRedact={setRedacting}
              onPage={reading}
              onAddNote={(n) => setNoting({ exhibit: shown, page: n })}
            />
          ) : (
            <PagelessViewer exhibit={shown} attachments={current?.children ?? []} terms={target.terms} redactions={current?.redactions ?? NONE} onRedact={setRedacting} />
          )}
        </>
      ) : (
        <p className="viewer-message muted">Opening…</p>
      )}
      {createPortal(<RedactionDialog draft={redacting} onClose={() => setRedacting(null)} />, document.body)}
      <NoteDialog target={noting} onClose={() => setNoting(null)} />
    </section>
  );
}
