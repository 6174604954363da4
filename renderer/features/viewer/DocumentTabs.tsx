// The open documents' tabs, in the workspace's tab list beside Exhibits, Chronology and Notes; Back and Forward before
// it; and the keys that go with them (Alt+← and Alt+→, Ctrl+Tab, Delete on a document's tab).
import { useEffect, type KeyboardEvent } from 'react';
import type { Exhibit } from '../../../shared/model.ts';
import { Icon } from '../../components/Icon.tsx';
import type { Documents } from './use-documents.ts';

export const documentTabId = (tabId: number) => `tab-doc-${tabId}`;

interface DocumentTabsProps {
  documents: Documents;
  exhibitOf: (id: number) => Exhibit | undefined;
  /** Whether a document (rather than Exhibits, Chronology or Notes) is the view shown. */
  showing: boolean;
  onShow: (tabId: number) => void;
  onClose: (tabId: number) => void;
}

/** role="tab" buttons only, so the tab list holds nothing but tabs; each closes with its ×, Delete or the Close document button. */
export function DocumentTabs({ documents, exhibitOf, showing, onShow, onClose }: DocumentTabsProps) {
  return (
    <>
      {documents.tabs.map((t) => {
        const exhibit = exhibitOf(t.exhibitId);
        const selected = showing && documents.active?.id === t.id;
        return (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={documentTabId(t.id)}
            aria-controls="panel-document"
            aria-selected={selected}
            className="tab tab-document"
            title={exhibit ? `${exhibit.exhibitNo}: ${exhibit.title} (Delete closes)` : undefined}
            onClick={() => onShow(t.id)}
            onKeyDown={(e: KeyboardEvent) => {
              if (e.key === 'Delete') {
                e.preventDefault();
                onClose(t.id);
              }
            }}
          >
            {exhibit?.exhibitNo ?? 'Document'}
            {/* A mouse's way to close; the keyboard's are Delete on the tab and the Close document button. */}
            <span
              className="tab-x"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                onClose(t.id);
              }}
            >
              <Icon name="close" size={12} />
            </span>
          </button>
        );
      })}
    </>
  );
}

export function HistoryButtons({ documents }: { documents: Documents }) {
  return (
    <span className="history-buttons">
      <button type="button" className="icon-button small" aria-label="Back" title="Back to what you opened before (Alt+←)" disabled={!documents.canBack} onClick={documents.back}>
        <Icon name="back" size={15} />
      </button>
      <button type="button" className="icon-button small" aria-label="Forward" title="Forward (Alt+→)" disabled={!documents.canForward} onClick={documents.forward}>
        <Icon name="forward" size={15} />
      </button>
    </span>
  );
}

/** Alt+← and Alt+→ anywhere (a browser would go back a page instead), and Ctrl+Tab through the tabs. */
export function useDocumentKeys(documents: Documents, cycleTabs: (by: 1 | -1) => void): void {
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        e.preventDefault();
        if (e.key === 'ArrowLeft') documents.back();
        else documents.forward();
      } else if (e.ctrlKey && !e.altKey && !e.metaKey && e.key === 'Tab') {
        e.preventDefault();
        cycleTabs(e.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [documents, cycleTabs]);
}
