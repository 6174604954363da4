// Makes an attachment's file name safe to show and store: no folders, no control characters, never empty.

export function safeAttachmentName(raw: string, index: number): string {
  const base = raw.split(/[\\/]/).filter(Boolean).at(-1) ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || `attachment-${index + 1}`;
}
