import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectInProcess } from '../../electron/core/dispatcher.ts';
import { rendererFile, vaultFile } from '../../electron/main/protocol.ts';
import { originalHeaders } from '../../shared/security-headers.ts';
import { newCase, tempDir } from '../fixtures/case.ts';
import { writePdf } from '../fixtures/pdfs.ts';

const renderer = tempDir('renderer-');
fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
fs.mkdirSync(path.join(renderer, 'pdfjs'));
fs.writeFileSync(path.join(renderer, 'pdfjs', 'x.bcmap'), 'x');
fs.writeFileSync(path.join(path.dirname(renderer), 'secret.txt'), 'secret');

describe('app://renderer', () => {
  it('serves files inside the renderer folder only', () => {
    expect(rendererFile(renderer, 'app://renderer/index.html')).toBe(path.join(renderer, 'index.html'));
    expect(rendererFile(renderer, 'app://renderer/pdfjs/x.bcmap')).toBe(path.join(renderer, 'pdfjs', 'x.bcmap'));
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/%2e%2e%2fsecret.txt',
      'app://renderer/..%5csecret.txt',
      'app://renderer/pdfjs',
      'app://other/index.html',
      'app://renderer/missing.js',
    ]) {
      expect(rendererFile(renderer, url), url).toBeNull();
    }
  });
});

describe('vault://case', () => {
  const { api } = newCase();
  afterAll(() => api.close());

  it('serves an original the open case holds, and nothing else', async () => {
    const src = await writePdf(path.join(tempDir(), 'a.pdf'), { pages: ['x'] });
    const [item] = (await api.importFiles({ paths: [src] })).imported;
    const open = connectInProcess(api);
    expect(await vaultFile(open, `vault://case/${item!.sha256}`)).toMatchObject({ mediaType: 'application/pdf', path: expect.stringContaining(item!.sha256) });
    for (const url of [`vault://case/${'0'.repeat(64)}`, 'vault://case/../case.sqlite', `vault://other/${item!.sha256}`, 'vault://case/ABC', `vault://case/${item!.sha256.toUpperCase()}`]) {
      expect(await vaultFile(open, url), url).toBeNull();
    }
    expect(await vaultFile(null, `vault://case/${item!.sha256}`)).toBeNull();
  });

  it('serves originals sandboxed, as downloads, and as bytes unless the viewer shows their type', () => {
    for (const [type, served] of [
      ['application/pdf', 'application/pdf'],
      ['image/png', 'image/png'],
      ['text/html', 'application/octet-stream'],
      ['image/svg+xml', 'application/octet-stream'],
      ['message/rfc822', 'application/octet-stream'],
    ]) {
      const headers = originalHeaders(type!);
      expect(headers['content-type'], type).toBe(served);
      expect(headers['content-security-policy']).toBe("sandbox; default-src 'none'");
      expect(headers['content-disposition']).toBe('attachment');
      expect(headers['x-content-type-options']).toBe('nosniff');
    }
  });
});
