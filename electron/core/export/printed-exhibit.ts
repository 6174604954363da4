// The pages an export prints for exhibits that have no pages of their own: an email as a printed message (header
// block, then body), text, web pages and Word documents as their stored text; and the page that stands in for one
// that cannot be reproduced.
import type { Exhibit, ExhibitKind } from '../../../shared/model.ts';
import { displayDateTime } from './display.ts';
import { textWidth } from './fonts.ts';
import { TextFlow, type LaidOutPage } from './text-flow.ts';

const KIND_NAMES: Partial<Record<ExhibitKind, string>> = {
  text: 'text file',
  html: 'web page',
  document: 'Word document',
  contact: 'Outlook contact',
  appointment: 'Outlook appointment',
  task: 'Outlook task',
  note: 'Outlook note',
  contact_group: 'Outlook contact group',
};
const TITLE = { size: 13, weight: 'bold' } as const;

export interface PrintSource {
  exhibit: Exhibit;
  body: string | null;
  /** An email's attachments, named in its header block. */
  attachments: Exhibit[];
}

export function printsAsText(kind: ExhibitKind): boolean {
  return kind === 'email' || kind in KIND_NAMES;
}

export function printedExhibit({ exhibit: e, body, attachments }: PrintSource): LaidOutPage[] {
  const flow = new TextFlow();
  if (e.kind === 'email') {
    flow.text(e.subject || e.title, TITLE);
    flow.space(6);
    const fields: [string, string | null][] = [
      ['From:', e.from],
      ['To:', e.to],
      ['Cc:', e.cc],
      ['Date:', displayDateTime(e.date)],
      ['Subject:', e.subject],
      ['Attachments:', attachments.map((a) => `${a.exhibitNo} ${a.sourceName}`).join('\n')],
    ];
    const shown = fields.filter(([, v]) => v);
    const labelWidth = Math.max(...shown.map(([l]) => textWidth(l, 10.5, 'bold'))) + 10;
    for (const [label, value] of shown) flow.field(label, value!, labelWidth);
    flow.rule(8);
    flow.text(body?.trim() || '(This message has no text.)', { before: 6, tone: body?.trim() ? 'normal' : 'muted' });
  } else {
    flow.text(e.title, TITLE);
    flow.text(`Printed from the text of ${e.sourceName} (${KIND_NAMES[e.kind] ?? e.kind}); the original's layout is not reproduced.`, {
      size: 8.5,
      tone: 'muted',
      before: 4,
    });
    flow.rule(6);
    flow.text(body?.trim() || '(No text was found in this file.)', { before: 6, tone: body?.trim() ? 'normal' : 'muted' });
  }
  return flow.result();
}

/** A page in place of one that cannot be reproduced, saying why and naming the original by its SHA-256. */
/** Why a file that cannot be printed faithfully (a legacy Office file, an unknown format) is produced as it is. */
export const NATIVE_FORMAT = 'this kind of file has no printable form';

export function placeholderPage(e: Exhibit, reason: string, page?: { number: number; of: number }): LaidOutPage {
  const flow = new TextFlow();
  flow.text(`${e.exhibitNo} – ${e.title}`, TITLE);
  // As productions do: a file with no faithful print is produced in native format, this sheet standing in for it.
  const native = reason === NATIVE_FORMAT && !page;
  const heading = native
    ? 'PRODUCED IN NATIVE FORMAT'
    : page
      ? `Page ${page.number} of ${page.of} of this exhibit is not reproduced here.`
      : 'This exhibit is not reproduced here.';
  flow.text(heading, { before: 18, weight: 'bold' });
  flow.text(native ? 'This file cannot be printed faithfully; the original file itself is the exhibit.' : `Reason: ${reason}.`, { before: 6 });
  flow.space(12);
  flow.field('File:', e.sourceName, 60).field('Type:', e.mediaType, 60).field('Size:', `${e.bytes.toLocaleString('en-US')} bytes`, 60);
  flow.field('SHA-256:', e.sha256, 60, { size: 9 });
  flow.text('The original is kept unchanged in the case vault under this SHA-256.', { before: 12, tone: 'muted', size: 9 });
  return flow.result()[0]!;
}
