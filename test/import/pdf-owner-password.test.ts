import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfExtractor } from '../../electron/core/import/formats/pdf.ts';
import { UserError } from '../../shared/errors.ts';
import { tempDir } from '../fixtures/case.ts';
import { makePdf } from '../fixtures/emails.ts';

const QPDF = ['/usr/bin/qpdf', '/usr/local/bin/qpdf'].find((p) => fs.existsSync(p));
if (!QPDF) console.warn('qpdf is not installed; owner-password tests skipped');

// Each revision of the standard security handler, as qpdf writes it.
const REVISIONS: [name: string, args: string[]][] = [
  ['RC4 40-bit (R2)', ['40']],
  ['RC4 128-bit (R3)', ['128', '--use-aes=n']],
  ['AES-128 (R4)', ['128', '--use-aes=y']],
  ['AES-256 (R6)', ['256']],
];
const USER = 'reader-secret';

describe.skipIf(!QPDF)('an owner password opens a PDF as its user password does', () => {
  const dir = tempDir();
  let plain: string;
  beforeAll(async () => {
    plain = path.join(dir, 'plain.pdf');
    fs.writeFileSync(plain, await makePdf());
  });

  const encrypted = (owner: string, args: string[]) => {
    const out = path.join(dir, `${args.join('')}-${Buffer.from(owner).toString('hex')}.pdf`);
    execFileSync(QPDF!, ['--allow-weak-crypto', '--encrypt', USER, owner, ...args, '--', plain, out]);
    return new Uint8Array(fs.readFileSync(out));
  };
  const read = (bytes: Uint8Array, password: string) => pdfExtractor.extract(bytes, { fileName: 'locked.pdf', passwords: [password] });

  for (const [name, args] of REVISIONS) {
    it(`${name}: ASCII and non-ASCII owner passwords, and a wrong one refused`, async () => {
      for (const owner of ['owner-only', 'Straße €']) {
        const doc = await read(encrypted(owner, args), owner);
        expect(doc.encrypted, owner).toBe(true);
        expect(doc.pages[0]?.text, owner).toContain('Data Exchange System - page 1');
      }
      const error = await read(encrypted('owner-only', args), 'not-it').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe('encrypted');
    });
  }
});
