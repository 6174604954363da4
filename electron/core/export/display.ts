// How exhibits are named and dated on everything an export prints: pages, indexes, lists and file names.
import { pinpointCite } from '../../../shared/cite.ts';
import type { Exhibit } from '../../../shared/model.ts';

/** "2017-03-28" from an ISO 8601 date or date-time; empty when there is no date. */
export function dayOf(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}

/** An ISO 8601 date-time as people read it: "2023-03-14 01:30 UTC", "2023-03-14 09:30 +08:00". */
export function displayDateTime(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(iso);
  if (!m) return iso;
  const seconds = m[3] && m[3] !== '00' ? `:${m[3]}` : '';
  const zone = m[4] === undefined ? '' : m[4] === 'Z' ? ' UTC' : ` ${m[4]}`;
  return `${m[1]} ${m[2]}${seconds}${zone}`;
}

/** What an exhibit is called in an index or list: its description where one was written, else its title. */
export function describe(e: Exhibit): string {
  return e.description?.trim() || e.title;
}

/** How the exhibit is cited, without pages: "Ex. 012", or "PX-012" when the number has a prefix. */
export function citeName(exhibitNo: string): string {
  return pinpointCite(exhibitNo, null, null);
}

/** Orders exhibit numbers as people do: PX-004.2 before PX-004.10, PX-9 before PX-10. */
export function compareExhibitNos(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const numeric = i % 2 === 1;
    return numeric ? Number(x) - Number(y) || x.localeCompare(y) : x.localeCompare(y);
  }
  return pa.length - pb.length;
}
