// The Chronology tab: the case's facts in date order (virtualized, so ten thousand scroll smoothly) under a zoomable
// time band that shows them with the dated exhibits, filtered by key, status, tag, paragraph and date; facts added,
// edited in place, linked to sources and paragraphs, proposed from exhibits, and exported as a report.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { FactFilters } from '../../../shared/api.ts';
import { FACT_STATUSES, FACT_STATUS_LABELS, type Fact, type FactSource, type FactStatus } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { plural } from '../../components/format.ts';
import { ChronologyExportDialog } from './ChronologyExportDialog.tsx';
import { FactRow, type FactEdit, type FactRowHandlers } from './FactRow.tsx';
import { FactSourcesDialog } from './FactSourcesDialog.tsx';
import { NewFactDialog } from './NewFactDialog.tsx';
import { TimeBand } from './TimeBand.tsx';
import { useFacts } from './use-facts.ts';

const ESTIMATED_ROW_HEIGHT = 78;
/** The band waits for the whole list: drawn from its first screenful it would fit a fraction of the chronology. */
const NO_FACTS: Fact[] = [];

interface ChronologyViewProps {
  /** Lets the shortcut put the keyboard on the list. */
  listRef?: RefObject<HTMLDivElement | null>;
  /** The number of facts shown, for the tab's count. */
  onCount?: (count: number) => void;
}

export function ChronologyView({ listRef, onCount }: ChronologyViewProps) {
  const { openExhibit, announce, tags, allegations, exhibits, touch } = useWorkspace();
  const [filters, setFilters] = useState<FactFilters>({});
  const { facts, loading, error, loadedFor, complete, reload } = useFacts(filters);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [proposing, setProposing] = useState(false);
  /** The fact the sources screen was opened on, as it was then: the screen stays bound to it. */
  const [linking, setLinking] = useState<Fact | null>(null);
  const [showBand, setShowBand] = useState(true);
  const ownRef = useRef<HTMLDivElement>(null);
  const scrollRef = listRef ?? ownRef;

  const proposals = useMemo(() => facts.filter((f) => f.proposed).length, [facts]);
  useEffect(() => {
    if (complete) onCount?.(facts.length - proposals);
  }, [complete, facts.length, proposals, onCount]);
  const indexOf = useMemo(() => new Map(facts.map((f, i) => [f.id, i])), [facts]);
  const activeIndex = activeId !== null ? indexOf.get(activeId) : undefined;

  const virtualizer = useVirtualizer({
    count: facts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => facts[i]?.id ?? i,
    initialRect: { width: 0, height: window.innerHeight },
  });

  // A fact chosen from the keyboard or on the band is scrolled into view; one pressed with the pointer is not, since
  // scrolling between the press and the release would move a cite from under the pointer and lose the click.
  const activeRef = useRef(activeId);
  activeRef.current = activeId;
  const pressed = useRef(false);
  useEffect(() => {
    if (activeIndex === undefined) return;
    if (pressed.current) pressed.current = false;
    else virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const openSource = useCallback((s: FactSource) => openExhibit({ exhibitId: s.exhibitId, page: s.pageFrom }), [openExhibit]);
  const focusList = useCallback(() => requestAnimationFrame(() => scrollRef.current?.focus()), [scrollRef]);

  const handlers: FactRowHandlers = useMemo(
    () => ({
      onActivate: (id) => {
        if (activeRef.current === id) return;
        pressed.current = true;
        setActiveId(id);
      },
      onOpenSource: openSource,
      onLinks: setLinking,
      onEdit: (id) => {
        setActiveId(id);
        setEditingId(id);
      },
      onCancelEdit: () => {
        setEditingId(null);
        focusList();
      },
      async onSave(fact: Fact, draft: FactEdit) {
        // Only what changed is sent, with the values the edit began from, so it can never land on a changed fact.
        const began: FactEdit = { statement: fact.statement, date: fact.date.text, status: fact.status, key: fact.key };
        const edit: Partial<FactEdit> = {};
        for (const k of Object.keys(began) as (keyof FactEdit)[]) if (draft[k] !== began[k]) Object.assign(edit, { [k]: draft[k] });
        if (Object.keys(edit).length === 0) {
          setEditingId(null);
          focusList();
          return null;
        }
        try {
          await api.editFact({ id: fact.id, edit, expected: began });
          setEditingId(null);
          announce(`Saved the fact of ${fact.date.display || 'no date'}.`);
          await reload();
          focusList();
          return null;
        } catch (e) {
          return (e as Error).message;
        }
      },
      async onRemove(fact: Fact) {
        try {
          await api.removeFact({ id: fact.id });
          announce(`Removed the fact of ${fact.date.display || 'no date'}.`);
          await reload();
        } catch (e) {
          announce((e as Error).message);
        }
      },
      async onDecide(fact: Fact, accept: boolean) {
        try {
          await api.decideFacts({ ids: [fact.id], accept });
          announce(accept ? `Accepted the fact of ${fact.date.display || 'no date'}.` : 'Rejected the proposed fact.');
          await reload();
        } catch (e) {
          announce((e as Error).message);
        }
      },
    }),
    [openSource, focusList, announce, reload],
  );

  async function propose() {
    setProposing(true);
    try {
      const { proposed, skipped } = await api.proposeFacts({});
      announce(`Proposed ${plural(proposed.length, 'fact')} from the exhibits' dates${skipped.length ? `; ${skipped.length} skipped` : ''}.`);
      await reload();
    } catch (e) {
      announce((e as Error).message);
    } finally {
      setProposing(false);
    }
  }

  async function decideAll(accept: boolean) {
    try {
      const { changed } = await api.decideFacts({ ids: 'all', accept });
      announce(`${accept ? 'Accepted' : 'Rejected'} ${plural(changed, 'proposed fact')}.`);
      await reload();
    } catch (e) {
      announce((e as Error).message);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget || facts.length === 0) return;
    const at = activeIndex ?? -1;
    const go = (i: number) => setActiveId(facts[Math.max(0, Math.min(facts.length - 1, i))]!.id);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ESTIMATED_ROW_HEIGHT) - 1);
    const fact = activeIndex !== undefined ? facts[activeIndex] : undefined;
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(at + 1),
      ArrowUp: () => go(at <= 0 ? 0 : at - 1),
      PageDown: () => go(at + page),
      PageUp: () => go(at - page),
      Home: () => go(0),
      End: () => go(facts.length - 1),
      Enter: () => {
        const source = fact?.sources[0];
        if (source) openSource(source);
        else if (fact) announce('No exhibit shows this fact yet.');
      },
      F2: () => fact && !fact.proposed && setEditingId(fact.id),
      l: () => fact && !fact.proposed && setLinking(fact),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    action();
  }

  const set = <K extends keyof FactFilters>(k: K, v: FactFilters[K] | undefined) =>
    setFilters((f) => {
      const next = { ...f };
      if (v === undefined) delete next[k];
      else next[k] = v;
      return next;
    });

  return (
    <div className="chronology-view">
      <div className="chronology-toolbar">
        <button type="button" className="button small" onClick={() => setAdding(true)}>
          <Icon name="plus" size={14} /> New fact
        </button>
        <button type="button" className="button small" disabled={proposing} onClick={() => void propose()}>
          {proposing ? 'Proposing…' : 'Propose from exhibits'}
        </button>
        <button type="button" className="button small" onClick={() => setExporting(true)}>
          <Icon name="export" size={14} /> Export chronology…
        </button>
        <button type="button" className="button small chronology-band-toggle" aria-pressed={showBand} onClick={() => setShowBand((v) => !v)}>
          Timeline
        </button>
      </div>
      <search className="filter-bar chronology-filters" aria-label="Filter facts">
        <span className="filter-toggles">
          <label className="filter">
            <input type="checkbox" checked={filters.key === true} onChange={(e) => set('key', e.target.checked ? true : undefined)} />
            Key facts only
          </label>
          <label className="filter">
            <input type="checkbox" checked={filters.unsourced === true} onChange={(e) => set('unsourced', e.target.checked ? true : undefined)} />
            No source
          </label>
        </span>
        <label className="filter">
          <span className="visually-hidden">Status</span>
          <select aria-label="Status" value={filters.status ?? ''} onChange={(e) => set('status', (e.target.value || undefined) as FactStatus | undefined)}>
            <option value="">Any status</option>
            {FACT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {FACT_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="visually-hidden">Tag</span>
          <select aria-label="Tag" value={filters.tag ?? ''} onChange={(e) => set('tag', e.target.value || undefined)}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t.id} value={t.path}>
                {t.path}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="visually-hidden">Paragraph</span>
          <select aria-label="Paragraph" value={filters.paragraph ?? ''} onChange={(e) => set('paragraph', e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">Any ¶</option>
            {(allegations?.paragraphs ?? []).map((p) => (
              <option key={p.id} value={p.number}>
                ¶ {p.number}
              </option>
            ))}
          </select>
        </label>
        <span className="filter date-range">
          <label className="filter">
            From
            <input type="date" aria-label="From date" value={filters.dateFrom ?? ''} onChange={(e) => set('dateFrom', e.target.value || undefined)} />
          </label>
          <label className="filter">
            to
            <input type="date" aria-label="To date" value={filters.dateTo ?? ''} onChange={(e) => set('dateTo', e.target.value || undefined)} />
          </label>
        </span>
        {Object.keys(filters).length > 0 && (
          <button type="button" className="text-button" onClick={() => setFilters({})}>
            Clear
          </button>
        )}
      </search>
      {proposals > 0 && (
        <div className="proposal-bar" role="region" aria-label="Proposed facts">
          <span>
            {plural(proposals, 'proposed fact')} from the exhibits’ dates, shown dashed below.
          </span>
          <button type="button" className="button small primary" onClick={() => void decideAll(true)}>
            Accept all
          </button>
          <button type="button" className="button small" onClick={() => void decideAll(false)}>
            Reject all
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="form-error chronology-error">
          {error}
        </p>
      )}
      {showBand && (
        <TimeBand
          facts={complete ? facts : NO_FACTS}
          loading={!complete}
          exhibits={exhibits.list}
          selectedId={activeId}
          onSelectFact={setActiveId}
          onOpenExhibit={(id) => openExhibit({ exhibitId: id })}
          fitKey={loadedFor ?? ''}
        />
      )}
      <div
        ref={scrollRef}
        className="fact-list"
        role="feed"
        aria-label="Facts"
        aria-busy={loading}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (e.target === e.currentTarget && activeId === null && facts[0]) setActiveId(facts[0].id);
        }}
      >
        {facts.length === 0 && !loading ? (
          <div className="pane-empty centered">
            {Object.keys(filters).length > 0 ? 'No fact matches these filters.' : 'No facts yet. Add one, make one from a highlighted passage, or propose them from the exhibits’ dates.'}
          </div>
        ) : (
          <div className="fact-list-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const fact = facts[item.index]!;
              return (
                <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="fact-slot" style={{ transform: `translateY(${item.start}px)` }}>
                  <FactRow fact={fact} position={item.index + 1} total={facts.length} active={fact.id === activeId} editing={fact.id === editingId} handlers={handlers} />
                </div>
              );
            })}
          </div>
        )}
      </div>
      <NewFactDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(fact) => {
          setAdding(false);
          announce(`Added the fact of ${fact.date.display || 'no date'}.`);
          void reload().then(() => {
            setActiveId(fact.id);
            focusList();
          });
        }}
      />
      <ChronologyExportDialog open={exporting} filters={filters} onClose={() => setExporting(false)} />
      <FactSourcesDialog
        fact={linking}
        onClose={() => {
          setLinking(null);
          focusList();
        }}
        onChanged={touch}
      />
    </div>
  );
}
