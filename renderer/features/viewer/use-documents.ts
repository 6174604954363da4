// The open documents: one tab each (a document opened again comes back to its tab; "open in new tab" makes another),
// and the history of what was opened, exhibit and page, that Back and Forward (Alt+← and Alt+→) walk through.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ViewTarget } from './PdfViewer.tsx';

export interface DocumentTab {
  id: number;
  exhibitId: number;
  target: ViewTarget;
}

export interface OpenRequest {
  exhibitId: number;
  page?: number | null;
  terms?: string[];
  /** Opens a tab of its own even if the exhibit is open already. */
  newTab?: boolean;
}

interface Visit {
  exhibitId: number;
  page: number | null;
}

const MAX_HISTORY = 200;

export interface Documents {
  tabs: DocumentTab[];
  active: DocumentTab | null;
  open: (request: OpenRequest) => void;
  select: (tabId: number) => void;
  close: (tabId: number) => void;
  /** The page the reader is on in a tab: the tab comes back to it, and so does Back. */
  readPage: (tabId: number, page: number) => void;
  back: () => void;
  forward: () => void;
  canBack: boolean;
  canForward: boolean;
}

export function useDocuments(): Documents {
  const [tabs, setTabs] = useState<DocumentTab[]>([]);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [history, setHistory] = useState<{ visits: Visit[]; at: number }>({ visits: [], at: -1 });
  const ids = useRef(0);
  const nonce = useRef(0);
  // Read synchronously by open() and close(), which run between renders.
  const tabsRef = useRef(tabs);
  tabsRef.current = tabs;
  const activeRef = useRef(activeId);
  activeRef.current = activeId;

  const show = useCallback((request: OpenRequest) => {
    const target: ViewTarget = { page: request.page ?? null, terms: request.terms ?? [], nonce: ++nonce.current, focus: true };
    const current = tabsRef.current;
    const existing = request.newTab ? undefined : current.find((t) => t.exhibitId === request.exhibitId);
    let next: DocumentTab[];
    let id: number;
    if (existing) {
      id = existing.id;
      next = current.map((t) => (t.id === id ? { ...t, target } : t));
    } else if (request.newTab || activeRef.current === null || !current.some((t) => t.id === activeRef.current)) {
      id = ++ids.current;
      const at = current.findIndex((t) => t.id === activeRef.current);
      next = [...current];
      next.splice(at < 0 ? current.length : at + 1, 0, { id, exhibitId: request.exhibitId, target });
    } else {
      // Opening something else replaces what the current tab shows, as a browser's link does.
      id = activeRef.current;
      next = current.map((t) => (t.id === id ? { id, exhibitId: request.exhibitId, target } : t));
    }
    tabsRef.current = next;
    activeRef.current = id;
    setTabs(next);
    setActiveId(id);
  }, []);

  const open = useCallback(
    (request: OpenRequest) => {
      show(request);
      setHistory(({ visits, at }) => {
        const kept = visits.slice(0, at + 1);
        kept.push({ exhibitId: request.exhibitId, page: request.page ?? null });
        const trimmed = kept.slice(-MAX_HISTORY);
        return { visits: trimmed, at: trimmed.length - 1 };
      });
    },
    [show],
  );

  const go = useCallback(
    (by: 1 | -1) => {
      const to = history.at + by;
      const visit = history.visits[to];
      if (!visit) return;
      setHistory({ visits: history.visits, at: to });
      show({ exhibitId: visit.exhibitId, page: visit.page });
    },
    [history, show],
  );

  const readPage = useCallback((tabId: number, page: number) => {
    const tab = tabsRef.current.find((t) => t.id === tabId);
    if (!tab || tab.target.page === page) return;
    // Kept without a new nonce, so the viewer does not move: it is already there.
    const next = tabsRef.current.map((t) => (t.id === tabId ? { ...t, target: { ...t.target, page } } : t));
    tabsRef.current = next;
    setTabs(next);
    setHistory(({ visits, at }) => {
      const here = visits[at];
      if (!here || here.exhibitId !== tab.exhibitId || here.page === page) return { visits, at };
      const copy = [...visits];
      copy[at] = { ...here, page };
      return { visits: copy, at };
    });
  }, []);

  const close = useCallback((tabId: number) => {
    const current = tabsRef.current;
    const at = current.findIndex((t) => t.id === tabId);
    if (at < 0) return;
    const next = current.filter((t) => t.id !== tabId);
    tabsRef.current = next;
    setTabs(next);
    if (activeRef.current === tabId) {
      const neighbour = next[Math.min(at, next.length - 1)] ?? null;
      activeRef.current = neighbour?.id ?? null;
      setActiveId(neighbour?.id ?? null);
    }
  }, []);

  const select = useCallback((tabId: number) => {
    activeRef.current = tabId;
    setActiveId(tabId);
  }, []);

  const active = useMemo(() => tabs.find((t) => t.id === activeId) ?? null, [tabs, activeId]);
  return {
    tabs,
    active,
    open,
    select,
    close,
    readPage,
    back: () => go(-1),
    forward: () => go(1),
    canBack: history.at > 0,
    canForward: history.at < history.visits.length - 1,
  };
}
