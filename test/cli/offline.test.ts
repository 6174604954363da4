import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/case.ts';
import { BIN, cli } from '../fixtures/cli.ts';
import { CORPUS_DIR, HAS_CORPUS } from '../fixtures/corpus.ts';
import { writePdf } from '../fixtures/pdfs.ts';
import { HAS_STRACE, loopbackControl, traceNetwork } from '../fixtures/syscall-network-log.ts';

if (!HAS_STRACE) console.warn('strace is not installed; the offline proof is skipped');

describe.skipIf(!HAS_STRACE)('the app never talks to the network', () => {
  const server = net.createServer((s) => s.end());
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => server.close());

  it('the watch sees a TCP connection when one is made (control, on loopback)', async () => {
    const control = await loopbackControl(port);
    expect(control.inetCalls).toBeGreaterThan(0);
    expect(control.attempts).toEqual([]);
  });

  it('importing, searching and verifying make no network connection from any thread', async () => {
    const src = tempDir('offline-src-');
    await writePdf(path.join(src, 'a.pdf'), { pages: ['Data Exchange System'] });
    const caseDir = path.join(tempDir('offline-case-'), 'case');
    expect((await cli('init', caseDir)).code).toBe(0);
    // The corpus has DOCX files with external entities and linked pictures, and emails with remote images.
    const inputs = HAS_CORPUS ? ['docx', 'eml', 'msg', 'pdf'].map((f) => path.join(CORPUS_DIR, f)) : [];
    for (const args of [['import', caseDir, src, ...inputs, '--json'], ['search', caseDir, 'system'], ['verify', caseDir]]) {
      const run = await traceNetwork(process.execPath, [BIN, ...args]);
      expect(run.status, args[0]).not.toBeNull();
      expect(run.attempts, args[0]).toEqual([]);
    }
    // The import reads the corpus's three scanned pages with OCR too (Tesseract's start-up included).
  }, 180_000);
});
