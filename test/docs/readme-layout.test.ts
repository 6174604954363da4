// The README's map of the code is true: every folder it names exists, every folder of the core and of electron/ is
// named, and the UI's global is called what the code calls it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## How the code is organised'));
const layout = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));

/** The folders the layout block names, with the nesting its indentation shows ("  case/" under "electron/core/"). */
function namedFolders(): string[] {
  const named: string[] = [];
  let parent = '';
  for (const line of layout.split('\n')) {
    const m = /^( *)([\w./-]+\/)\s/.exec(`${line} `);
    if (!m) continue;
    if (m[1] === '') {
      parent = m[2]!;
      named.push(parent);
    } else named.push(parent + m[2]!);
  }
  return named;
}
const folders = (dir: string) =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${dir}/${e.name}/`);

describe('the README’s layout', () => {
  it('names only folders that exist', () => {
    const named = namedFolders();
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((f) => !fs.existsSync(path.join(ROOT, f)))).toEqual([]);
  });

  it('names every folder of electron/ and of the core', () => {
    const named = new Set(namedFolders());
    expect([...folders('electron'), ...folders('electron/core')].filter((f) => !named.has(f))).toEqual([]);
  });

  it('calls the window’s global what the renderer does (window.bridge)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'renderer/api/api.ts'), 'utf8')).toMatch(/bridge\?: Bridge/);
    expect(README).toContain('window.bridge');
    expect(README).not.toContain('window.api');
  });
});
