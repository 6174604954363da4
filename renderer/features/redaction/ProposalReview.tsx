// The hits of a find-and-redact search for review: what was searched, what could not be, and every hit (exhibit,
// page, the text it would remove) with a checkbox, all checked at first.
import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { RedactionProposals } from '../../../shared/api.ts';

interface ProposalReviewProps {
  found: RedactionProposals;
  checked: ReadonlySet<number>;
  onChecked: Dispatch<SetStateAction<ReadonlySet<number>>>;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function ProposalReview({ found, checked, onChecked }: ProposalReviewProps) {
  const all = useRef<HTMLInputElement>(null);
  const { proposals } = found;
  const exhibitCount = new Set(proposals.map((p) => p.exhibitId)).size;
  const some = checked.size > 0 && checked.size < proposals.length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = some;
  }, [some]);

  const toggle = (id: number) =>
    onChecked((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div className="proposal-review">
      <p className="proposal-summary" role="status">
        {proposals.length === 0
          ? `Nothing found in ${plural(found.pagesSearched, 'page', 'pages')} searched.`
          : `${plural(proposals.length, 'hit', 'hits')} in ${plural(exhibitCount, 'exhibit', 'exhibits')} (${plural(found.pagesSearched, 'page', 'pages')} searched). Uncheck what should stay.`}
      </p>
      {found.skipped.length > 0 && (
        <div className="hint warn skipped">
          <div>
            <strong>Not searched</strong>
            <ul>
              {found.skipped.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {proposals.length > 0 && (
        <>
          <label className="check all-hits">
            <input
              ref={all}
              type="checkbox"
              checked={checked.size === proposals.length}
              onChange={(e) => onChecked(e.target.checked ? new Set(proposals.map((p) => p.id)) : new Set())}
            />
            <span>All hits</span>
          </label>
          <ul className="proposal-list" aria-label="Hits">
            {proposals.map((p) => (
              <li key={p.id}>
                <label className="check">
                  <input type="checkbox" checked={checked.has(p.id)} onChange={() => toggle(p.id)} />
                  <span className="num proposal-where">
                    {p.exhibitNo}, p. {p.page}
                  </span>{' '}
                  <span className="mono proposal-text">{p.text ?? 'a box'}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
