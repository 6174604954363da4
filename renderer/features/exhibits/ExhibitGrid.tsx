// The exhibits grid: virtualized rows, sortable and resizable columns, multi-select by mouse, checkbox and keyboard,
// in-place editing, families that fold open (a treegrid: rows carry their level), and rows that drag onto a paragraph.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type DragEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { writeDraggedExhibits } from '../../components/drag-exhibits.ts';
import { COLUMNS } from './columns.ts';
import { ColumnResizer } from './ColumnResizer.tsx';
import { gridTemplate, rowWidth, useColumnWidths } from './column-widths.ts';
import type { GridRow, SortColumn, SortOrder } from './exhibit-rows.ts';
import { ExhibitRow, type RowHandlers } from './ExhibitRow.tsx';
import { extendTo, NO_SELECTION, selectAll, selectOnly, toggle, type Selection } from './selection.ts';
import type { EditableField } from './use-save-exhibit.ts';

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 34;
const EDIT_DELAY_MS = 450;

interface ExhibitGridProps {
  rows: GridRow[];
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  sort: SortOrder;
  onSortChange: (sort: SortOrder) => void;
  onToggleFamily: (id: number, open?: boolean) => void;
  onOpen: (id: number) => void;
  onPickTag: (tag: string) => void;
  tagColours: ReadonlyMap<string, string | null>;
  empty: ReactNode;
  /** Lets shortcuts put the keyboard back on the grid. */
  gridRef?: RefObject<HTMLDivElement | null>;
}

export function ExhibitGrid(props: ExhibitGridProps) {
  const { rows, selection, onSelectionChange, sort, onSortChange, onToggleFamily, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ id: number; field: EditableField } | null>(null);
  const { widths, resize } = useColumnWidths();
  const order = useMemo(() => rows.map((r) => r.exhibit.id), [rows]);
  const indexOf = useMemo(() => new Map(order.map((id, i) => [id, i])), [order]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => rows[i]?.exhibit.id ?? i,
    // Until the grid is measured: it is never taller than the window, and with rows from the first render the
    // page is laid out once with them rather than once without and again with.
    initialRect: { width: 0, height: window.innerHeight },
  });

  const activeIndex = selection.active !== null ? indexOf.get(selection.active) : undefined;
  useEffect(() => {
    if (activeIndex !== undefined) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  // A mouse-down on a row already in a multiple selection waits for the click, so that the selection can be dragged.
  const pendingSelectOnly = useRef<number | null>(null);
  // As in a file manager, clicking a cell of the exhibit already in hand edits it, unless a double-click (open) follows.
  const wasInHand = useRef<number | null>(null);
  const editTimer = useRef(0);
  useEffect(() => () => window.clearTimeout(editTimer.current), []);

  const handlers: RowHandlers = useMemo(
    () => ({
      onRowMouseDown(id, e) {
        if (e.button !== 0) return;
        const current = selectionRef.current;
        pendingSelectOnly.current = null;
        wasInHand.current = current.active === id && current.ids.size === 1 && !e.shiftKey && !e.ctrlKey && !e.metaKey ? id : null;
        if (e.shiftKey) {
          e.preventDefault();
          onSelectionChange(extendTo(current, order, id, e.ctrlKey || e.metaKey));
        } else if (e.ctrlKey || e.metaKey) {
          onSelectionChange(toggle(current, id));
        } else if (current.ids.has(id) && current.ids.size > 1) {
          pendingSelectOnly.current = id;
        } else {
          onSelectionChange(selectOnly(id));
        }
      },
      onRowClick(id) {
        if (pendingSelectOnly.current === id) onSelectionChange(selectOnly(id));
        pendingSelectOnly.current = null;
      },
      onCellClick(id, field, e) {
        window.clearTimeout(editTimer.current);
        if (field && wasInHand.current === id && e.detail === 1) editTimer.current = window.setTimeout(() => setEditing({ id, field }), EDIT_DELAY_MS);
      },
      onRowDoubleClick(id) {
        window.clearTimeout(editTimer.current);
        onOpen(id);
      },
      onToggle: (id) => onToggleFamily(id),
      onCheck(id, e) {
        pendingSelectOnly.current = null;
        const current = selectionRef.current;
        // A checkbox adds or removes one exhibit, keeping the rest; with Shift, the range from the last one checked.
        onSelectionChange(e.shiftKey ? extendTo(current, order, id, true) : toggle(current, id));
      },
      onDragStart(id, e: DragEvent) {
        pendingSelectOnly.current = null;
        let ids = selectionRef.current.ids;
        if (!ids.has(id)) {
          onSelectionChange(selectOnly(id));
          ids = new Set([id]);
        }
        const numbers = rows.filter((r) => ids.has(r.exhibit.id)).map((r) => r.exhibit.exhibitNo);
        writeDraggedExhibits(e.dataTransfer, numbers);
      },
      onEditDone() {
        setEditing(null);
        scrollRef.current?.focus();
      },
      onEditMove(id, from, by) {
        const fields = COLUMNS.flatMap((c) => (c.edit ? [c.edit] : []));
        const next = fields[(fields.indexOf(from) + by + fields.length) % fields.length]!;
        setEditing({ id, field: next });
      },
      onPickTag: props.onPickTag,
    }),
    [order, rows, onSelectionChange, onOpen, onToggleFamily, props.onPickTag],
  );

  const move = useCallback(
    (to: number, e: KeyboardEvent) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
      if (!target) return;
      const id = target.exhibit.id;
      if (e.shiftKey) onSelectionChange(extendTo(selection, order, id));
      else if (e.ctrlKey || e.metaKey) onSelectionChange({ ...selection, active: id });
      else onSelectionChange(selectOnly(id));
    },
    [rows, selection, order, onSelectionChange],
  );

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget) return;
    const at = activeIndex ?? -1;
    const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const row = activeIndex !== undefined ? rows[activeIndex] : undefined;
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    switch (e.key) {
      case 'ArrowDown':
        handled();
        return move(at + 1, e);
      case 'ArrowUp':
        handled();
        return move(at <= 0 ? 0 : at - 1, e);
      case 'PageDown':
        handled();
        return move(at + pageRows, e);
      case 'PageUp':
        handled();
        return move(at - pageRows, e);
      case 'Home':
        handled();
        return move(0, e);
      case 'End':
        handled();
        return move(rows.length - 1, e);
      case 'ArrowRight':
        if (!row || row.childCount === 0) return;
        handled();
        if (!row.expanded) onToggleFamily(row.exhibit.id, true);
        else move(at + 1, e);
        return;
      case 'ArrowLeft': {
        if (!row) return;
        handled();
        if (row.expanded) return onToggleFamily(row.exhibit.id, false);
        const parent = row.exhibit.parentId;
        if (parent !== null && indexOf.has(parent)) onSelectionChange(selectOnly(parent));
        return;
      }
      case ' ':
        if (!row) return;
        handled();
        onSelectionChange(e.ctrlKey || e.metaKey ? toggle(selection, row.exhibit.id) : selectOnly(row.exhibit.id));
        return;
      case 'Enter':
        if (!row) return;
        handled();
        onOpen(row.exhibit.id);
        return;
      case 'F2':
        if (!row) return;
        handled();
        setEditing({ id: row.exhibit.id, field: 'title' });
        return;
      case 'Escape':
        if (selection.ids.size > 1 && row) {
          handled();
          onSelectionChange(selectOnly(row.exhibit.id));
        }
        return;
      default:
        if ((e.key === 'a' || e.key === 'A') && (e.ctrlKey || e.metaKey)) {
          handled();
          onSelectionChange(selectAll(order, selection.active));
        }
    }
  }

  function sortBy(column: SortColumn) {
    onSortChange(sort.column === column ? { column, descending: !sort.descending } : { column, descending: false });
  }

  const items = virtualizer.getVirtualItems();
  const activeRendered = activeIndex !== undefined && items.some((i) => i.index === activeIndex);
  const allChecked = rows.length > 0 && selection.ids.size >= rows.length && rows.every((r) => selection.ids.has(r.exhibit.id));
  const someChecked = !allChecked && rows.some((r) => selection.ids.has(r.exhibit.id));
  const layout = { '--columns': gridTemplate(widths), '--row-width': `${rowWidth(widths)}px` } as CSSProperties;
  return (
    <div
      ref={(el) => {
        scrollRef.current = el;
        if (props.gridRef) props.gridRef.current = el;
      }}
      role="treegrid"
      aria-label="Exhibits"
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={activeRendered && selection.active !== null ? `exhibit-row-${selection.active}` : undefined}
      tabIndex={0}
      className="grid"
      style={layout}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row grid-header-row">
          <div role="columnheader" aria-colindex={1} className="grid-cell col-select">
            <input
              type="checkbox"
              className="row-check"
              aria-label="Select all exhibits shown"
              title="Select all exhibits shown"
              checked={allChecked}
              ref={(el) => {
                if (el) el.indeterminate = someChecked;
              }}
              onChange={() => onSelectionChange(allChecked ? NO_SELECTION : selectAll(order, selection.active))}
            />
          </div>
          {COLUMNS.map((c, i) => {
            const sorted = c.sort && sort.column === c.sort;
            return (
              <div
                key={c.id}
                role="columnheader"
                aria-colindex={i + 2}
                aria-sort={sorted ? (sort.descending ? 'descending' : 'ascending') : c.sort ? 'none' : undefined}
                className={`grid-cell col-${c.id}`}
              >
                {c.sort ? (
                  <button type="button" className="sort-button" onClick={() => sortBy(c.sort!)}>
                    {c.label}
                    {sorted && <Icon name={sort.descending ? 'chevronDown' : 'chevronUp'} size={13} />}
                  </button>
                ) : (
                  <span>{c.label}</span>
                )}
                <ColumnResizer label={c.label} onResize={(w) => resize(c.id, w)} />
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          const id = row.exhibit.id;
          return (
            <ExhibitRow
              key={id}
              row={row}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              selected={selection.ids.has(id)}
              active={selection.active === id}
              editing={editing?.id === id ? editing.field : null}
              tagColours={props.tagColours}
              handlers={handlers}
            />
          );
        })}
      </div>
      {rows.length === 0 && <div className="grid-empty">{props.empty}</div>}
    </div>
  );
}

