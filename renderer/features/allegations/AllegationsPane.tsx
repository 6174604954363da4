// The complaint beside the exhibits: causes of action and their paragraphs, each with how much evidence is linked
// (the gaps marked), exhibits dropped on a paragraph linked to it, and the chosen paragraph's evidence below.
import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useWorkspace } from '../../app/workspace.tsx';
import { carriesExhibits, readDraggedExhibits } from '../../components/drag-exhibits.ts';
import { Icon } from '../../components/Icon.tsx';
import { groupParagraphs } from './allegation-groups.ts';
import { ComplaintDialog } from './ComplaintDialog.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { useLinkExhibits } from './use-link-exhibits.ts';

interface AllegationsPaneProps {
  selected: number | null;
  onSelect: (paragraph: number | null) => void;
  onShowInGrid: (paragraph: number) => void;
}

export function AllegationsPane({ selected, onSelect, onShowInGrid }: AllegationsPaneProps) {
  const { allegations } = useWorkspace();
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const link = useLinkExhibits();

  const groups = useMemo(() => (allegations ? groupParagraphs(allegations, onlyGaps) : []), [allegations, onlyGaps]);
  const total = allegations?.paragraphs.length ?? 0;
  const supported = allegations?.paragraphs.filter((p) => p.evidenceCount > 0).length ?? 0;
  // Paragraphs marked as needing no evidence are not gaps.
  const needNone = allegations?.paragraphs.filter((p) => p.evidenceCount === 0 && p.noEvidenceReason).length ?? 0;
  const gaps = total - supported - needNone;
  const paragraph = allegations?.paragraphs.find((p) => p.number === selected) ?? null;
  const visible = groups.flatMap((g) => (collapsed.has(g.key) ? [] : g.paragraphs));
  // One tab stop for the whole list: the chosen paragraph, else the first; arrows move between paragraphs.
  const tabStop = visible.some((p) => p.number === selected) ? selected : (visible[0]?.number ?? null);

  function onListKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const buttons = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button.paragraph'));
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key] ?? at;
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
  }

  const dropHandlers = (n: number) => ({
    onDragOver(e: DragEvent) {
      if (!carriesExhibits(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'link';
      setDropTarget(n);
    },
    onDragLeave() {
      setDropTarget((t) => (t === n ? null : t));
    },
    onDrop(e: DragEvent) {
      if (!carriesExhibits(e.dataTransfer)) return;
      e.preventDefault();
      setDropTarget(null);
      const exhibits = readDraggedExhibits(e.dataTransfer);
      if (exhibits.length > 0) void link({ exhibits, paragraph: n });
    },
  });

  return (
    <nav className="allegations" aria-label="Allegations">
      <header className="pane-header">
        <h2>Allegations</h2>
        {total > 0 && (
          <span className="pane-actions">
            <button type="button" className="chip-toggle" aria-pressed={onlyGaps} onClick={() => setOnlyGaps(!onlyGaps)}>
              Gaps only
            </button>
            <button type="button" className="icon-button small" aria-label="Import complaint…" title="Import complaint…" onClick={() => setImporting(true)}>
              <Icon name="complaintIn" size={14} />
            </button>
          </span>
        )}
      </header>
      {total > 0 && (
        <div className="coverage">
          <div className="coverage-bar" aria-hidden="true">
            <div style={{ width: `${(supported / total) * 100}%` }} />
            <div className="coverage-none" style={{ width: `${(needNone / total) * 100}%` }} />
          </div>
          <p className="muted">
            <strong>{supported}</strong> of {total} paragraphs have evidence · <strong>{gaps}</strong> without
            {needNone > 0 && <> · {needNone} need none</>}
          </p>
        </div>
      )}
      <div className="paragraph-list" onKeyDown={onListKeyDown}>
        {allegations && total === 0 && (
          <div className="pane-empty">
            <p>No complaint yet. Import it to see its numbered paragraphs and causes of action here, and which of them still lack evidence.</p>
            <button type="button" className="button small" onClick={() => setImporting(true)}>
              Import complaint…
            </button>
          </div>
        )}
        {groups.map((g) => {
          const open = !collapsed.has(g.key);
          return (
            <section key={g.key} className="paragraph-group" aria-label={g.label ? `${g.label}: ${g.title}` : g.title}>
              <h3>
                <button
                  type="button"
                  className="group-toggle"
                  aria-expanded={open}
                  onClick={() =>
                    setCollapsed((prev) => {
                      const next = new Set(prev);
                      if (next.has(g.key)) next.delete(g.key);
                      else next.add(g.key);
                      return next;
                    })
                  }
                >
                  <Icon name={open ? 'chevronDown' : 'chevronRight'} size={13} />
                  {g.label && <span className="count-label">{g.label}</span>}
                  <span className="truncate" title={g.title}>
                    {g.title}
                  </span>
                </button>
              </h3>
              {open && (
                <ul>
                  {g.paragraphs.map((p) => (
                    <li key={p.id}>
                      <button
                        type="button"
                        className={`paragraph${p.number === selected ? ' current' : ''}${dropTarget === p.number ? ' drop-target' : ''}`}
                        aria-current={p.number === selected ? 'true' : undefined}
                        tabIndex={p.number === tabStop ? 0 : -1}
                        aria-label={`¶ ${p.number}: ${p.text} ${p.evidenceCount > 0 ? `${p.evidenceCount} linked` : p.noEvidenceReason ? 'Not needed' : 'No evidence'}`}
                        onClick={() => onSelect(p.number === selected ? null : p.number)}
                        {...dropHandlers(p.number)}
                      >
                        {/* The spaces between the parts (a grid lays them out without them) keep the words apart for the
                            accessibility tree, so the label says what the button shows. */}
                        <span className="paragraph-number num">¶ {p.number}</span>{' '}
                        <span className="paragraph-text">{p.text}</span>{' '}
                        {p.evidenceCount > 0 ? (
                          <span className="evidence-count num" title={`${p.evidenceCount} linked`}>
                            {p.evidenceCount}
                          </span>
                        ) : p.noEvidenceReason ? (
                          <span className="not-needed" title={`No evidence needed: ${p.noEvidenceReason}`}>
                            Not needed
                          </span>
                        ) : (
                          <span className="no-evidence">No evidence</span>
                        )}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <ComplaintDialog open={importing} onClose={() => setImporting(false)} />
      {paragraph && <EvidenceList paragraph={paragraph} onShowInGrid={() => onShowInGrid(paragraph.number)} onClose={() => onSelect(null)} />}
    </nav>
  );
}
