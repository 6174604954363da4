// Worker thread entry: reads files handed to it by the pool and answers with what was extracted.
import fs from 'node:fs';
import { UserError } from '../../../shared/errors.ts';
import { hashFile } from '../vault/vault.ts';
import { serveCalls } from '../workers/serve-calls.ts';
import { MAX_READ_BYTES, type ExtractRequest, type ExtractedFile } from './extract-protocol.ts';
import { emptyDocument } from './extractor.ts';
import { HEAD_BYTES, readTree } from './read-tree.ts';
import { chooseExtractor } from './registry.ts';

await serveCalls<ExtractRequest, ExtractedFile>({
  answer: readFile,
  // A parser bug must not take the batch down: the file is refused and the error's text kept for the log.
  failure: (e) => ({ code: 'damaged', message: `The file could not be read (${describe(e)}).` }),
});

async function readFile(req: ExtractRequest): Promise<ExtractedFile> {
  const size = statSize(req.path);
  if (size <= MAX_READ_BYTES) return readTree(fs.readFileSync(req.path), req.fileName, req.passwords);
  const choice = chooseExtractor(readHead(req.path), req.fileName);
  if (choice && !choice.byContent) {
    throw new UserError('damaged', `The file is named like a ${choice.extractor.name.toUpperCase()} file, but its content is not one (${Math.round(size / 2 ** 20)} MB).`);
  }
  const doc = emptyDocument('other', 'application/octet-stream');
  doc.textLayer = false;
  doc.warnings.push(`The file is too large to read its text (${Math.round(size / 2 ** 20)} MB); the original is kept in the vault.`);
  return { fileName: req.fileName, sha256: await hashFile(req.path), size, doc, error: null, children: [] };
}

function readHead(path: string): Uint8Array {
  const fd = fs.openSync(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    return head.subarray(0, fs.readSync(fd, head, 0, HEAD_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function statSize(path: string): number {
  try {
    return fs.statSync(path).size;
  } catch (e) {
    throw new UserError('io', `The file could not be read: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}.`);
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message.slice(0, 200) : 'unknown error';
}
