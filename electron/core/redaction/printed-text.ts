// Redaction of exhibits an export prints from their text (emails, Word documents, text files, Outlook items): the
// characters of each printed page with their places, measured with the export's own fonts, and the page laid out
// again without the characters under the boxes. The text is left out of the page, not covered: the printed page is
// drawn by the app, so nothing of it needs to be drawn as a picture.
import type { Rect } from '../../../shared/model.ts';
import { textWidth } from '../export/fonts.ts';
import { LETTER, type LaidOutPage, type Line } from '../export/text-flow.ts';
import { touches, type Box, type PositionedText } from './positioned-text.ts';

/** A line's characters, each with its box as fractions of the Letter page from its top-left. */
function lineBoxes(line: Line): Box[] {
  const top = (LETTER.height - (line.y + line.size * 0.8)) / LETTER.height;
  const bottom = (LETTER.height - (line.y - line.size * 0.25)) / LETTER.height;
  const boxes: Box[] = [];
  let x = line.x;
  for (const ch of line.text) {
    const w = textWidth(ch, line.size, line.weight);
    for (let u = 0; u < ch.length; u++) boxes.push([x / LETTER.width, top, (x + w) / LETTER.width, bottom]);
    x += w;
  }
  return boxes;
}

export function printedPositionedText(page: LaidOutPage): PositionedText {
  let text = '';
  const boxes: PositionedText['boxes'] = [];
  for (const line of page.lines) {
    if (line.text === '') continue;
    if (text !== '') {
      text += '\n';
      boxes.push(null);
    }
    text += line.text;
    boxes.push(...lineBoxes(line));
  }
  return { text, boxes };
}

/**
 * The page without the characters any box touches (each line split around them), and what those characters were,
 * so the caller can check they are still the text the redaction was made to remove.
 */
export function redactPrinted(page: LaidOutPage, rects: Rect[]): { page: LaidOutPage; removed: string } {
  const lines: Line[] = [];
  let removed = '';
  for (const line of page.lines) {
    const boxes = lineBoxes(line);
    let segment = '';
    let start = line.x;
    let x = line.x;
    let i = 0;
    for (const ch of line.text) {
      const w = textWidth(ch, line.size, line.weight);
      const gone = rects.some((r) => touches(boxes[i]!, r));
      if (gone) {
        if (segment.trim() !== '') lines.push({ ...line, text: segment, x: start });
        segment = '';
        removed += ch;
        start = x + w;
      } else {
        segment += ch;
      }
      x += w;
      i += ch.length;
    }
    if (segment !== '' && (segment.trim() !== '' || line.text === segment)) lines.push({ ...line, text: segment, x: start });
  }
  return { page: { lines, rules: page.rules }, removed };
}
