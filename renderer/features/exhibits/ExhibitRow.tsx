// One row of the exhibits grid: its checkbox, number (indented in its family), date, title, kind, pages, tags,
// description; text cut short by its column is shown whole in a tooltip.
import { memo, type DragEvent, type MouseEvent, type ReactNode } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { TagChip } from '../../components/TagChip.tsx';
import { formatDate, KIND_ICONS, KIND_LABELS, warningsNow } from '../../components/format.ts';
import { COLUMNS } from './columns.ts';
import { EditableCell } from './EditableCell.tsx';
import type { GridRow } from './exhibit-rows.ts';
import type { EditableField } from './use-save-exhibit.ts';

const MAX_CHIPS = 1;

export interface RowHandlers {
  onRowMouseDown: (id: number, e: MouseEvent) => void;
  onRowClick: (id: number, e: MouseEvent) => void;
  onCellClick: (id: number, field: EditableField | null, e: MouseEvent) => void;
  onRowDoubleClick: (id: number) => void;
  onToggle: (id: number) => void;
  /** The row's checkbox: adds or removes the exhibit (Shift: the range from the last one). */
  onCheck: (id: number, e: MouseEvent) => void;
  onDragStart: (id: number, e: DragEvent) => void;
  onEditDone: () => void;
  onEditMove: (id: number, from: EditableField, by: 1 | -1) => void;
  onPickTag: (tag: string) => void;
}

interface ExhibitRowProps {
  row: GridRow;
  index: number;
  top: number;
  selected: boolean;
  active: boolean;
  editing: EditableField | null;
  tagColours: ReadonlyMap<string, string | null>;
  handlers: RowHandlers;
}

export const ExhibitRow = memo(function ExhibitRow({ row, index, top, selected, active, editing, tagColours, handlers }: ExhibitRowProps) {
  const e = row.exhibit;
  const classes = ['grid-row', selected && 'selected', active && 'active', row.context && 'context', editing && 'editing']
    .filter(Boolean)
    .join(' ');

  const cell = (columnIndex: number, content: ReactNode, className = '') => {
    const column = COLUMNS[columnIndex]!;
    const field = column.edit ?? null;
    if (editing && field === editing) {
      return (
        <div role="gridcell" className={`grid-cell ${className}`} aria-colindex={columnIndex + 2}>
          <EditableCell exhibit={e} field={editing} onDone={handlers.onEditDone} onMove={(by) => handlers.onEditMove(e.id, editing, by)} />
        </div>
      );
    }
    return (
      <div
        role="gridcell"
        className={`grid-cell ${className}`}
        aria-colindex={columnIndex + 2}
        onClick={(ev) => handlers.onCellClick(e.id, field, ev)}
      >
        {content}
      </div>
    );
  };

  const extra = e.tags.length - MAX_CHIPS;
  return (
    <div
      role="row"
      id={`exhibit-row-${e.id}`}
      className={classes}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-expanded={row.childCount > 0 ? row.expanded : undefined}
      aria-level={row.depth + 1}
      style={{ transform: `translateY(${top}px)` }}
      draggable={!editing}
      onMouseDown={(ev) => handlers.onRowMouseDown(e.id, ev)}
      onClick={(ev) => handlers.onRowClick(e.id, ev)}
      onDoubleClick={() => handlers.onRowDoubleClick(e.id)}
      onDragStart={(ev) => handlers.onDragStart(e.id, ev)}
    >
      <div role="gridcell" className="grid-cell col-select" aria-colindex={1}>
        {/* Reached by pointer; the keyboard selects with Shift/Ctrl and Space on the grid itself. */}
        <input
          type="checkbox"
          className="row-check"
          tabIndex={-1}
          aria-label={`Select ${e.exhibitNo}`}
          checked={selected}
          onChange={() => {}}
          onMouseDown={(ev) => {
            // Kept off the row (which would select only this one) and off the focus, which stays with the grid.
            ev.preventDefault();
            ev.stopPropagation();
          }}
          onClick={(ev) => {
            ev.stopPropagation();
            handlers.onCheck(e.id, ev);
          }}
          onDoubleClick={(ev) => ev.stopPropagation()}
        />
      </div>
      {cell(
        0,
        <span className="cell-number" style={{ paddingLeft: row.depth * 18 }}>
          {row.childCount > 0 ? (
            <button
              type="button"
              tabIndex={-1}
              className="row-toggle"
              aria-label={`${row.expanded ? 'Hide' : 'Show'} ${row.childCount} attachment${row.childCount === 1 ? '' : 's'} of ${e.exhibitNo}`}
              onMouseDown={(ev) => ev.stopPropagation()}
              onClick={(ev) => {
                ev.stopPropagation();
                handlers.onToggle(e.id);
              }}
            >
              <Icon name={row.expanded ? 'chevronDown' : 'chevronRight'} size={14} />
            </button>
          ) : (
            <span className="row-toggle-space" />
          )}
          <span className="num truncate" title={e.exhibitNo}>
            {e.exhibitNo}
          </span>
        </span>,
        'col-number',
      )}
      {cell(1, <span className="num">{formatDate(e.date)}</span>, 'col-date')}
      {cell(
        2,
        <span className="cell-title" title={e.title}>
          <Icon name={KIND_ICONS[e.kind]} size={15} className={`kind-icon kind-${e.kind}`} />
          <span className="truncate">{e.title}</span>
          {e.designations && (
            <span className="cell-designations" title={e.designations.map((d) => d.cite).join('\n')}>
              {e.designations.map((d) => d.cite).join(' · ')}
            </span>
          )}
          {row.childCount > 0 && (
            <span className="attachment-count" title={`${row.childCount} attachment(s)`}>
              <Icon name="clip" size={12} />
              {row.childCount}
            </span>
          )}
          {e.warnings.length > 0 && (
            <span className="warning-dot" title={warningsNow(e).join('\n')}>
              <Icon name="alert" size={13} />
              <span className="visually-hidden">Import warning</span>
            </span>
          )}
        </span>,
        'col-title',
      )}
      {cell(
        3,
        <>
          {KIND_LABELS[e.kind]}
          {e.pages !== null && <span className="num"> · {e.pages} {e.pages === 1 ? 'p.' : 'pp.'}</span>}
        </>,
        'col-kind muted',
      )}
      {cell(
        4,
        <span className="cell-tags">
          {e.tags.slice(0, MAX_CHIPS).map((t) => (
            <TagChip key={t} path={t} colour={tagColours.get(t)} onPick={() => handlers.onPickTag(t)} pointerOnly />
          ))}
          {extra > 0 && (
            <span className="tag-more" title={e.tags.slice(MAX_CHIPS).join(', ')}>
              +{extra}
            </span>
          )}
        </span>,
        'col-tags',
      )}
      {cell(5, <span className="truncate" title={e.description ?? undefined}>{e.description}</span>, 'col-description muted')}
    </div>
  );
});
