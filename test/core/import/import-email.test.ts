import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Of } from '../../../electron/core/vault/vault.ts';
import { newCase, tempDir } from '../../fixtures/case.ts';
import { MIXED, forwardedEmail, mixedEmail } from '../../fixtures/emails.ts';

const { api, dir } = newCase();
afterAll(() => api.close());

describe('importing emails through the pipeline', () => {
  it('makes the email an exhibit and each attachment a numbered child with its own original, recursively', async () => {
    const src = tempDir('mail-src-');
    const { bytes, pdf } = await mixedEmail();
    fs.writeFileSync(path.join(src, 'approval – 契約.eml'), bytes);
    fs.writeFileSync(path.join(src, 'forward.eml'), forwardedEmail());
    const report = await api.importFiles({ paths: [src] });
    expect(report.failed).toEqual([]);

    const [email, attachment] = report.imported;
    expect(email).toMatchObject({ exhibitNo: 'PX-001', kind: 'email', title: MIXED.subject, parentId: null, path: path.join(src, 'approval – 契約.eml') });
    expect(attachment).toMatchObject({
      exhibitNo: 'PX-001.1',
      kind: 'pdf',
      pages: 2,
      parentId: email!.id,
      path: `${path.join(src, 'approval – 契約.eml')}#${MIXED.pdfName}`,
      sha256: sha256Of(pdf),
    });
    expect(fs.readFileSync(path.join(dir, 'vault', attachment!.sha256.slice(0, 2), attachment!.sha256)).equals(Buffer.from(pdf))).toBe(true);

    const details = await api.getExhibit({ exhibit: 'PX-001' });
    expect(details.exhibit).toMatchObject({ subject: MIXED.subject, date: MIXED.date, cc: 'Legal Team <legal@example.com>' });
    expect(details.exhibit.from).toContain('jane.roe@example.com');
    expect(details.children.map((c) => c.exhibitNo)).toEqual(['PX-001.1']);

    // The forwarded message is a child email of its own.
    const forward = report.imported.find((i) => i.path.endsWith('forward.eml'))!;
    const inner = report.imported.filter((i) => i.parentId === forward.id);
    expect(inner).toEqual([expect.objectContaining({ kind: 'email', exhibitNo: `${forward.exhibitNo}.1` })]);
  });

  it('finds text in the body (no page) and in the attachment (by page)', async () => {
    const hits = await api.search({ query: '"data exchange system"' });
    expect(hits.map((h) => `${h.exhibitNo}@${h.page}`).sort()).toEqual(['PX-001.1@1', 'PX-001.1@2', 'PX-001@null']);
  });

  it('lists a family together, attachments after their email', async () => {
    const numbers = (await api.listExhibits({})).map((e) => e.exhibitNo);
    expect(numbers.indexOf('PX-001.1')).toBe(numbers.indexOf('PX-001') + 1);
  });
});
