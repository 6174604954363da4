// The layer check (npm run check:layers) on small trees written for each case: what it lets through and what it refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, main } from '../../scripts/check-layers.mjs';

/** A tree of source files (path → content) in a fresh folder; returns its root. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** The files the check complains about, in order. */
const offenders = (root: string) => checkLayers(root).map((line) => line.split(':')[0]);

const LEGAL = {
  'shared/api.ts': "import { z } from 'zod';\nexport const x = 1;\n",
  'electron/core/api.ts': "import fs from 'node:fs';\nimport { x } from '../../shared/api.ts';\n",
  'electron/host/case-host.ts': "import { createCaseApi } from '../core/api.ts';\nimport type { ToHost } from './messages.ts';\n",
  'electron/host/client.ts': "import { fork } from 'node:child_process';\nimport { x } from '../../shared/api.ts';\n",
  'electron/host/messages.ts': "import type { OriginalFile } from '../core/api.ts';\n",
  'electron/main/main.ts': "import { app } from 'electron';\nimport { connectCaseHost } from '../host/client.ts';\nimport type { OpenRequest } from '../host/messages.ts';\n",
  'electron/preload/preload.ts': "import { contextBridge } from 'electron';\nimport { vaultUrl } from '../main/app-origin.ts';\n",
  'electron/cli/commands/list.ts': "import { createCaseApi } from '../../core/api.ts';\n",
  'electron/serve/server.ts': "import http from 'node:http';\nimport type { CaseHost } from '../host/client.ts';\nimport { connectInProcess } from '../core/dispatcher.ts';\n",
  'renderer/app/App.tsx': "import React from 'react';\nimport type { Api } from '../../shared/api.ts';\n",
};

describe('npm run check:layers', () => {
  it('lets every allowed arrow through: shared ← core ← host ← adapters, the preload to main, type-only contract in the UI', () => {
    expect(checkLayers(tree(LEGAL))).toEqual([]);
  });

  it('refuses an adapter importing another adapter, in every direction', () => {
    const root = tree({
      'electron/serve/a.ts': "import { registerIpc } from '../main/ipc.ts';\n",
      'electron/serve/b.ts': "export { main } from '../cli/main.ts';\n",
      'electron/main/a.ts': "import { serve } from '../serve/server.ts';\n",
      'electron/main/b.ts': "const c = await import('../cli/commands/list.ts');\n",
      'electron/cli/commands/serve.ts': "import { serve } from '../../serve/server.ts';\n",
      'electron/cli/a.ts': "import '../main/menu.ts';\n",
      'electron/preload/a.ts': "import { serve } from '../serve/server.ts';\n",
    });
    expect(offenders(root).sort()).toEqual(
      ['electron/cli/a.ts', 'electron/cli/commands/serve.ts', 'electron/main/a.ts', 'electron/main/b.ts', 'electron/preload/a.ts', 'electron/serve/a.ts', 'electron/serve/b.ts'].sort(),
    );
    expect(checkLayers(root)[0]).toMatch(/never import one another/);
  });

  it('keeps the host free of adapters and of Electron, and adapters off the host’s entry', () => {
    const root = tree({
      'electron/host/a.ts': "import { registerIpc } from '../main/ipc.ts';\n",
      'electron/host/b.ts': "import { serve } from '../serve/server.ts';\n",
      'electron/host/c.ts': "import { main } from '../cli/main.ts';\n",
      'electron/host/d.ts': "import { utilityProcess } from 'electron';\n",
      'electron/main/a.ts': "import '../host/case-host.ts';\n",
      'electron/serve/a.ts': "import { helper } from '../host/internal.ts';\n",
      'electron/core/a.ts': "import { forkCaseHost } from '../host/client.ts';\n",
    });
    expect(offenders(root).sort()).toEqual(
      ['electron/core/a.ts', 'electron/host/a.ts', 'electron/host/b.ts', 'electron/host/c.ts', 'electron/host/d.ts', 'electron/main/a.ts', 'electron/serve/a.ts'].sort(),
    );
  });

  it('still refuses Node or Electron in shared/, Electron in core, Node in the renderer and contract values in the UI', () => {
    const root = tree({
      'shared/a.ts': "import fs from 'node:fs';\n",
      'shared/b.ts': "import { app } from 'electron';\n",
      'electron/core/a.ts': "import { app } from 'electron/main';\n",
      'electron/core/b.ts': "import { serve } from '../serve/server.ts';\n",
      'renderer/a.ts': "import path from 'path';\n",
      'renderer/b.tsx': "import { contract } from '../shared/api.ts';\n",
      'renderer/c.tsx': "import { api } from '../electron/core/api.ts';\n",
      'shared/api.ts': 'export const contract = {};\n',
    });
    expect(offenders(root).sort()).toEqual(['electron/core/a.ts', 'electron/core/b.ts', 'renderer/a.ts', 'renderer/b.tsx', 'renderer/c.tsx', 'shared/a.ts', 'shared/b.ts'].sort());
  });

  it('as a command: exit 1 with one line per crossing on a bad tree, exit 0 and "layers: ok" on a good one', () => {
    const run = (root: string) => {
      const said = { out: [] as string[], err: [] as string[] };
      const code = main([root], (t) => said.out.push(t), (t) => said.err.push(t));
      return { code, ...said };
    };
    const bad = run(tree({ ...LEGAL, 'electron/serve/x.ts': "import '../main/main.ts';\n" }));
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n').split('\n')).toEqual([expect.stringMatching(/^electron\/serve\/x\.ts: imports "\.\.\/main\/main\.ts" — adapters/)]);
    expect(run(tree(LEGAL))).toEqual({ code: 0, out: ['layers: ok'], err: [] });
  });
});
