// Fails when a file imports across a layer boundary (CONVENTIONS: shared ← core ← host ← adapters; renderer → shared
// only; no adapter imports another). `node scripts/check-layers.mjs [ROOT]` checks the repository (or ROOT).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_BUILTIN = /^(node:|(fs|path|os|crypto|child_process|worker_threads|stream|zlib|http|https|net|url|util)(\/|$))/;
const ELECTRON = /^electron(\/|$)/;
const REACT = /^react/;
const ADAPTERS = ['electron/main', 'electron/preload', 'electron/cli', 'electron/serve'];
// What an adapter may use of the case host: its client and its messages. The host's entry is a process, started, not imported.
const HOST_CLIENT = ['electron/host/client.ts', 'electron/host/messages.ts'];
const ADAPTER_WHY = 'adapters (main, preload, cli, serve) never import one another — what two of them share belongs in core or shared — and reach the case host only through its client';

/**
 * packages: bare specifiers a layer may not use; dirs: repository folders (or files) it may not reach into, except
 * the files listed in `except`.
 */
export const RULES = [
  { dir: 'shared', packages: [ELECTRON, NODE_BUILTIN, REACT], dirs: ['electron', 'renderer'], why: 'shared/ runs everywhere: no Electron, Node or DOM code' },
  { dir: 'electron/core', packages: [ELECTRON, REACT], dirs: [...ADAPTERS, 'electron/host', 'renderer'], why: 'electron/core is Node-only: no electron, no host, no adapter, no UI' },
  {
    dir: 'electron/host',
    packages: [ELECTRON, REACT],
    dirs: [...ADAPTERS, 'renderer'],
    why: 'electron/host runs the core in a process of its own, in Electron and in plain Node alike: core and shared only, never electron or an adapter',
  },
  // The desktop adapter is main and its preload; main may not reach the other adapters.
  { dir: 'electron/main', packages: [REACT], dirs: ['electron/cli', 'electron/serve', 'electron/host', 'renderer'], except: HOST_CLIENT, why: ADAPTER_WHY },
  // The preload runs sandboxed in the window: Electron's renderer side, shared/ and main's URL helpers only.
  { dir: 'electron/preload', packages: [NODE_BUILTIN, REACT], dirs: ['electron/core', 'electron/host', 'electron/cli', 'electron/serve', 'renderer'], why: ADAPTER_WHY },
  { dir: 'electron/cli', packages: [ELECTRON, REACT], dirs: ['electron/main', 'electron/preload', 'electron/serve', 'electron/host', 'renderer'], except: HOST_CLIENT, why: ADAPTER_WHY },
  { dir: 'electron/serve', packages: [ELECTRON, REACT], dirs: ['electron/main', 'electron/preload', 'electron/cli', 'electron/host', 'renderer'], except: HOST_CLIENT, why: ADAPTER_WHY },
  { dir: 'renderer', packages: [ELECTRON, NODE_BUILTIN], dirs: ['electron'], why: 'renderer/ talks only to window.bridge and shared/' },
];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
// The contract's schemas (zod, half of a bundle) belong to the side that checks calls: the UI imports only its types.
const VALUE_IMPORT = /(?:^|\n)\s*import\s+(?!type\b)[^'"]*?from\s*['"]([^'"]+)['"]/g;

function* files(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) yield full;
  }
}

const inside = (target, d) => target === d || target.startsWith(`${d}/`);

/** Every import that crosses a boundary under `root`, one line each ("file: imports "x" — why"). */
export function checkLayers(root) {
  const problems = [];
  for (const rule of RULES) {
    for (const file of files(path.join(root, rule.dir))) {
      const source = fs.readFileSync(file, 'utf8');
      for (const m of source.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3];
        let bad;
        if (spec.startsWith('.')) {
          const target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
          bad = rule.dirs.some((d) => inside(target, d)) && !(rule.except ?? []).includes(target);
        } else {
          bad = rule.packages.some((re) => re.test(spec));
        }
        if (bad) problems.push(`${path.relative(root, file)}: imports "${spec}" — ${rule.why}`);
      }
    }
  }
  const contract = path.join(root, 'shared', 'api.ts');
  const uiSide = [...files(path.join(root, 'renderer')), path.join(root, 'shared', 'api-client.ts'), path.join(root, 'shared', 'bridge.ts')];
  for (const file of uiSide.filter((f) => fs.existsSync(f))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
      if (m[1].startsWith('.') && path.resolve(path.dirname(file), m[1]) === contract) {
        problems.push(`${path.relative(root, file)}: imports values from shared/api.ts — the UI takes only its types (import type), so zod stays out of its bundle`);
      }
    }
  }
  return problems;
}

/** The command: checks ROOT (default: this repository), prints each crossing or "layers: ok"; returns the exit code. */
export function main(args, out = console.log, err = console.error) {
  const root = path.resolve(args[0] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkLayers(root);
  if (problems.length) {
    err(problems.join('\n'));
    return 1;
  }
  out('layers: ok');
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
