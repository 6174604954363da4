// The details of the exhibit in hand: every metadata field (editable where it may change), tags, what it is
// linked to, the production it was received in and whether it is withheld from productions, its highlights and
// redactions, the file it came from with its SHA-256, and its audit history. With several exhibits selected, what
// can be done to all of them at once.
import { useEffect, useState, type RefObject } from 'react';
import type { ExhibitDetails } from '../../../shared/api.ts';
import { CONFIDENTIALITY, type Confidentiality, type Exhibit, type ExhibitKind } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { formatBytes, formatDate, KIND_ICONS, KIND_LABELS, STANCE_LABELS, warningsNow } from '../../components/format.ts';
import { bindEdit, useSaveField } from '../exhibits/use-save-exhibit.ts';
import { RedactionList } from '../redaction/RedactionList.tsx';
import { CaseOverview } from './CaseOverview.tsx';
import { DetailField } from './DetailField.tsx';
import { History } from './History.tsx';
import { TagEditor } from './TagEditor.tsx';
import { WithheldControl } from './WithheldControl.tsx';
import { TrialControl } from '../trial/TrialControl.tsx';
import { Designations } from './Designations.tsx';

const CONFIDENTIALITY_LABELS: Record<Confidentiality, string> = {
  none: 'Not confidential',
  confidential: 'Confidential',
  highly_confidential_aeo: 'Highly confidential – AEO',
};

interface DetailsPanelProps {
  exhibitIds: readonly number[];
  tagInputRef: RefObject<HTMLInputElement | null>;
  onLink: (exhibitNos: string[]) => void;
  onSelectParagraph: (n: number) => void;
  onKind: (kind: ExhibitKind) => void;
  onTag: (tag: string) => void;
}

export function DetailsPanel({ exhibitIds, tagInputRef, onLink, onSelectParagraph, onKind, onTag }: DetailsPanelProps) {
  const { exhibits } = useWorkspace();
  const chosen = exhibitIds.map((id) => exhibits.byId.get(id)).filter((e): e is Exhibit => e !== undefined);
  return (
    <aside className="details" aria-label="Details">
      {chosen.length === 0 && <CaseOverview onKind={onKind} onTag={onTag} />}
      {chosen.length === 1 && <OneExhibit key={chosen[0]!.id} exhibit={chosen[0]!} tagInputRef={tagInputRef} onLink={onLink} onSelectParagraph={onSelectParagraph} />}
      {chosen.length > 1 && <SeveralExhibits exhibits={chosen} tagInputRef={tagInputRef} onLink={onLink} />}
    </aside>
  );
}

function SeveralExhibits({ exhibits, tagInputRef, onLink }: { exhibits: Exhibit[]; tagInputRef: DetailsPanelProps['tagInputRef']; onLink: DetailsPanelProps['onLink'] }) {
  const { findAndRedact } = useWorkspace();
  return (
    <div className="details-body">
      <header className="details-head">
        <h2>{exhibits.length.toLocaleString('en-US')} exhibits selected</h2>
        <p className="muted num">
          {exhibits
            .slice(0, 12)
            .map((e) => e.exhibitNo)
            .join(', ')}
          {exhibits.length > 12 ? ', …' : ''}
        </p>
      </header>
      <section className="details-section">
        <h3>Tags shared by all</h3>
        <TagEditor key={exhibits.map((e) => e.id).join(',')} exhibits={exhibits} inputRef={tagInputRef} />
      </section>
      <section className="details-section">
        <button type="button" className="button" onClick={() => onLink(exhibits.map((e) => e.exhibitNo))}>
          <Icon name="link" size={15} />
          Link to paragraph…
        </button>
        <button type="button" className="button" onClick={() => findAndRedact(exhibits.map((e) => e.id))}>
          <Icon name="shield" size={15} />
          Find and redact…
        </button>
      </section>
    </div>
  );
}

function OneExhibit({ exhibit, tagInputRef, onLink, onSelectParagraph }: { exhibit: Exhibit } & Pick<DetailsPanelProps, 'tagInputRef' | 'onLink' | 'onSelectParagraph'>) {
  const { revision, openExhibit } = useWorkspace();
  const save = useSaveField();
  const [details, setDetails] = useState<ExhibitDetails | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let live = true;
    void api.getExhibit({ exhibit: exhibit.exhibitNo }).then((d) => live && setDetails(d));
    return () => {
      live = false;
    };
  }, [exhibit.exhibitNo, revision]);

  const current = details?.exhibit.id === exhibit.id ? details : null;
  const isEmail = exhibit.kind === 'email';
  return (
    <div className="details-body">
      <header className="details-head">
        <div className="details-kicker">
          <Icon name={KIND_ICONS[exhibit.kind]} size={15} className={`kind-icon kind-${exhibit.kind}`} />
          <span>{KIND_LABELS[exhibit.kind]}</span>
          {exhibit.confidentiality !== 'none' && <span className="badge warn">{CONFIDENTIALITY_LABELS[exhibit.confidentiality]}</span>}
        </div>
        <h2>
          <span className="num">{exhibit.exhibitNo}</span>
        </h2>
        <p className="details-title">{exhibit.title}</p>
        <div className="details-actions">
          <button type="button" className="button primary small" onClick={() => openExhibit({ exhibitId: exhibit.id })}>
            Open
          </button>
          <button type="button" className="button small" onClick={() => onLink([exhibit.exhibitNo])}>
            <Icon name="link" size={14} />
            Link…
          </button>
        </div>
      </header>

      <section className="details-section" aria-label="Metadata">
        <h3>Metadata</h3>
        <DetailField key={`exhibitNo-${exhibit.id}`} exhibit={exhibit} field="exhibitNo" />
        <DetailField key={`title-${exhibit.id}`} exhibit={exhibit} field="title" />
        <DetailField key={`date-${exhibit.id}`} exhibit={exhibit} field="date" />
        {!isEmail && <DetailField key={`author-${exhibit.id}`} exhibit={exhibit} field="author" />}
        {(isEmail || exhibit.from) && <DetailField key={`from-${exhibit.id}`} exhibit={exhibit} field="from" />}
        {(isEmail || exhibit.to) && <DetailField key={`to-${exhibit.id}`} exhibit={exhibit} field="to" />}
        {(isEmail || exhibit.cc) && <DetailField key={`cc-${exhibit.id}`} exhibit={exhibit} field="cc" />}
        {(isEmail || exhibit.subject) && <DetailField key={`subject-${exhibit.id}`} exhibit={exhibit} field="subject" />}
        <DetailField key={`description-${exhibit.id}`} exhibit={exhibit} field="description" />
        <div className="detail-field">
          <label htmlFor={`conf-${exhibit.id}`}>Confidentiality</label>
          <select
            id={`conf-${exhibit.id}`}
            value={exhibit.confidentiality}
            onChange={(e) => void save(bindEdit(exhibit, 'confidentiality'), e.target.value)}
          >
            {CONFIDENTIALITY.map((c) => (
              <option key={c} value={c}>
                {CONFIDENTIALITY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section className="details-section">
        <h3>Tags</h3>
        <TagEditor key={exhibit.id} exhibits={[exhibit]} inputRef={tagInputRef} />
      </section>

      <section className="details-section" aria-label="Numbers">
        <h3>Numbers</h3>
        <Designations exhibit={exhibit} designations={current?.designations} />
      </section>

      <section className="details-section" aria-label="Trial">
        <h3>Trial</h3>
        <TrialControl exhibit={exhibit} marks={current?.trialMarks} designations={current?.designations} />
      </section>

      <section className="details-section" aria-label="Productions">
        <h3>Productions</h3>
        {current?.production && (
          <p className="production-source">
            Received in production: <span className="num">{current.production.begBates}–{current.production.endBates}</span>, volume{' '}
            <span className="num">{current.production.volume}</span>
            {current.production.producingParty ? `, produced by ${current.production.producingParty}` : ''}
          </p>
        )}
        <WithheldControl exhibit={exhibit} withheld={current ? current.withheld : undefined} />
      </section>

      {current && current.evidence.length > 0 && (
        <section className="details-section">
          <h3>Linked to</h3>
          <ul className="link-list">
            {current.evidence.map((l) => (
              <li key={l.id}>
                <button type="button" className="text-button" onClick={() => onSelectParagraph(l.paragraphNo)}>
                  ¶ {l.paragraphNo}
                </button>
                <span className="num">{l.cite}</span>
                <span className={`stance stance-${l.stance}`}>{STANCE_LABELS[l.stance]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {current && current.annotations.length > 0 && (
        <section className="details-section">
          <h3>Highlights</h3>
          <ul className="highlight-list">
            {current.annotations.map((a) => (
              <li key={a.id}>
                <button type="button" className="highlight-item" onClick={() => openExhibit({ exhibitId: exhibit.id, page: a.page })}>
                  <span className="swatch-dot" style={{ background: a.color }} aria-hidden="true" />
                  <span className="num muted">p. {a.page}</span>
                  <span className="highlight-quote">{a.quote ?? 'Highlight'}</span>
                </button>
                {a.note && <p className="highlight-note">{a.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {current && (exhibit.pages !== null || current.redactions.length > 0) && (
        <section className="details-section" aria-label="Redactions">
          <h3>
            <Icon name="shield" size={14} /> Redactions
            {current.redactions.length > 0 && <span className="num">({current.redactions.length})</span>}
          </h3>
          <RedactionList exhibit={exhibit} redactions={current.redactions} />
        </section>
      )}

      <section className="details-section" aria-label="Original file">
        <h3>Original</h3>
        <dl className="facts">
          <dt>File</dt>
          <dd className="break" title={exhibit.sourcePath}>
            {exhibit.sourceName}
          </dd>
          <dt>Type</dt>
          <dd>{exhibit.mediaType}</dd>
          <dt>Size</dt>
          <dd>{formatBytes(exhibit.bytes)}</dd>
          {exhibit.pages !== null && (
            <>
              <dt>Pages</dt>
              <dd className="num">
                {exhibit.pages}
                {exhibit.kind === 'pdf' && !exhibit.textLayer ? (exhibit.ocr ? ' (scanned; read by OCR)' : ' (scanned; not yet read by OCR)') : ''}
              </dd>
            </>
          )}
          {exhibit.encrypted && (
            <>
              <dt>Protection</dt>
              <dd>Password-protected</dd>
            </>
          )}
          <dt>Imported</dt>
          <dd>{formatDate(exhibit.importedAt, true)}</dd>
          {current && current.unreadablePages.length > 0 && (
            <>
              <dt>Not read by OCR</dt>
              <dd className="warn-text">
                {current.unreadablePages.map((u) => `p. ${u.page}: ${u.reason}`).join(' ')} (exhibit-desk ocr --retry tries again)
              </dd>
            </>
          )}
          {exhibit.warnings.length > 0 && (
            <>
              <dt>Warnings</dt>
              <dd className="warn-text">{warningsNow(exhibit).join(' ')}</dd>
            </>
          )}
        </dl>
        <div className="sha">
          <div className="sha-head">
            <span>SHA-256</span>
            <button
              type="button"
              className="text-button"
              onClick={() => {
                void navigator.clipboard?.writeText(exhibit.sha256).then(() => setCopied(true));
                window.setTimeout(() => setCopied(false), 1500);
              }}
            >
              <Icon name={copied ? 'check' : 'copy'} size={13} />
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
          <code className="mono sha-value" aria-label="SHA-256">
            {exhibit.sha256}
          </code>
        </div>
      </section>

      <section className="details-section">
        <h3>
          <Icon name="history" size={14} /> History
        </h3>
        {current ? <History entries={current.history} /> : <p className="muted">…</p>}
      </section>
    </div>
  );
}
