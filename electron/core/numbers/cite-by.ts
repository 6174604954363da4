// Citing an exhibit by any of its numbers in lists and proof charts: "PX 12 (Smith Dep. Ex. 4; ABC0000123)", by the
// designation asked for (the exhibit number when it has none of that kind), with the others asked for after it.
import { pinpointCite } from '../../../shared/cite.ts';
import type { Designation, DesignationKind, Exhibit } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { designationStore } from './designation-store.ts';

export interface CiteOptions {
  citeBy?: DesignationKind;
  citeAlso?: DesignationKind[];
}

export const citesByDesignation = (o: CiteOptions) => o.citeBy !== undefined || (o.citeAlso?.length ?? 0) > 0;

/** The latest designation of a kind (the newest filing is the one to cite). */
function latest(designations: Designation[], kind: DesignationKind): Designation | undefined {
  return designations.filter((d) => d.kind === kind).at(-1);
}

/** An exhibit as a list cites it, with pages when given: "PX 12 at 3–4 (Smith Dep. Ex. 4; ABC0000123)". */
export function citeExhibit(ctx: CaseContext, exhibit: Exhibit, options: CiteOptions, pages: { from: number | null; to: number | null } = { from: null, to: null }): string {
  const designations = designationStore(ctx.db).forExhibit(exhibit.id);
  const by = options.citeBy ? latest(designations, options.citeBy) : undefined;
  const name = pinpointCite(by?.cite ?? exhibit.exhibitNo, pages.from, pages.to);
  const also = (options.citeAlso ?? [])
    .flatMap((kind) => designations.filter((d) => d.kind === kind))
    .filter((d) => d !== by)
    .map((d) => d.cite);
  return also.length > 0 ? `${name} (${[...new Set(also)].join('; ')})` : name;
}
