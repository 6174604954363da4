// Writes senders and recipients the way people read them: `Jane Roe <jane@example.com>`, several joined by ", ".

export interface Mailbox {
  name?: string | null | undefined;
  address?: string | null | undefined;
}

// A name with these characters would be misread inside a comma-separated list, so it is quoted.
const NEEDS_QUOTES = /[,;<>"]/;

export function formatMailbox(box: Mailbox): string | null {
  const address = clean(box.address);
  let name = clean(box.name);
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).trim();
  if (!name || name.toLowerCase() === address.toLowerCase()) return address || null;
  const shown = NEEDS_QUOTES.test(name) ? `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : name;
  return address ? `${shown} <${address}>` : shown;
}

export function formatMailboxes(boxes: readonly Mailbox[]): string | null {
  const shown = boxes.map(formatMailbox).filter((s): s is string => s !== null);
  return shown.length > 0 ? shown.join(', ') : null;
}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}
