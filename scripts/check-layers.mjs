// Fails when a file imports across a layer boundary (CONVENTIONS: shared ← core ← adapters; renderer → shared only).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const NODE_BUILTIN = /^(node:|(fs|path|os|crypto|child_process|worker_threads|stream|zlib|http|https|net|url|util)(\/|$))/;
const ELECTRON = /^electron(\/|$)/;

// packages: bare specifiers a layer may not use; dirs: repository folders it may not reach into.
const RULES = [
  { dir: 'shared', packages: [ELECTRON, NODE_BUILTIN, /^react/], dirs: ['electron', 'renderer'], why: 'shared/ runs everywhere: no Electron, Node or DOM code' },
  { dir: 'electron/core', packages: [ELECTRON, /^react/], dirs: ['electron/main', 'electron/preload', 'electron/cli', 'electron/serve', 'renderer'], why: 'electron/core is Node-only: no electron, no adapter, no UI' },
  { dir: 'renderer', packages: [ELECTRON, NODE_BUILTIN], dirs: ['electron'], why: 'renderer/ talks only to window.api and shared/' },
];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function* files(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) yield full;
  }
}

const problems = [];
for (const rule of RULES) {
  for (const file of files(path.join(root, rule.dir))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const bad = spec.startsWith('.')
        ? rule.dirs.some((d) => {
            const target = path.relative(root, path.resolve(path.dirname(file), spec));
            return target === d || target.startsWith(`${d}/`);
          })
        : rule.packages.some((re) => re.test(spec));
      if (bad) problems.push(`${path.relative(root, file)}: imports "${spec}" — ${rule.why}`);
    }
  }
}
// The contract's schemas (zod, half of a bundle) belong to the side that checks calls: the UI imports only its types.
const VALUE_IMPORT = /(?:^|\n)\s*import\s+(?!type\b)[^'"]*?from\s*['"]([^'"]+)['"]/g;
const contract = path.join(root, 'shared', 'api.ts');
for (const file of [...files(path.join(root, 'renderer')), path.join(root, 'shared', 'api-client.ts'), path.join(root, 'shared', 'bridge.ts')]) {
  for (const m of fs.readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
    if (m[1].startsWith('.') && path.resolve(path.dirname(file), m[1]) === contract) {
      problems.push(`${path.relative(root, file)}: imports values from shared/api.ts — the UI takes only its types (import type), so zod stays out of its bundle`);
    }
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('layers: ok');
