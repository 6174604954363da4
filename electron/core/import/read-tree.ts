// Reads one file and its attachments, recursively, into what the pipeline stores; runs inside a worker.
import { UserError, toErrorPayload } from '../../../shared/errors.ts';
import { sha256Of } from '../vault/vault.ts';
import type { ExtractedChild, ExtractedFile } from './extract-protocol.ts';
import { chooseExtractor } from './registry.ts';
import { emptyDocument } from './extractor.ts';

// Attachments inside attachments: deeper than this is hostile, not correspondence.
const MAX_DEPTH = 8;
const MAX_ATTACHMENTS = 1_000;
export const HEAD_BYTES = 4096;

export async function readTree(bytes: Uint8Array, fileName: string, passwords: string[]): Promise<ExtractedFile> {
  const budget = { attachments: MAX_ATTACHMENTS };
  return readNode(bytes, fileName, passwords, 0, budget);
}

async function readNode(
  bytes: Uint8Array,
  fileName: string,
  passwords: string[],
  depth: number,
  budget: { attachments: number },
): Promise<ExtractedFile> {
  const file: ExtractedFile = { fileName, sha256: sha256Of(bytes), size: bytes.length, doc: null, error: null, children: [] };
  try {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    const choice = chooseExtractor(bytes.subarray(0, HEAD_BYTES), fileName);
    if (!choice) {
      const doc = emptyDocument('other', 'application/octet-stream');
      doc.textLayer = false;
      doc.warnings.push('Exhibit Desk cannot read the text of this type of file; the original is kept in the vault.');
      file.doc = doc;
      return file;
    }
    const { attachments, ...doc } = await choice.extractor.extract(bytes, { fileName, passwords });
    if (choice.warning) doc.warnings.unshift(choice.warning);
    file.doc = doc;
    if (attachments.length > 0 && depth >= MAX_DEPTH) {
      doc.warnings.push(`${attachments.length} attachment(s) nested more than ${MAX_DEPTH} levels deep were not imported.`);
      return file;
    }
    for (const a of attachments) {
      if (budget.attachments-- <= 0) {
        doc.warnings.push(`Only the first ${MAX_ATTACHMENTS} attachments were imported.`);
        break;
      }
      const child = await readNode(a.bytes, a.fileName, passwords, depth + 1, budget);
      file.children.push({ ...child, bytes: a.bytes, inline: a.inline } satisfies ExtractedChild);
    }
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    file.error = toErrorPayload(e);
  }
  return file;
}
