// A tag as a small chip; optionally a button (to filter by it) and with a remove button.
import { Icon } from './Icon.tsx';

interface TagChipProps {
  path: string;
  colour?: string | null;
  onRemove?: () => void;
  onPick?: () => void;
  /** In a grid row the chip is reached with the pointer only; the keyboard filters by tag from the filter bar. */
  pointerOnly?: boolean;
}

export function TagChip({ path, colour, onRemove, onPick, pointerOnly = false }: TagChipProps) {
  const dot = <span className="tag-dot" style={colour ? { background: colour } : undefined} aria-hidden="true" />;
  return (
    <span className="tag-chip">
      {onPick ? (
        <button
          type="button"
          className="tag-chip-label"
          tabIndex={pointerOnly ? -1 : undefined}
          onClick={onPick}
          title={`Show exhibits tagged “${path}”`}
        >
          {dot}
          {path}
        </button>
      ) : (
        <span className="tag-chip-label">
          {dot}
          {path}
        </span>
      )}
      {onRemove && (
        <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${path}`} onClick={onRemove}>
          <Icon name="close" size={12} />
        </button>
      )}
    </span>
  );
}
