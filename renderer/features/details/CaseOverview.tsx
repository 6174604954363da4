// What the details panel shows with nothing selected: the case at a glance, each figure a way into the grid.
import { useMemo } from 'react';
import { EXHIBIT_KINDS, type ExhibitKind } from '../../../shared/model.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { KIND_ICONS, KIND_LABELS } from '../../components/format.ts';

interface CaseOverviewProps {
  onKind: (kind: ExhibitKind) => void;
  onTag: (tag: string) => void;
}

export function CaseOverview({ onKind, onTag }: CaseOverviewProps) {
  const { exhibits, tags, allegations } = useWorkspace();
  const facts = useMemo(() => {
    const byKind = new Map<ExhibitKind, number>();
    let pages = 0;
    let families = 0;
    for (const e of exhibits.list) {
      byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
      pages += e.pages ?? 0;
      if (e.parentId === null) families++;
    }
    return { byKind, pages, families };
  }, [exhibits.list]);
  const paragraphs = allegations?.paragraphs ?? [];
  const gaps = paragraphs.filter((p) => p.evidenceCount === 0).length;

  return (
    <div className="details-body overview">
      <header className="details-head">
        <div className="details-kicker">Case overview</div>
        <p className="muted">Select an exhibit to see its details, tags and history.</p>
      </header>
      <section className="details-section">
        <dl className="overview-stats">
          <div>
            <dt>Exhibits</dt>
            <dd className="num">{exhibits.list.length.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt>Pages</dt>
            <dd className="num">{facts.pages.toLocaleString('en-US')}</dd>
          </div>
          <div>
            <dt>Without evidence</dt>
            <dd className={`num${gaps > 0 ? ' gap' : ''}`}>
              {gaps}
              <span className="muted"> / {paragraphs.length} ¶</span>
            </dd>
          </div>
        </dl>
      </section>
      <section className="details-section">
        <h3>By kind</h3>
        <ul className="overview-list">
          {EXHIBIT_KINDS.filter((k) => facts.byKind.has(k)).map((k) => (
            <li key={k}>
              <button type="button" onClick={() => onKind(k)}>
                <Icon name={KIND_ICONS[k]} size={15} className={`kind-icon kind-${k}`} />
                <span>{KIND_LABELS[k]}</span>
                <span className="num muted">{facts.byKind.get(k)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {tags.length > 0 && (
        <section className="details-section">
          <h3>Tags</h3>
          <ul className="overview-list">
            {tags.map((t) => (
              <li key={t.id}>
                <button type="button" onClick={() => onTag(t.path)}>
                  <span className="tag-dot" style={t.color ? { background: t.color } : undefined} aria-hidden="true" />
                  <span>{t.path}</span>
                  <span className="num muted">{t.exhibitCount}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
