// A file with no faithful print (an unknown format, a legacy Office binary) is produced in native format: its pages in
// an export are one slip sheet naming the file, its size and SHA-256, and the export says so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newCase, tempDir } from '../fixtures/case.ts';

describe('an exhibit with no printable form', () => {
  const { api } = newCase('Native');
  afterAll(() => api.close());

  it('is produced in native format, behind a slip sheet with its name, size and SHA-256', async () => {
    const src = tempDir('native-src-');
    const file = path.join(src, 'ledger.bin');
    fs.writeFileSync(file, Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 0, 9, 0, 0, 1, 200, 13, 0]));
    const [item] = (await api.importFiles({ paths: [file] })).imported;
    expect(item!.kind).toBe('other');
    const result = await api.exportStamped({ outDir: tempDir('native-out-') });
    expect(result.warnings).toContain('PX-001 (ledger.bin) is produced in native format: a slip sheet with its name, size and SHA-256 stands in for it.');
    const text = execFileSync('pdftotext', ['-layout', result.files[0]!.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('PRODUCED IN NATIVE FORMAT');
    expect(text).toMatch(/File:\s+ledger\.bin/);
    expect(text).toMatch(/Size:\s+16 bytes/);
    expect(text.replace(/\s+/g, '')).toContain(item!.sha256);
  });
});
