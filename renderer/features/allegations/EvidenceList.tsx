// The evidence linked to one paragraph, with pinpoint cites ("PX-012 at 3") that open the exhibit at that page.
import { useEffect, useState } from 'react';
import type { EvidenceLink, Paragraph } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { STANCE_LABELS } from '../../components/format.ts';


interface EvidenceListProps {
  paragraph: Paragraph;
  onShowInGrid: () => void;
  onClose: () => void;
}

export function EvidenceList({ paragraph, onShowInGrid, onClose }: EvidenceListProps) {
  const { openExhibit, allegations, reloadAllegations, announce, touch } = useWorkspace();
  const [links, setLinks] = useState<EvidenceLink[] | null>(null);

  useEffect(() => {
    let live = true;
    void api.evidenceForParagraph({ paragraph: paragraph.number }).then((l) => live && setLinks(l));
    return () => {
      live = false;
    };
  }, [paragraph.number, allegations]);

  async function unlink(link: EvidenceLink) {
    await api.unlinkEvidence({ linkId: link.id });
    announce(`Removed ${link.cite} from ¶ ${paragraph.number}.`);
    await reloadAllegations();
    touch();
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
        {links === null ? null : links.length === 0 ? (
          <p className="no-evidence-note">
            <Icon name="alert" size={15} /> No evidence yet. Drag exhibits here from the grid, or highlight a passage in the viewer.
          </p>
        ) : (
          <ol className="evidence-items" aria-label="Linked evidence">
            {links.map((l) => (
              <li key={l.id} className={`evidence-item evidence-${l.stance}`}>
                <div className="evidence-line">
                  <button type="button" className="cite" onClick={() => openExhibit({ exhibitId: l.exhibitId, page: l.pageFrom })}>
                    {l.cite}
                  </button>
                  <span className={`stance stance-${l.stance}`}>{STANCE_LABELS[l.stance]}</span>
                  <button type="button" className="icon-button small unlink" aria-label={`Remove link ${l.cite}`} onClick={() => void unlink(l)}>
                    <Icon name="close" size={13} />
                  </button>
                </div>
                {l.quote && <blockquote>“{l.quote}”</blockquote>}
                {l.note && <p className="evidence-note">{l.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
