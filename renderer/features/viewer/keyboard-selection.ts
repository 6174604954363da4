// Selecting text with the keyboard in pdf.js's text layer: Shift+← and Shift+→ a word at a time, Shift+↑ and Shift+↓
// to the start or end of a line; the selection starts at the current find match (selected whole), else at the first
// search term marked on the page, else at the page's first word. Then H makes it a highlight, as a mouse selection.
// The layer's text is walked as one string (a line break where pdf.js ends a line): the browser's own Selection.modify
// loses its place among the layer's positioned, transformed runs.

const STEPS: Record<string, { by: 'word' | 'line'; forward: boolean }> = {
  ArrowRight: { by: 'word', forward: true },
  ArrowLeft: { by: 'word', forward: false },
  ArrowDown: { by: 'line', forward: true },
  ArrowUp: { by: 'line', forward: false },
};

export function isSelectionKey(key: string): boolean {
  return key in STEPS;
}

interface FlatText {
  text: string;
  pieces: { node: Text; start: number }[];
}

function flatten(layer: HTMLElement): FlatText {
  let text = '';
  const pieces: FlatText['pieces'] = [];
  const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n instanceof Text) {
      pieces.push({ node: n, start: text.length });
      text += n.data;
    } else if ((n as Element).tagName === 'BR') {
      text += '\n';
    }
  }
  return { text, pieces };
}

function pointAt(flat: FlatText, offset: number): [Text, number] | null {
  let found: FlatText['pieces'][number] | undefined;
  for (const p of flat.pieces) {
    if (p.start > offset) break;
    found = p;
  }
  if (!found) return null;
  return [found.node, Math.min(found.node.length, offset - found.start)];
}

function offsetOf(flat: FlatText, node: Node | null, offset: number): number | null {
  if (!node) return null;
  const piece = flat.pieces.find((p) => p.node === node);
  if (piece) return piece.start + offset;
  // An element boundary: the start of its first text, or of the text after it.
  const child = node.childNodes[offset] ?? null;
  const after = flat.pieces.find((p) => (child ? child === p.node || child.contains(p.node) || !!(child.compareDocumentPosition(p.node) & Node.DOCUMENT_POSITION_FOLLOWING) : node.contains(p.node)));
  return after ? after.start : flat.text.length;
}

const WORD = /[\p{L}\p{N}]/u;

function step(text: string, from: number, by: 'word' | 'line', forward: boolean): number {
  let at = from;
  if (by === 'word') {
    if (forward) {
      while (at < text.length && !WORD.test(text[at]!)) at++;
      while (at < text.length && WORD.test(text[at]!)) at++;
    } else {
      while (at > 0 && !WORD.test(text[at - 1]!)) at--;
      while (at > 0 && WORD.test(text[at - 1]!)) at--;
    }
    return at;
  }
  if (forward) {
    const end = text.indexOf('\n', at);
    if (end === at) {
      const next = text.indexOf('\n', at + 1);
      return next < 0 ? text.length : next;
    }
    return end < 0 ? text.length : end;
  }
  const start = text.lastIndexOf('\n', at - 1);
  if (start === at - 1 && at > 0) {
    const previous = text.lastIndexOf('\n', at - 2);
    return previous + 1;
  }
  return start + 1;
}

/** The marks of the current find match on the page, in order, or none. */
export function currentMatchMarks(textLayer: HTMLElement): HTMLElement[] {
  return Array.from(textLayer.querySelectorAll<HTMLElement>('mark.find.current'));
}

/** A range over marks that stand for one match (a match over several text runs has one mark in each). */
export function rangeOverMarks(marks: readonly HTMLElement[]): Range | null {
  const first = marks[0]?.firstChild;
  const last = marks.at(-1)?.lastChild;
  if (!(first instanceof Text) || !(last instanceof Text)) return null;
  const range = document.createRange();
  range.setStart(first, 0);
  range.setEnd(last, last.length);
  return range;
}

/** Starts or extends the selection in the text layer for a Shift+arrow key; false when there is no text to select. */
export function extendSelection(textLayer: HTMLElement, key: string): boolean {
  const how = STEPS[key];
  const selection = document.getSelection();
  if (!how || !selection) return false;
  const flat = flatten(textLayer);
  if (!flat.text.trim()) return false;
  const inLayer = selection.rangeCount > 0 && !selection.isCollapsed && textLayer.contains(selection.getRangeAt(0).commonAncestorContainer);
  let anchor: number | null = null;
  let focus: number | null = null;
  if (inLayer) {
    anchor = offsetOf(flat, selection.anchorNode, selection.anchorOffset);
    focus = offsetOf(flat, selection.focusNode, selection.focusOffset);
  }
  if (anchor === null || focus === null) {
    const marks = currentMatchMarks(textLayer);
    const start = rangeOverMarks(marks.length > 0 ? marks : Array.from(textLayer.querySelectorAll<HTMLElement>('mark.term')).slice(0, 1));
    if (start) {
      selection.removeAllRanges();
      selection.addRange(start);
      return true;
    }
    anchor = focus = flat.text.search(/\S/);
  }
  const to = step(flat.text, focus, how.by, how.forward);
  const a = pointAt(flat, anchor);
  const f = pointAt(flat, to);
  if (!a || !f) return false;
  selection.setBaseAndExtent(a[0], a[1], f[0], f[1]);
  return true;
}
