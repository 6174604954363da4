// The courts' mechanical filing rules as named presets (size cap, page size, one exhibit per file), each with the
// rule it comes from: one home for the CLI's --court, the export, preflight and the app's Export dialog.

/** A page size as shown, in points (72 to the inch); either orientation is accepted. */
export interface PageSize {
  width: number;
  height: number;
}

export const LETTER_SIZE: PageSize = { width: 612, height: 792 };

export interface CourtProfile {
  id: string;
  name: string;
  /** The rule the limits come from, as a filer would cite it. */
  rule: string;
  /** What the rule asks, in a line. */
  summary: string;
  /** The largest file the court accepts, in MB of 1,000,000 bytes; null for no cap. */
  maxMb: number | null;
  /** Pages larger than this are refused (preflight) and scaled onto it (export); null for any size. */
  pageSize: PageSize | null;
  /** Each exhibit in its own file (split into parts over the cap), never two in one. */
  oneExhibitPerFile: boolean;
  /** Each file (and each part of an exhibit) begins with a cover page "EXHIBIT N" in lieu of a tab. */
  exhibitCoverPage: boolean;
}

export const COURT_IDS = ['cacd', 'cand', 'mdd', 'generic'] as const;
export type CourtId = (typeof COURT_IDS)[number];

export const COURT_PROFILES: Record<CourtId, CourtProfile> = {
  cacd: {
    id: 'cacd',
    name: 'U.S. District Court, Central District of California',
    rule: 'C.D. Cal. L.R. 5-4.3.1',
    summary: 'Text-searchable PDF, at most 35 MB per file, one document per file; larger ones in sub-volumes, each behind a cover page.',
    maxMb: 35,
    pageSize: LETTER_SIZE,
    oneExhibitPerFile: true,
    exhibitCoverPage: true,
  },
  cand: {
    id: 'cand',
    name: 'U.S. District Court, Northern District of California',
    rule: 'N.D. Cal. CM/ECF filing guidance',
    summary: 'Exhibits filed separately when a file would exceed 50 MB.',
    maxMb: 50,
    pageSize: null,
    oneExhibitPerFile: false,
    exhibitCoverPage: true,
  },
  mdd: {
    id: 'mdd',
    name: 'U.S. District Court, District of Maryland',
    rule: 'D. Md. Electronic Filing Requirements and Procedures',
    summary: 'At most 30 MB per document.',
    maxMb: 30,
    pageSize: null,
    oneExhibitPerFile: false,
    exhibitCoverPage: true,
  },
  generic: {
    id: 'generic',
    name: 'Any court (no size cap)',
    rule: 'Fed. R. Civ. P. 5.2',
    summary: 'No size cap: text, fonts, encryption, scripts and the privacy scan only.',
    maxMb: null,
    pageSize: null,
    oneExhibitPerFile: false,
    exhibitCoverPage: true,
  },
};

/** Points a page may exceed the court's size by: rounding in the files that producers write. */
const SIZE_TOLERANCE = 1;

/** Either orientation fits: a landscape page of the court's size is still that size. */
export function fitsPage(width: number, height: number, size: PageSize): boolean {
  const [short, long] = width <= height ? [width, height] : [height, width];
  const [maxShort, maxLong] = size.width <= size.height ? [size.width, size.height] : [size.height, size.width];
  return short <= maxShort + SIZE_TOLERANCE && long <= maxLong + SIZE_TOLERANCE;
}

/** The profiles in the order a picker shows them. */
export const COURT_PROFILE_LIST: readonly CourtProfile[] = COURT_IDS.map((id) => COURT_PROFILES[id]);

/** The profile with a custom cap: `maxMb` (from --max-mb or the dialog) overrides the profile's own. */
export function courtLimits(court: CourtId | undefined, maxMb: number | undefined): CourtProfile {
  const profile = COURT_PROFILES[court ?? 'generic'];
  return maxMb === undefined ? profile : { ...profile, maxMb };
}
