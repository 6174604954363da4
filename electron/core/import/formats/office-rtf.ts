// Rich Text Format documents (.rtf): the text as Word shows it, in the code page the file declares; pictures, field
// codes and document properties are left out by the RTF reader shared with Outlook bodies.
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type Extractor } from '../extractor.ts';
import { htmlToText } from './html-text.ts';
import { readRtf } from './mail-rtf-text.ts';

const SIGNATURE = '{\\rtf';

export const rtfExtractor: Extractor = {
  name: 'rtf',
  accepts(head) {
    return Buffer.from(head.subarray(0, 16)).toString('latin1').trimStart().startsWith(SIGNATURE);
  },
  async extract(bytes) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    const content = readRtf(bytes);
    const text = (content.html ? htmlToText(content.text) : content.text)
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    const out = emptyDocument('document', 'application/rtf');
    out.body = text || null;
    const info = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1');
    out.title = /\{\\title\s+([^{}\\]+)\}/.exec(info)?.[1]?.trim() || null;
    out.author = /\{\\author\s+([^{}\\]+)\}/.exec(info)?.[1]?.trim() || null;
    if (/\\(object|objdata)\b/.test(info)) out.warnings.push('The document holds embedded objects; they were not unpacked.');
    return out;
  },
};
