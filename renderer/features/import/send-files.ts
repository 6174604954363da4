// Browser mode's import of chosen or dropped files: their bytes go to the local server in chunks (it hashes and stages
// them in the case folder, see electron/serve/upload.ts), then the server imports them as one batch, its progress and
// cancel working as for any call. Files over the server's cap are not sent: they are reported as failed, by name.
import type { ImportProgress, ImportReport } from '../../../shared/model.ts';
import { fromErrorPayload, type Result } from '../../../shared/errors.ts';
import { skippedInFolder } from '../../../shared/folder-files.ts';
import { bridge } from '../../api/api.ts';

/** A file to send and the name it is sent under: its path inside a dropped or chosen folder, else its own name. */
export interface FileToSend {
  file: File;
  name: string;
}

export interface SendProgress {
  sent: number;
  total: number;
  current: string | null;
}

const CHUNK_BYTES = 8 * 1024 * 1024;

export async function sendAndImport(
  files: readonly FileToSend[],
  options: { passwords: string[]; signal: AbortSignal; onSend: (p: SendProgress) => void; onProgress: (p: ImportProgress) => void },
): Promise<ImportReport> {
  const headers = bridge.uploadHeaders ?? {};
  const { signal } = options;
  const opened = await answer<{ batch: string; maxFileBytes: number }>(fetch('/api/uploads', { method: 'POST', headers, signal }));
  const base = `/api/uploads/${opened.batch}`;
  const tooLarge = files.filter((f) => f.file.size > opened.maxFileBytes);
  const sending = files.filter((f) => f.file.size <= opened.maxFileBytes);
  const failed = tooLarge.map((f) => ({
    path: f.name,
    code: 'too_large',
    error: `Larger than the ${formatCap(opened.maxFileBytes)} a file sent from the browser may be; type its path to import it instead.`,
  }));
  const total = sending.reduce((n, f) => n + f.file.size, 0);
  let sent = 0;
  try {
    for (const { file, name } of sending) {
      options.onSend({ sent, total, current: name });
      let offset = 0;
      do {
        const chunk = file.slice(offset, offset + CHUNK_BYTES);
        const query = new URLSearchParams({ name, offset: String(offset), size: String(file.size) });
        await answer(fetch(`${base}/file?${query}`, { method: 'PUT', headers, body: chunk, signal }));
        offset += chunk.size;
        sent += chunk.size;
        options.onSend({ sent, total, current: name });
      } while (offset < file.size);
    }
  } catch (e) {
    // Whatever arrived is removed with its batch; nothing is imported.
    void fetch(base, { method: 'DELETE', headers }).catch(() => {});
    if (signal.aborted) return { imported: [], duplicates: [], failed, cancelled: true };
    throw e;
  }
  if (sending.length === 0) {
    void fetch(base, { method: 'DELETE', headers }).catch(() => {});
    return { imported: [], duplicates: [], failed, cancelled: false };
  }

  const callId = `upload-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const stopListening = bridge.onProgress((id, p) => id === callId && options.onProgress(p));
  const onAbort = () => void bridge.cancel(callId);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    // Not tied to the signal: a cancelled import still answers, with what was imported before it stopped.
    const body = JSON.stringify({ callId, passwords: options.passwords.length > 0 ? options.passwords : undefined });
    const result = await answer<Result<ImportReport>>(fetch(`${base}/import`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body }));
    if (!result.ok) throw fromErrorPayload(result.error);
    return { ...result.value, failed: [...failed, ...result.value.failed] };
  } finally {
    stopListening();
    signal.removeEventListener('abort', onAbort);
  }
}

/** The JSON a route answers; its one-line error when it refuses. */
async function answer<T = unknown>(request: Promise<Response>): Promise<T> {
  const response = await request;
  const body = (await response.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!response.ok) throw new Error(body?.error ?? `The server answered ${response.status}.`);
  return body as T;
}

function formatCap(bytes: number): string {
  const gb = bytes / 1024 ** 3;
  return gb >= 1 ? `${Number(gb.toFixed(1))} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/**
 * The files of a drop, folders walked (where the browser gives entries): read while the drop event lasts, since a
 * DataTransfer is emptied once it ends; the folders' contents are read after.
 */
export function filesOfDrop(transfer: DataTransfer): Promise<FileToSend[]> {
  const items = Array.from(transfer.items).filter((i) => i.kind === 'file');
  const entries = items.map((i) => i.webkitGetAsEntry?.() ?? null);
  const plain = items.map((i) => i.getAsFile());
  return (async () => {
    const out: FileToSend[] = [];
    for (let i = 0; i < items.length; i++) {
      const entry = entries[i];
      if (entry) await walkEntry(entry, out);
      else if (plain[i]) out.push({ file: plain[i]!, name: plain[i]!.name });
    }
    return out;
  })();
}

async function walkEntry(entry: FileSystemEntry, out: FileToSend[]): Promise<void> {
  const name = entry.fullPath.replace(/^\/+/, '') || entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, name });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // A folder's entries come in batches until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    const kept = batch.filter((child) => !skippedInFolder(child.name));
    for (const child of kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) await walkEntry(child, out);
  }
}

/** The files of a file input: their paths inside the chosen folder (webkitdirectory, its system files left out), or their own names. */
export function filesOfInput(list: FileList | null): FileToSend[] {
  return Array.from(list ?? [])
    .map((file) => ({ file, name: file.webkitRelativePath || file.name }))
    .filter(({ name }) => !name.split('/').slice(1).some(skippedInFolder));
}
