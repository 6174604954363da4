// The keyboard shortcuts: one list feeds both the handler and the Help sheet.
import { useEffect } from 'react';

export type GlobalAction = 'search' | 'import' | 'export' | 'help' | 'theme' | 'exhibits' | 'chronology' | 'notes' | 'document' | 'tag' | 'link' | 'allegations' | 'redact' | 'toggleAllegations' | 'toggleDetails';

/** Single keys that act anywhere except while typing in a field or with a dialog open. */
const GLOBAL_KEYS: Record<string, GlobalAction> = {
  '/': 'search',
  i: 'import',
  x: 'export',
  '?': 'help',
  d: 'theme',
  e: 'exhibits',
  c: 'chronology',
  N: 'notes',
  v: 'document',
  t: 'tag',
  l: 'link',
  a: 'allegations',
  R: 'redact',
  '[': 'toggleAllegations',
  ']': 'toggleDetails',
};

export interface ShortcutGroup {
  title: string;
  items: [keys: string[], what: string][];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    items: [
      [['/'], 'Search exhibits'],
      [['I'], 'Import files…'],
      [['X'], 'Export…'],
      [['Shift', 'R'], 'Find and redact…'],
      [['E'], 'Show the exhibits grid'],
      [['C'], 'Show the chronology'],
      [['Shift', 'N'], 'Show the notes across the case'],
      [['V'], 'Show the open document'],
      [['Alt', '←'], 'Back to what you opened before (Alt+→ forward)'],
      [['Ctrl', 'Tab'], 'Next tab (Shift for the previous); Delete on a document’s tab closes it'],
      [['A'], 'Go to the allegations'],
      [['D'], 'Switch between light and dark'],
      [['[', ']'], 'Hide or show the allegations (left) or the details (right)'],
      [['?'], 'This list of shortcuts'],
      [['Esc'], 'Close a dialog or the search results'],
    ],
  },
  {
    title: 'Search results',
    items: [
      [['↑', '↓'], 'Move between exhibits and their hits'],
      [['→', '←'], 'Show or fold an exhibit’s hits'],
      [['Enter'], 'Open the hit at its page (the results stay open)'],
      [['Ctrl/⌘', 'Enter'], 'Open the hit in a new tab (or Ctrl/⌘+click)'],
    ],
  },
  {
    title: 'Exhibits grid',
    items: [
      [['↑', '↓'], 'Move between exhibits'],
      [['Shift', '↑ ↓'], 'Extend the selection'],
      [['Ctrl/⌘', 'A'], 'Select all'],
      [['Ctrl/⌘', 'click'], 'Add or remove one exhibit'],
      [['Shift', 'click'], 'Select a range (on the checkboxes too)'],
      [['Tab', '← →'], 'On a column’s edge in the header: change its width (Home: as it was)'],
      [['→', '←'], 'Show or hide an email’s attachments'],
      [['Enter'], 'Open in the viewer (or double-click)'],
      [['F2'], 'Rename (edit the title)'],
      [['click', 'again'], 'Edit the number, date, title or description'],
      [['Tab'], 'While editing: save, edit the next field'],
      [['T'], 'Tag the selected exhibits'],
      [['L'], 'Link the selected exhibits to a paragraph (type its number: 4 1 picks ¶ 41)'],
    ],
  },
  {
    title: 'Chronology',
    items: [
      [['↑', '↓'], 'Move between facts'],
      [['Home', 'End'], 'First or last fact'],
      [['Enter'], 'Open the first source at its page'],
      [['F2'], 'Edit the fact (Esc cancels)'],
      [['L'], 'Link sources and paragraphs to the fact'],
      [['+', '−'], 'On the time band: zoom in or out (or Ctrl/⌘ + wheel)'],
      [['←', '→'], 'On the time band: move in time (or drag)'],
      [['0'], 'On the time band: fit every fact'],
      [['Ctrl/⌘', 'Enter'], 'While editing the statement: save'],
    ],
  },
  {
    title: 'Document viewer',
    items: [
      [['PgDn', '→'], 'Next page'],
      [['PgUp', '←'], 'Previous page'],
      [['Home', 'End'], 'First or last page'],
      [['+', '−'], 'Zoom in or out'],
      [['0'], 'Fit the page width'],
      [['Ctrl/⌘', 'F'], 'Find in document'],
      [['Enter'], 'Next match (Shift for previous)'],
      [['Shift', '← →'], 'Select text a word at a time (↑ ↓ a line), from the find match'],
      [['H'], 'Highlight the selected text, or the find match'],
      [['N'], 'Add a note to the page'],
      [['Esc'], 'In Find: back to the page, the match kept'],
      [['R'], 'Redact mode: draw boxes to redact (Esc leaves)'],
    ],
  },
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

export function useGlobalShortcuts(run: (action: GlobalAction) => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const action = GLOBAL_KEYS[e.key];
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);
}
