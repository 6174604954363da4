// A stand-in for the core that holds a very large case in memory, to show the grid stays virtualized and sortable at
// that size without spending minutes importing files. Methods the grid does not need refuse, as a user error would.
import type { CaseApi } from '../../electron/core/api.ts';
import { METHOD_NAMES, type Api, type MethodName } from '../../shared/api.ts';
import { UserError } from '../../shared/errors.ts';
import type { Exhibit, ExhibitKind } from '../../shared/model.ts';

const KINDS: ExhibitKind[] = ['pdf', 'email', 'pdf', 'image', 'text'];
const SUBJECTS = ['Invoice', 'Board minutes', 'Email from J. Roe', 'Purchase order', 'Site photograph', 'Design review', 'Letter'];

function exhibit(i: number, count: number): Exhibit {
  const kind = KINDS[i % KINDS.length]!;
  return {
    id: i + 1,
    exhibitNo: `PX-${String(i + 1).padStart(6, '0')}`,
    title: `${SUBJECTS[(i * 3) % SUBJECTS.length]} ${(i * 7919) % count}`,
    kind,
    date: i % 11 === 0 ? null : new Date(Date.UTC(2012, 0, 1) + ((i * 104_729) % 3650) * 86_400_000).toISOString().slice(0, 10),
    author: null,
    from: null,
    to: null,
    cc: null,
    subject: null,
    description: i % 3 === 0 ? `Produced in volume ${1 + Math.floor(i / 5000)}` : null,
    sourceName: `${i + 1}.pdf`,
    sourcePath: `/productions/${i + 1}.pdf`,
    sha256: (i + 1).toString(16).padStart(64, '0'),
    bytes: 10_000,
    mediaType: 'application/pdf',
    pages: kind === 'pdf' ? 1 + (i % 40) : null,
    textLayer: true,
    ocr: false,
    encrypted: false,
    confidentiality: 'none',
    parentId: null,
    warnings: [],
    tags: i % 10 === 0 ? ['hot'] : [],
    importedAt: '2026-01-05T09:00:00.000Z',
  };
}

export function syntheticCase(count: number): CaseApi {
  const exhibits = Array.from({ length: count }, (_, i) => exhibit(i, count));
  const refuse: Api = Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      async () => {
        throw new UserError('bad_input', `${name} is not part of this synthetic case.`);
      },
    ]),
  ) as Record<MethodName, () => Promise<never>>;
  const api: Api = {
    ...refuse,
    caseInfo: async () => ({ title: `${count.toLocaleString('en-US')} synthetic exhibits`, numbering: { prefix: 'PX-', start: 1, padding: 6 }, schemaVersion: 1, folder: '/synthetic', readOnly: null }),
    listExhibits: async ({ limit, offset = 0 }) => exhibits.slice(offset, offset + (limit ?? count)),
    listTags: async () => [{ id: 1, name: 'hot', path: 'hot', parentId: null, color: '#c2410c', exhibitCount: Math.ceil(count / 10) }],
    listAllegations: async () => ({ causes: [], paragraphs: [] }),
    getExhibit: async ({ exhibit: ref }) => {
      const found = exhibits.find((e) => e.exhibitNo === ref);
      if (!found) throw new UserError('not_found', `No exhibit "${ref}".`);
      return { exhibit: found, children: [], paragraphs: [], evidence: [], annotations: [],
      redactions: [],
      production: null,
      withheld: null, history: [], unreadablePages: [], designations: [], trialMarks: [] };
    },
  };
  return { ...api, dir: '', original: () => null, close() {} };
}
