// verify --anchor: an export's manifest records the audit log's newest entry; a log rewritten afterwards — every hash
// of the chain recomputed, as someone with write access to the case could — passes plain verify but not the anchor.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/case.ts';
import { cli, cliJson } from '../fixtures/cli.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const root = tempDir('verify-anchor-');
const caseDir = path.join(root, 'case');
const out = path.join(root, 'out');
let manifest: string;

beforeAll(async () => {
  const pdf = await writePdf(path.join(root, 'memo.pdf'), { title: 'Memo', pages: ['Servers in Suzhou'] });
  expect((await cli('init', caseDir)).code).toBe(0);
  expect((await cli('import', caseDir, pdf, '--no-ocr')).code).toBe(0);
  expect((await cli('edit', caseDir, 'PX-001', '--title', 'Memo of 28 March')).code).toBe(0);
  expect((await cli('export', caseDir, 'list', '--format', 'csv', '--out', out)).code).toBe(0);
  manifest = path.join(out, fs.readdirSync(out).find((d) => fs.existsSync(path.join(out, d, 'manifest.json')))!, 'manifest.json');
}, 120_000);

/** Rewrites one audit entry's content and recomputes the whole chain, so that it is whole again. */
function rewriteLog(dir: string): void {
  const db = new Database(path.join(dir, 'case.sqlite'));
  try {
    const rows = db.prepare('SELECT * FROM audit ORDER BY seq').all() as Record<string, string | number | null>[];
    const edit = rows.find((r) => r.action === 'exhibit.edit')!;
    edit.after = JSON.stringify({ title: 'Something else entirely' });
    let prev = '0'.repeat(64);
    // The log's append-only triggers are in the same file: whoever can write it can lift them and put them back.
    const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit'").all() as { name: string; sql: string }[];
    expect(triggers.length).toBeGreaterThan(0);
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    const update = db.prepare('UPDATE audit SET after = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    db.transaction(() => {
      for (const r of rows) {
        const content = [prev, r.at, r.action, r.object_type, r.object_id, r.before, r.after, r.sha256];
        const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
        update.run(r.after, prev, hash, r.seq);
        prev = hash;
      }
    })();
    for (const t of triggers) db.exec(t.sql);
  } finally {
    db.close();
  }
}

describe('verify --anchor', () => {
  it('the export manifest records the audit head, and verify --anchor accepts the log that holds it', async () => {
    const head = JSON.parse(fs.readFileSync(manifest, 'utf8')).auditHead;
    expect(head).toEqual({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const report = await cliJson('verify', caseDir, '--anchor', manifest);
    expect(report).toMatchObject({ ok: true, anchor: { seq: head.seq, ok: true, problem: null } });
  });

  it('detects a log rewritten after the anchor, which plain verify cannot', async () => {
    rewriteLog(caseDir);
    expect(await cliJson('verify', caseDir)).toMatchObject({ ok: true, auditOk: true });
    const r = await cli('verify', caseDir, '--anchor', manifest);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Anchor: audit entry \d+ is not the one the manifest recorded: the log was rewritten after it\./);
  });

  it('refuses a file that is not a manifest with one line and exit 2', async () => {
    const bogus = path.join(root, 'bogus.json');
    fs.writeFileSync(bogus, '{"files": []}');
    const r = await cli('verify', caseDir, '--anchor', bogus);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('records no audit head');
  });
});
