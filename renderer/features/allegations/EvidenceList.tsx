// The evidence linked to one paragraph, with pinpoint cites ("PX-012 at 3") that open the exhibit at that page and the
// passage each quotes; a link is removed only once confirmed, and can be put back (Undo). A paragraph with nothing to
// prove (jurisdiction, "realleges the above") is marked as needing no evidence, with the reason, and is no longer a gap.
import { useEffect, useRef, useState } from 'react';
import type { EvidenceLink, Paragraph } from '../../../shared/model.ts';
import { idRef } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { STANCE_LABELS } from '../../components/format.ts';
import { showUndo } from '../../components/UndoToast.tsx';
import { authorArg } from '../notes/author.ts';
import { NoEvidenceForm } from './NoEvidenceForm.tsx';

interface EvidenceListProps {
  paragraph: Paragraph;
  onShowInGrid: () => void;
  onClose: () => void;
}

const short = (quote: string) => (quote.length > 50 ? `${quote.slice(0, 49)}…` : quote);

export function EvidenceList({ paragraph, onShowInGrid, onClose }: EvidenceListProps) {
  const { openExhibit, allegations, reloadAllegations, announce, touch } = useWorkspace();
  const [links, setLinks] = useState<EvidenceLink[] | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [marking, setMarking] = useState(false);

  useEffect(() => {
    let live = true;
    void api.evidenceForParagraph({ paragraph: paragraph.number }).then((l) => live && setLinks(l));
    return () => {
      live = false;
    };
  }, [paragraph.number, allegations]);

  async function unlink(link: EvidenceLink) {
    setConfirming(null);
    try {
      await api.unlinkEvidence({ linkId: link.id });
    } catch (e) {
      return announce((e as Error).message);
    }
    announce(`Removed ${link.cite} from ¶ ${paragraph.number}.`);
    showUndo(`Link ${link.cite} removed from ¶ ${paragraph.number}`, async () => {
      try {
        // Made again as it was (a new link, the same exhibit, pages, passage, stance and note).
        await api.linkEvidence({
          exhibit: idRef(link.exhibitId),
          paragraph: link.paragraphNo,
          pageFrom: link.pageFrom ?? undefined,
          pageTo: link.pageTo ?? undefined,
          quote: link.quote ?? undefined,
          stance: link.stance,
          note: link.note ?? undefined,
          annotationId: link.annotationId ?? undefined,
        });
        announce(`Linked ${link.cite} to ¶ ${link.paragraphNo} again.`);
      } catch (e) {
        announce((e as Error).message);
      }
      await reloadAllegations();
      touch();
    });
    await reloadAllegations();
    touch();
  }

  async function needsEvidenceAgain() {
    try {
      await api.setNoEvidenceNeeded({ paragraph: paragraph.number, reason: null, ...authorArg() });
      announce(`¶ ${paragraph.number} needs evidence again.`);
      await reloadAllegations();
    } catch (e) {
      announce((e as Error).message);
    }
  }

  return (
    <section className="evidence" aria-label={`Evidence for paragraph ${paragraph.number}`}>
      <header className="evidence-header">
        <h3>¶ {paragraph.number}</h3>
        <button type="button" className="text-button" onClick={onShowInGrid}>
          Show in grid
        </button>
        <button type="button" className="icon-button small" aria-label="Close evidence" onClick={onClose}>
          <Icon name="close" size={14} />
        </button>
      </header>
      <div className="evidence-body">
        <p className="paragraph-full">{paragraph.text}</p>
        {paragraph.noEvidenceReason ? (
          <p className="no-evidence-needed">
            <Icon name="check" size={15} />
            <span>
              No evidence needed: <strong>{paragraph.noEvidenceReason}</strong>
            </span>
            <button type="button" className="text-button" onClick={() => void needsEvidenceAgain()}>
              Needs evidence
            </button>
          </p>
        ) : marking ? (
          <NoEvidenceForm paragraph={paragraph} onDone={() => setMarking(false)} />
        ) : (
          links !== null &&
          !links.some((l) => l.stance === 'supports') && (
            <button type="button" className="text-button mark-no-evidence" onClick={() => setMarking(true)}>
              Mark as needing no evidence…
            </button>
          )
        )}
        {links === null ? null : links.length === 0 ? (
          !paragraph.noEvidenceReason && (
            <p className="no-evidence-note">
              <Icon name="alert" size={15} /> No evidence yet. Drag exhibits here from the grid, or highlight a passage in the viewer.
            </p>
          )
        ) : (
          <ol className="evidence-items" aria-label="Linked evidence">
            {links.map((l) => (
              <li key={l.id} className={`evidence-item evidence-${l.stance}`}>
                <div className="evidence-line">
                  <button type="button" className="cite" onClick={() => openExhibit({ exhibitId: l.exhibitId, page: l.pageFrom })}>
                    {l.cite}
                  </button>
                  <span className={`stance stance-${l.stance}`}>{STANCE_LABELS[l.stance]}</span>
                  {confirming !== l.id && (
                    <button
                      type="button"
                      className="icon-button small unlink"
                      aria-label={`Remove link ${l.cite}${l.quote ? ` “${short(l.quote)}”` : ''}`}
                      title="Remove this link…"
                      onClick={() => setConfirming(l.id)}
                    >
                      <Icon name="close" size={13} />
                    </button>
                  )}
                </div>
                {l.quote ? <blockquote>“{l.quote}”</blockquote> : <p className="evidence-whole muted">{l.pageFrom ? 'The cited pages' : 'The whole exhibit'}, no passage quoted</p>}
                {l.note && <p className="evidence-note">{l.note}</p>}
                {confirming === l.id && <ConfirmRemove cite={l.cite} paragraph={paragraph.number} onRemove={() => void unlink(l)} onKeep={() => setConfirming(null)} />}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function ConfirmRemove({ cite, paragraph, onRemove, onKeep }: { cite: string; paragraph: number; onRemove: () => void; onKeep: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="confirm-remove" role="group" aria-label={`Remove ${cite} from ¶ ${paragraph}?`}>
      <span>
        Remove {cite} from ¶ {paragraph}?
      </span>
      <button type="button" className="button small danger" onClick={onRemove}>
        Remove link
      </button>
      <button
        ref={keep}
        type="button"
        className="button small"
        onClick={onKeep}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onKeep();
          }
        }}
      >
        Keep
      </button>
    </div>
  );
}
