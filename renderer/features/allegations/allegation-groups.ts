// Groups the complaint's paragraphs as it reads: the sections before the causes of action, then each cause.
import type { Allegations } from '../../../shared/api.ts';
import type { Paragraph } from '../../../shared/model.ts';

export interface ParagraphGroup {
  key: string;
  title: string;
  /** "Count I" and the like for a cause of action; null for a section of general allegations. */
  label: string | null;
  paragraphs: Paragraph[];
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/** Complaints set section headings in capitals; the pane reads better in title case. */
function titleCase(s: string): string {
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

export function groupParagraphs(allegations: Allegations, onlyGaps: boolean): ParagraphGroup[] {
  const causes = new Map(allegations.causes.map((c) => [c.id, c]));
  const groups: ParagraphGroup[] = [];
  for (const p of [...allegations.paragraphs].sort((a, b) => a.number - b.number)) {
    const cause = p.causeId !== null ? causes.get(p.causeId) : undefined;
    const key = cause ? `cause-${cause.id}` : `section-${p.section ?? ''}`;
    let group = groups.at(-1);
    if (!group || group.key !== key) {
      group = cause
        ? { key, title: cause.title, label: `Count ${roman(cause.ordinal)}`, paragraphs: [] }
        : { key, title: p.section ? titleCase(p.section) : 'Allegations', label: null, paragraphs: [] };
      groups.push(group);
    }
    group.paragraphs.push(p);
  }
  if (!onlyGaps) return groups;
  // A gap: nothing linked, and not marked as needing no evidence.
  return groups.map((g) => ({ ...g, paragraphs: g.paragraphs.filter((p) => p.evidenceCount === 0 && !p.noEvidenceReason) })).filter((g) => g.paragraphs.length > 0);
}
