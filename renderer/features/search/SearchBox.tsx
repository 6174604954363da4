// The search box in the header: full-text search as you type, hits with their snippet, exhibit number and page;
// choosing a hit opens the document at that page with the matched terms highlighted.
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { MatchCount, SearchHit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';
import { useWorkspace } from '../../app/workspace.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Marked, markedTerms } from '../../components/Marked.tsx';
import { revealIn } from '../../components/reveal.ts';

const LIMIT = 200;
const DELAY_MS = 180;

type Results =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'done'; query: string; hits: SearchHit[]; count: MatchCount | null }
  | { state: 'error'; message: string };

export function SearchBox({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { openExhibit } = useWorkspace();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const latest = useRef(0);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setResults({ state: 'idle' });
      return;
    }
    const mine = ++latest.current;
    const timer = window.setTimeout(() => {
      setResults((r) => (r.state === 'done' ? r : { state: 'searching' }));
      api.search({ query: q, limit: LIMIT }).then(
        (hits) => {
          if (mine !== latest.current) return;
          setResults({ state: 'done', query: q, hits, count: null });
          setActive(-1);
          // Only a full page of hits leaves the number of matches unknown. The count is extra: if it fails, the
          // list still says "First 200".
          if (hits.length === LIMIT) {
            api.countMatches({ query: q }).then(
              (count) => {
                if (mine === latest.current) setResults((r) => (r.state === 'done' ? { ...r, count } : r));
              },
              () => {},
            );
          }
        },
        (e: unknown) => {
          if (mine === latest.current) setResults({ state: 'error', message: (e as Error).message });
        },
      );
    }, DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    if (active >= 0) revealIn(list.current, list.current?.querySelector(`[data-index="${active}"]`));
  }, [active]);

  const hits = results.state === 'done' ? results.hits : [];
  const showPopup = open && results.state !== 'idle';

  function choose(hit: SearchHit) {
    setOpen(false);
    openExhibit({ exhibitId: hit.exhibitId, page: hit.page, terms: markedTerms(hit.snippet) });
  }

  return (
    <div className="search" role="search" aria-label="Full-text search">
      <Icon name="search" className="search-icon" />
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-label="Search exhibits"
        aria-expanded={showPopup}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showPopup && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="Search exhibits"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget)) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && hits.length > 0) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(hits.length - 1, a + 1));
          } else if (e.key === 'ArrowUp' && hits.length > 0) {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            const hit = hits[active >= 0 ? active : 0];
            if (hit) {
              e.preventDefault();
              choose(hit);
            }
          } else if (e.key === 'Escape') {
            if (showPopup) {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            } else if (query) {
              setQuery('');
            }
          }
        }}
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
      <div className="search-popup" hidden={!showPopup}>
        {results.state === 'error' && (
          <p role="alert" className="search-message error">
            {results.message}
          </p>
        )}
        {results.state === 'searching' && <p className="search-message">Searching…</p>}
        {results.state === 'done' && (
          <p className="search-message" aria-live="polite">
            {summary(results.query, hits.length, results.count)}
            {results.count && results.count.matches > results.count.ranked && (
              <span className="search-note">
                Ranked among the first {results.count.ranked.toLocaleString('en-US')} matching pages, in import order: add
                words or a filter to rank them all.
              </span>
            )}
          </p>
        )}
        <div ref={list} id={listId} role="listbox" aria-label="Search results" className="search-results">
          {hits.map((hit, i) => (
            <div
              key={`${hit.exhibitId}-${hit.page}-${i}`}
              id={`${listId}-${i}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              className="search-hit"
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(hit)}
            >
              <div className="search-hit-head">
                <span className="hit-number num">{hit.exhibitNo}</span>
                <span className="hit-title truncate">{hit.title}</span>
                {hit.source === 'ocr' && (
                  <span className="badge" title="Found in the text read from a scanned page (OCR), which may hold misreadings">
                    OCR
                  </span>
                )}
                {hit.page !== null && <span className="hit-page num">p. {hit.page}</span>}
              </div>
              <div className="search-hit-snippet">
                <Marked text={hit.snippet} />
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

/** "No matches…", "12 hits for…", "First 200 of 3,412 matches for…" (or "of 100,000+" past the count's limit). */
function summary(query: string, shown: number, count: MatchCount | null): string {
  if (shown === 0) return `No matches for “${query}”.`;
  if (shown < LIMIT) return `${shown} ${shown === 1 ? 'hit' : 'hits'} for “${query}”`;
  if (!count) return `First ${LIMIT} hits for “${query}”`;
  return `First ${LIMIT} of ${count.matches.toLocaleString('en-US')}${count.atLeast ? '+' : ''} matches for “${query}”`;
}
