// The search results pane: hits grouped by exhibit (a count each, its pages under it, folded and unfolded), beside the
// document and open while you read it; a hit opens its page (Ctrl/⌘+Enter or Ctrl/⌘+click in a new tab) and the
// keyboard goes to the document. Keys walk the tree from the search box or from the tree itself.
import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { SearchHit } from '../../../shared/model.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Marked, markedTerms } from '../../components/Marked.tsx';
import { revealIn } from '../../components/reveal.ts';
import { groupHits, groupRowId, hitRowId, search, summary, useSearchState, visibleRows, type HitGroup } from './search-state.ts';

export const SEARCH_TREE_ID = 'search-hits';

const SOURCE_LABELS: Partial<Record<SearchHit['source'], string>> = { metadata: 'Details', body: 'Text', note: 'Note' };

/** Opens a hit and walks the tree: the search box and the tree both take these keys. */
export function useHitKeys(): (e: KeyboardEvent, from: 'input' | 'tree') => void {
  const { openExhibit } = useWorkspace();
  const s = useSearchState();
  const groups = useMemo(() => (s.results.state === 'done' ? groupHits(s.results.hits) : []), [s.results]);
  const rows = useMemo(() => visibleRows(groups, s.folded), [groups, s.folded]);

  return (e, from) => {
    if (!s.open || rows.length === 0) {
      if (e.key === 'ArrowDown' && s.query.trim()) {
        e.preventDefault();
        search.show();
      }
      return;
    }
    const at = rows.findIndex((r) => r.id === s.active);
    const row = rows[at];
    const move = (to: number) => search.setActive(rows[Math.max(0, Math.min(rows.length - 1, to))]!.id);
    const handled = () => e.preventDefault();
    switch (e.key) {
      case 'ArrowDown':
        handled();
        return move(at + 1);
      case 'ArrowUp':
        handled();
        return move(at <= 0 ? 0 : at - 1);
      case 'Home':
      case 'End':
        if (from === 'input') return;
        handled();
        return move(e.key === 'Home' ? 0 : rows.length - 1);
      case 'ArrowRight':
        if (!row || (from === 'input' && at < 0)) return;
        handled();
        if (row.kind === 'group' && s.folded.has(row.group.exhibitId)) return search.fold(row.group.exhibitId, false);
        if (row.kind === 'group') return move(at + 1);
        return;
      case 'ArrowLeft':
        if (!row || (from === 'input' && at < 0)) return;
        handled();
        if (row.kind === 'hit') return search.setActive(groupRowId(row.group));
        return search.fold(row.group.exhibitId, true);
      case 'Enter': {
        const target = row ?? rows[0];
        if (!target) return;
        handled();
        if (target.kind === 'group' && row) return search.fold(target.group.exhibitId, !s.folded.has(target.group.exhibitId));
        const hit = target.kind === 'hit' ? target.hit : target.group.hits[0]!;
        search.setActive(target.kind === 'hit' ? target.id : hitRowId(target.group, 0));
        return openExhibit({ exhibitId: hit.exhibitId, page: hit.page, terms: markedTerms(hit.snippet), newTab: e.ctrlKey || e.metaKey });
      }
      case 'Escape':
        handled();
        e.stopPropagation();
        return search.close();
    }
  };
}

export function SearchPane() {
  const { openExhibit } = useWorkspace();
  const s = useSearchState();
  const keys = useHitKeys();
  const tree = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => (s.results.state === 'done' ? groupHits(s.results.hits) : []), [s.results]);

  useEffect(() => {
    if (s.active) revealIn(tree.current, document.getElementById(s.active));
  }, [s.active]);

  // Escape closes the pane from wherever the keyboard is (the document being read), unless something nearer used it.
  useEffect(() => {
    if (!s.open) return;
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      search.close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [s.open]);

  if (!s.open) return null;

  const openHit = (hit: SearchHit, id: string, e: MouseEvent) => {
    search.setActive(id);
    openExhibit({ exhibitId: hit.exhibitId, page: hit.page, terms: markedTerms(hit.snippet), newTab: e.ctrlKey || e.metaKey || e.button === 1 });
  };

  return (
    <section className="search-pane" aria-label="Search results">
      <header className="search-pane-head">
        <h2>Search results</h2>
        <button type="button" className="icon-button small" aria-label="Close search results" title="Close (Esc)" onClick={search.close}>
          <Icon name="close" size={14} />
        </button>
      </header>
      {s.results.state === 'error' && (
        <p role="alert" className="search-message error">
          {s.results.message}
        </p>
      )}
      {s.results.state === 'searching' && <p className="search-message">Searching…</p>}
      {s.results.state === 'done' && (
        <p className="search-message" aria-live="polite">
          {summary(s.results.query, s.results.hits, groups.length, s.results.count)}
        </p>
      )}
      <div
        ref={tree}
        id={SEARCH_TREE_ID}
        role="tree"
        aria-label="Search hits"
        className="search-tree"
        tabIndex={groups.length > 0 ? 0 : -1}
        aria-activedescendant={s.active ?? undefined}
        onKeyDown={(e) => keys(e, 'tree')}
        onFocus={() => !s.active && groups[0] && search.setActive(groupRowId(groups[0]))}
      >
        {groups.map((g, gi) => (
          <GroupItem key={g.exhibitId} group={g} position={gi + 1} size={groups.length} folded={s.folded.has(g.exhibitId)} active={s.active} onOpen={openHit} />
        ))}
      </div>
    </section>
  );
}

interface GroupItemProps {
  group: HitGroup;
  position: number;
  size: number;
  folded: boolean;
  active: string | null;
  onOpen: (hit: SearchHit, id: string, e: MouseEvent) => void;
}

function GroupItem({ group, position, size, folded, active, onOpen }: GroupItemProps) {
  const id = groupRowId(group);
  const count = group.hits.length;
  // The hits are a group beside the exhibit's item, owned by it, rather than inside it: the item's name is then what it
  // shows (number, title, count), not every snippet under it.
  const hitsId = `${id}-hits`;
  return (
    <>
      <div
        role="treeitem"
        id={id}
        aria-level={1}
        aria-posinset={position}
        aria-setsize={size}
        aria-expanded={!folded}
        aria-selected={active === id}
        aria-owns={folded ? undefined : hitsId}
        // Named by what it shows: owning its hits would otherwise put every snippet in its name.
        aria-labelledby={`${id}-label`}
        className={`hit-group-head${active === id ? ' active' : ''}`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          search.setActive(id);
          search.fold(group.exhibitId, !folded);
        }}
      >
        <Icon name={folded ? 'chevronRight' : 'chevronDown'} size={13} />
        <span id={`${id}-label`} className="hit-group-label">
          <span className="hit-number num">{group.exhibitNo}</span>{' '}
          <span className="hit-title truncate" title={group.title}>
            {group.title}
          </span>{' '}
          <span className="hit-count num">
            {count}
            <span className="visually-hidden"> {count === 1 ? 'hit' : 'hits'}</span>
          </span>
        </span>
      </div>
      {!folded && (
        <div role="group" id={hitsId} className="hit-group-hits" aria-label={`Hits in ${group.exhibitNo}: ${group.title}`}>
          {group.hits.map((hit, i) => (
            <HitItem key={`${hit.source}-${hit.page}-${hit.note?.id ?? i}`} id={hitRowId(group, i)} hit={hit} position={i + 1} size={count} active={active} onOpen={onOpen} />
          ))}
        </div>
      )}
    </>
  );
}

function HitItem({ id, hit, position, size, active, onOpen }: { id: string; hit: SearchHit; position: number; size: number; active: string | null } & Pick<GroupItemProps, 'onOpen'>) {
  const place = hit.page !== null ? `p. ${hit.page}` : (SOURCE_LABELS[hit.source] ?? '');
  return (
    <div
      role="treeitem"
      id={id}
      aria-level={2}
      aria-posinset={position}
      aria-setsize={size}
      aria-selected={active === id}
      className={`search-hit${active === id ? ' active' : ''}${hit.source === 'note' ? ' note-hit' : ''}`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => onOpen(hit, id, e)}
      onAuxClick={(e) => e.button === 1 && onOpen(hit, id, e)}
      title="Open (Ctrl/⌘+click: in a new tab)"
    >
      <div className="search-hit-head">
        {place && <span className="hit-page num">{place}</span>}{' '}
        {hit.source === 'note' && <span className="badge note-badge">Note{hit.note?.author ? ` by ${hit.note.author}` : ''}</span>}{' '}
        {hit.source === 'ocr' && (
          <span className="badge" title="Found in the text read from a scanned page (OCR), which may hold misreadings">
            OCR
          </span>
        )}
      </div>
      <div className="search-hit-snippet">
        <Marked text={hit.snippet} />
      </div>
    </div>
  );
}

