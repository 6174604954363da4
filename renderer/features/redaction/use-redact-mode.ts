// Redact mode in a viewer: on or off, and whether a drag draws a box or selects text.
import { useCallback, useState } from 'react';
import type { Exhibit, Rect } from '../../../shared/model.ts';
import type { RedactTool } from './RedactBar.tsx';
import type { RedactionDraft } from './RedactionDialog.tsx';

export interface RedactMode {
  on: boolean;
  toggle: () => void;
  leave: () => void;
  tool: RedactTool;
  setTool: (tool: RedactTool) => void;
}

export function useRedactMode(): RedactMode {
  const [on, setOn] = useState(false);
  const [tool, setTool] = useState<RedactTool>('box');
  const toggle = useCallback(() => setOn((v) => !v), []);
  const leave = useCallback(() => setOn(false), []);
  return { on, toggle, leave, tool, setTool };
}

let serial = 0;

/** A draft bound to the exhibit and page it was drawn on. */
export function draftOf(exhibit: Exhibit, page: number, rects: Rect[], text: string | null = null): RedactionDraft {
  return { exhibit, page, rects, text, origin: text === null ? 'box' : 'text', serial: ++serial };
}
