// The exhibit's audit history, newest first, in words.
import type { AuditEntry } from '../../../shared/model.ts';
import { formatDate } from '../../components/format.ts';
import { FIELD_LABELS, type EditableField } from '../exhibits/use-save-exhibit.ts';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

function describe(entry: AuditEntry): string {
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  switch (entry.action) {
    case 'exhibit.import':
      return `Imported as ${show(after.exhibitNo)}`;
    case 'exhibit.edit':
      return Object.keys(after)
        .map((k) => `${FIELD_LABELS[k as EditableField] ?? k}: ${show(before[k])} → ${show(after[k])}`)
        .join('; ');
    case 'exhibit.tag':
      return `Tagged “${show(after.tag)}”`;
    case 'exhibit.untag':
      return `Tag “${show(after.tag)}” removed`;
    case 'evidence.link':
      return `Linked to ¶ ${show(after.paragraphNo)} as ${show(after.cite)}`;
    case 'evidence.unlink':
      return `Link to ¶ ${show(before.paragraphNo)} removed`;
    case 'annotation.add':
      return `Highlight added on page ${show(after.page)}`;
    case 'annotation.remove':
      return `Highlight on page ${show(before.page)} removed`;
    case 'redaction.add':
      return `Redacted on page ${show(after.page)} (${show(after.reason)})`;
    case 'redaction.propose':
      return `Redaction proposed on page ${show(after.page)}: ${show(after.text)}`;
    case 'redaction.accept':
      return `Redaction on page ${show(before.page)} accepted (${show(before.reason)})`;
    case 'redaction.reject':
      return `Proposed redaction on page ${show(before.page)} rejected`;
    case 'redaction.remove':
      return `Redaction on page ${show(before.page)} removed`;
    default:
      return entry.action;
  }
}

export function History({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <ol className="history">
      {[...entries].reverse().map((e) => (
        <li key={e.seq}>
          <span className="history-what">{describe(e)}</span>
          <time className="muted num" dateTime={e.at}>
            {formatDate(e.at, true)}
          </time>
        </li>
      ))}
    </ol>
  );
}
