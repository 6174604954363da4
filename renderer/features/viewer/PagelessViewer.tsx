// Exhibits without pages: an email (header block, body, attachments), a text file or web page, an image, or any
// other file, shown by its metadata.
import type { Exhibit, Redaction } from '../../../shared/model.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatBytes, formatDate, KIND_ICONS, KIND_LABELS } from '../../components/format.ts';
import type { RedactionDraft } from '../redaction/RedactionDialog.tsx';
import { HighlightedText } from './HighlightedText.tsx';
import { PictureViewer } from './PictureViewer.tsx';
import { useOriginalText } from './use-original-text.ts';

interface PagelessProps {
  exhibit: Exhibit;
  attachments: readonly Exhibit[];
  terms: readonly string[];
  redactions: readonly Redaction[];
  onRedact: (draft: RedactionDraft) => void;
}

export function PagelessViewer({ exhibit, attachments, terms, redactions, onRedact }: PagelessProps) {
  if (exhibit.kind === 'image') return <PictureViewer key={exhibit.id} exhibit={exhibit} redactions={redactions} onRedact={onRedact} />;
  return (
    <div className="paper-scroller" tabIndex={0} aria-label={`${exhibit.exhibitNo} text`}>
      <article className="paper">
        {exhibit.kind === 'email' && <EmailHeader exhibit={exhibit} />}
        <Body exhibit={exhibit} terms={terms} />
        {attachments.length > 0 && <Attachments items={attachments} />}
      </article>
    </div>
  );
}

function EmailHeader({ exhibit }: { exhibit: Exhibit }) {
  const rows: [string, string | null][] = [
    ['From', exhibit.from],
    ['To', exhibit.to],
    ['Cc', exhibit.cc],
    ['Date', formatDate(exhibit.date, true)],
    ['Subject', exhibit.subject ?? exhibit.title],
  ];
  return (
    <dl className="email-header" aria-label="Message header">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

function Body({ exhibit, terms }: { exhibit: Exhibit; terms: readonly string[] }) {
  const text = useOriginalText(exhibit);
  if (text.state === 'loading') return <p className="muted">Reading the original…</p>;
  if (text.state === 'failed') return <p className="form-error">{text.message}</p>;
  if (!text.text) {
    return (
      <p className="preview-note">
        <Icon name={KIND_ICONS[exhibit.kind]} size={18} />
        {`No text could be read from this ${exhibit.kind === 'email' ? 'message' : 'file'}. The original (${formatBytes(exhibit.bytes)}, ${exhibit.mediaType}) is kept unchanged in the vault.`}
      </p>
    );
  }
  return <HighlightedText text={text.text} terms={terms} />;
}

function Attachments({ items }: { items: readonly Exhibit[] }) {
  const { openExhibit } = useWorkspace();
  return (
    <section className="attachments" aria-label="Attachments">
      <h3>
        <Icon name="clip" size={15} /> {items.length} {items.length === 1 ? 'attachment' : 'attachments'}
      </h3>
      <ul>
        {items.map((c) => (
          <li key={c.id}>
            <button type="button" className="attachment" onClick={() => openExhibit({ exhibitId: c.id })}>
              <Icon name={KIND_ICONS[c.kind]} size={16} />
              <span className="num attachment-number">{c.exhibitNo}</span>
              <span className="truncate">{c.title}</span>
              <span className="muted">
                {KIND_LABELS[c.kind]}
                {c.pages ? ` · ${c.pages} ${c.pages === 1 ? 'page' : 'pages'}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
