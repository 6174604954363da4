// The exhibits tab: the filter bar over the grid; owns sorting and which families are open.
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { labelKey } from '../../../shared/designation-key.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { ExhibitGrid } from './ExhibitGrid.tsx';
import { buildRows, NO_FILTER, type ExhibitFilter, type SortOrder } from './exhibit-rows.ts';
import { FilterBar, isChosen, NO_CHOICE, type FilterChoice } from './FilterBar.tsx';
import { keepShown, type Selection } from './selection.ts';

interface ExhibitsViewProps {
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  choice: FilterChoice;
  onChoiceChange: (choice: FilterChoice) => void;
  onImport: () => void;
  gridRef: RefObject<HTMLDivElement | null>;
}

export function ExhibitsView({ selection, onSelectionChange, choice, onChoiceChange, onImport, gridRef }: ExhibitsViewProps) {
  const { exhibits, tags, allegations, openExhibit, revision } = useWorkspace();
  const [sort, setSort] = useState<SortOrder>({ column: 'number', descending: false });
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [linked, setLinked] = useState<ExhibitFilter['linkedTo']>(null);

  useEffect(() => {
    if (choice.paragraph === null) return setLinked(null);
    const paragraph = choice.paragraph;
    let live = true;
    void api.evidenceForParagraph({ paragraph }).then((links) => {
      if (live) setLinked({ paragraph, exhibitIds: new Set(links.map((l) => l.exhibitId)) });
    });
    return () => {
      live = false;
    };
  }, [choice.paragraph, revision, allegations]);

  const filter: ExhibitFilter = useMemo(() => {
    if (!isChosen(choice)) return NO_FILTER;
    const linkedTo = choice.paragraph === null ? null : linked?.paragraph === choice.paragraph ? linked : { paragraph: choice.paragraph, exhibitIds: new Set<number>() };
    return { kind: choice.kind, tag: choice.tag, dateFrom: choice.dateFrom, dateTo: choice.dateTo, linkedTo, number: labelKey(choice.number) };
  }, [choice, linked]);

  // An attachment chosen elsewhere (a search hit, an email's attachment list) opens its family in the grid.
  useEffect(() => {
    const ancestors: number[] = [];
    for (let e = selection.active !== null ? exhibits.byId.get(selection.active) : undefined; e?.parentId != null; e = exhibits.byId.get(e.parentId)) {
      ancestors.push(e.parentId);
    }
    if (ancestors.some((id) => !expanded.has(id))) setExpanded((prev) => new Set([...prev, ...ancestors]));
  }, [selection.active, exhibits.byId, expanded]);

  const rows = useMemo(() => buildRows(exhibits.list, sort, filter, expanded), [exhibits.list, sort, filter, expanded]);
  const matching = useMemo(() => rows.filter((r) => !r.context).length, [rows]);

  useEffect(() => {
    const next = keepShown(selection, new Set(rows.map((r) => r.exhibit.id)));
    if (next !== selection) onSelectionChange(next);
    // Only a change of the rows shown can drop a selection; a selection change alone never needs this.
  }, [rows]);

  const toggleFamily = useCallback((id: number, open?: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const tagColours = useMemo(() => new Map(tags.map((t) => [t.path, t.color])), [tags]);
  const onPickTag = useCallback((tag: string) => onChoiceChange({ ...NO_CHOICE, tag }), [onChoiceChange]);
  const onOpen = useCallback((id: number) => openExhibit({ exhibitId: id }), [openExhibit]);

  return (
    <div className="exhibits-view">
      <FilterBar
        choice={choice}
        onChange={onChoiceChange}
        tags={tags}
        paragraphs={allegations?.paragraphs ?? []}
        shown={matching}
        total={exhibits.list.length}
        complete={exhibits.complete}
      />
      <ExhibitGrid
        rows={rows}
        selection={selection}
        onSelectionChange={onSelectionChange}
        sort={sort}
        onSortChange={setSort}
        onToggleFamily={toggleFamily}
        onOpen={onOpen}
        onPickTag={onPickTag}
        tagColours={tagColours}
        empty={<EmptyGrid onImport={onImport} onClear={() => onChoiceChange(NO_CHOICE)} />}
        gridRef={gridRef}
      />
    </div>
  );
}

/** What the grid says when it has no rows: why, and what to do. */
function EmptyGrid({ onImport, onClear }: { onImport: () => void; onClear: () => void }) {
  const { exhibits } = useWorkspace();
  if (exhibits.error) {
    return (
      <div className="empty-state">
        <h2>The exhibits could not be loaded</h2>
        <p>{exhibits.error}</p>
        <button type="button" className="button" onClick={() => void exhibits.reload()}>
          Try again
        </button>
      </div>
    );
  }
  if (exhibits.list.length === 0 && !exhibits.complete) return <p className="muted">Loading exhibits…</p>;
  if (exhibits.list.length === 0) {
    return (
      <div className="empty-state">
        <h2>No exhibits yet</h2>
        <p>Drop files or folders anywhere on this window, or choose Import… to add documents to the case.</p>
        <button type="button" className="button primary" onClick={onImport}>
          Import…
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state">
      <h2>No exhibits match these filters</h2>
      <button type="button" className="button" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
