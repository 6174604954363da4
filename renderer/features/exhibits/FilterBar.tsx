// The filters above the grid: kind, tag, date range and linked paragraph, with how many exhibits remain and a labelled
// way to clear them; on a narrow window the bar wraps onto a second line rather than cut anything off.
import { EXHIBIT_KINDS, type ExhibitKind, type Paragraph, type Tag } from '../../../shared/model.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatCount, KIND_LABELS } from '../../components/format.ts';
import { TagOptions } from '../../components/TagOptions.tsx';

export interface FilterChoice {
  kind: ExhibitKind | null;
  tag: string | null;
  dateFrom: string;
  dateTo: string;
  paragraph: number | null;
  /** Any number it carries, or the beginning of one: "PX 12", "Smith Dep. Ex. 4", "Smith Dep". */
  number: string;
}

export const NO_CHOICE: FilterChoice = { kind: null, tag: null, dateFrom: '', dateTo: '', paragraph: null, number: '' };

export function isChosen(c: FilterChoice): boolean {
  return c.kind !== null || c.tag !== null || c.dateFrom !== '' || c.dateTo !== '' || c.paragraph !== null || c.number.trim() !== '';
}

interface FilterBarProps {
  choice: FilterChoice;
  onChange: (choice: FilterChoice) => void;
  tags: Tag[];
  paragraphs: Paragraph[];
  shown: number;
  total: number;
  complete: boolean;
}

export function FilterBar({ choice, onChange, tags, paragraphs, shown, total, complete }: FilterBarProps) {
  const set = (patch: Partial<FilterChoice>) => onChange({ ...choice, ...patch });
  return (
    <search className="filter-bar" aria-label="Filter exhibits">
      <label className="filter">
        <span className="visually-hidden">Number</span>
        <input
          type="search"
          className="filter-number"
          aria-label="Has the number"
          placeholder="Number, e.g. Smith Dep. Ex. 4"
          value={choice.number}
          onChange={(e) => set({ number: e.target.value })}
        />
      </label>
      <label className="filter">
        <span className="visually-hidden">Kind</span>
        <select aria-label="Kind" value={choice.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || null) as ExhibitKind | null })}>
          <option value="">All kinds</option>
          {EXHIBIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="visually-hidden">Tag</span>
        <select aria-label="Tag" value={choice.tag ?? ''} onChange={(e) => set({ tag: e.target.value || null })}>
          <option value="">Any tag</option>
          <TagOptions tags={tags} />
        </select>
      </label>
      <label className="filter">
        <span>From</span>
        <input type="date" value={choice.dateFrom} aria-label="Dated from" onChange={(e) => set({ dateFrom: e.target.value })} />
      </label>
      <label className="filter">
        <span>To</span>
        <input type="date" value={choice.dateTo} aria-label="Dated to" onChange={(e) => set({ dateTo: e.target.value })} />
      </label>
      <label className="filter">
        <span className="visually-hidden">Allegation</span>
        <select
          value={choice.paragraph ?? ''}
          aria-label="Linked to paragraph"
          onChange={(e) => set({ paragraph: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">Any allegation</option>
          {paragraphs.map((p) => (
            <option key={p.id} value={p.number}>
              Linked to ¶ {p.number}
            </option>
          ))}
        </select>
      </label>
      {isChosen(choice) && (
        <span className="filter-count">
          <span className="num" aria-live="polite">
            {formatCount(shown)} of {formatCount(total)}
            {!complete && '…'}
          </span>
          <button type="button" className="button small" title="Clear filters" onClick={() => onChange(NO_CHOICE)}>
            <Icon name="close" size={13} />
            Clear filters
          </button>
        </span>
      )}
    </search>
  );
}
