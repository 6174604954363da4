// Facts proposed from exhibits: each dated exhibit becomes a proposed fact, dated as the exhibit and cited to its
// first page — an email as "From X to Y: Subject", any other document by its title — for the team to accept or reject.
import type { Exhibit } from '../../../shared/model.ts';

/** "Imran Qureshi" from "Imran Qureshi <iq@bes.example>"; the address where there is no name. */
function names(addresses: string | null): string {
  if (!addresses) return '';
  return addresses
    .split(/[,;](?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => /^"?([^"<]*?)"?\s*<[^>]+>$/.exec(a)?.[1]?.trim() || a.replace(/^<|>$/g, ''))
    .join(', ');
}

/** What the proposed fact says; the exhibit's date is its date. */
export function proposedStatement(e: Exhibit): string {
  if (e.kind !== 'email') return e.title;
  const from = names(e.from);
  const to = names(e.to);
  const subject = e.subject?.trim() || e.title;
  const who = [from && `From ${from}`, to && `to ${to}`].filter((s) => s).join(' ');
  return who ? `${who}: ${subject}` : subject;
}

/** The day of an exhibit's date as its sender or author wrote it ("2017-03-28T10:15:00+05:00" is 28 March). */
export const exhibitDay = (e: Exhibit): string | null => (e.date ? e.date.slice(0, 10) : null);
