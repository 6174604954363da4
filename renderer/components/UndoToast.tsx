// One toast at a time saying what was just done, with Undo (also Ctrl/⌘+Z while it shows), gone after a few seconds:
// how a removal that needs no confirmation (a note) or had one (a link) is taken back.
import { useEffect, useSyncExternalStore } from 'react';

interface Toast {
  id: number;
  message: string;
  undo: () => Promise<unknown> | unknown;
}

const SHOWN_MS = 10_000;
let current: Toast | null = null;
let counter = 0;
const listeners = new Set<() => void>();

function set(toast: Toast | null): void {
  current = toast;
  for (const l of listeners) l();
}

/** Shows "message — Undo"; `undo` runs at most once. */
export function showUndo(message: string, undo: Toast['undo']): void {
  set({ id: ++counter, message, undo });
}

export function UndoToast() {
  const toast = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );

  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(() => current?.id === toast.id && set(null), SHOWN_MS);
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || e.target.closest('input, textarea, select') !== null);
      if (!typing && (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void run(toast);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [toast]);

  async function run(t: Toast) {
    if (current?.id !== t.id) return;
    set(null);
    await t.undo();
  }

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast">
          <span>{toast.message}</span>
          <button type="button" className="text-button toast-undo" onClick={() => void run(toast)}>
            Undo
          </button>
          <button type="button" className="icon-button small toast-close" aria-label="Dismiss" onClick={() => set(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
