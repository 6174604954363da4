// The search box in the header: full-text search as you type; the hits, grouped by exhibit, open in the results pane
// beside the document (SearchPane), which the arrow keys walk from here; Enter opens the hit chosen at its page.
import type { RefObject } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { search, useSearchState } from './search-state.ts';
import { SEARCH_TREE_ID, useHitKeys } from './SearchPane.tsx';

export function SearchBox({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const s = useSearchState();
  const keys = useHitKeys();
  return (
    <div className="search" role="search" aria-label="Full-text search">
      <Icon name="search" className="search-icon" />
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label="Search exhibits"
        aria-haspopup="tree"
        aria-expanded={s.open}
        aria-controls={s.open ? SEARCH_TREE_ID : undefined}
        aria-autocomplete="list"
        aria-activedescendant={s.open && s.active ? s.active : undefined}
        placeholder="Search exhibits and notes"
        value={s.query}
        onChange={(e) => search.setQuery(e.target.value)}
        onFocus={search.show}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !s.open && s.query) {
            e.preventDefault();
            return search.setQuery('');
          }
          keys(e, 'input');
        }}
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
