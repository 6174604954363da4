// The document viewer: the open exhibit's heading and the view that suits its kind (pdf.js for PDFs, the message
// for emails, the picture for images, the text for text files and web pages).
import { useEffect, useState } from 'react';
import type { ExhibitDetails } from '../../../shared/api.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatDate, KIND_ICONS, KIND_LABELS } from '../../components/format.ts';
import { PagelessViewer } from './PagelessViewer.tsx';
import { PdfViewer, type ViewTarget } from './PdfViewer.tsx';

interface DocumentViewerProps {
  exhibitId: number;
  target: ViewTarget;
  defaultParagraph: number | null;
  onLink: (exhibitNos: string[]) => void;
}

export function DocumentViewer({ exhibitId, target, defaultParagraph, onLink }: DocumentViewerProps) {
  const { exhibits, revision, openExhibit } = useWorkspace();
  const exhibit = exhibits.byId.get(exhibitId);
  const [details, setDetails] = useState<ExhibitDetails | null>(null);

  useEffect(() => {
    let live = true;
    void api.getExhibit({ exhibit: exhibits.byId.get(exhibitId)?.exhibitNo ?? String(exhibitId) }).then((d) => live && d.exhibit.id === exhibitId && setDetails(d));
    return () => {
      live = false;
    };
  }, [exhibitId, revision]);

  const current = details?.exhibit.id === exhibitId ? details : null;
  const shown = exhibit ?? current?.exhibit;
  const parent = shown?.parentId != null ? exhibits.byId.get(shown.parentId) : undefined;
  return (
    <section className="viewer" aria-label="Document viewer">
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
            <button type="button" className="button small" onClick={() => onLink([shown.exhibitNo])}>
              <Icon name="link" size={15} />
              Link to paragraph…
            </button>
          </header>
          {shown.kind === 'pdf' ? (
            <PdfViewer exhibit={shown} target={target} annotations={current?.annotations ?? []} defaultParagraph={defaultParagraph} />
          ) : (
            <PagelessViewer exhibit={shown} attachments={current?.children ?? []} terms={target.terms} />
          )}
        </>
      ) : (
        <p className="viewer-message muted">Opening…</p>
      )}
    </section>
  );
}
