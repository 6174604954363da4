// The grid's first page of exhibits, asked for when this module runs (main.tsx imports it before anything else), so
// that on a large case the rows are there by React's first render.
import type { Exhibit } from '../../../shared/model.ts';
import { api } from '../../api/api.ts';

export const FIRST_PAGE = 120;

let requested: Promise<Exhibit[]> | null = api.listExhibits({ limit: FIRST_PAGE, offset: 0 });
let arrived: Exhibit[] | null = null;
requested.then(
  (rows) => {
    arrived = rows;
  },
  () => {}, // the first load reports the failure
);

/** Settles when the prefetched page has arrived (or failed), or after `atMostMs`, whichever is first. */
export function firstPageSettled(atMostMs: number): Promise<void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, atMostMs));
  return requested ? Promise.race([requested.then(() => {}, () => {}), timeout]) : Promise.resolve();
}

/** The prefetched page if it is already here, for the grid's first render; null to wait for `firstPage`. */
export function arrivedFirstPage(): Exhibit[] | null {
  return arrived;
}

/** The first page: the prefetched one the first time, else asked for now. */
export function firstPage(): Promise<Exhibit[]> {
  const page = requested ?? api.listExhibits({ limit: FIRST_PAGE, offset: 0 });
  requested = null;
  arrived = null;
  return page;
}
