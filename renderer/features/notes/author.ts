// Who is writing: the name the user gave once, kept in this browser profile (or the desktop app's), and sent with every
// note, highlight and change to one, so that counsel's notes and an expert's can be told apart.
import { useSyncExternalStore } from 'react';

const KEY = 'exhibit-desk.author';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY)?.trim() || null;
  } catch {
    return null;
  }
}

let current = read();

export function currentAuthor(): string | null {
  return current;
}

export function setAuthor(name: string | null): void {
  current = name?.trim() || null;
  try {
    if (current) localStorage.setItem(KEY, current);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (a private window): the name holds until the page is closed.
  }
  for (const l of listeners) l();
}

/** The name given, or null until the app has asked. */
export function useAuthor(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** The author to send with a change: the name given, or none (the core then names the account it runs under). */
export function authorArg(): { author?: string } {
  return current ? { author: current } : {};
}
