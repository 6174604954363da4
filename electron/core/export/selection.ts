// Which exhibit families an export holds: all, those with a tag, those linked to a paragraph, or those named by
// number; an attachment that matches brings its whole family. Always in exhibit-number order.
import type { ExportSelection } from '../../../shared/api.ts';
import { UserError } from '../../../shared/errors.ts';
import type { Exhibit } from '../../../shared/model.ts';
import type { CaseContext } from '../case/case-context.ts';
import { sequenceOf } from '../store/exhibits.ts';
import { compareExhibitNos } from './display.ts';
import { resolveExhibit } from '../numbers/designations.ts';

export function selectFamilies(ctx: CaseContext, selection: ExportSelection): Exhibit[] {
  const heads = new Map<number, Exhibit>();
  const add = (e: Exhibit) => {
    let head = e;
    while (head.parentId !== null) head = ctx.exhibits.get(head.parentId);
    heads.set(head.id, head);
  };
  switch (selection.by) {
    case 'all':
      for (const e of ctx.exhibits.list()) if (e.parentId === null) add(e);
      break;
    case 'tag': {
      const tag = ctx.tags.find(selection.tag);
      if (!tag) throw new UserError('not_found', `No tag "${selection.tag}".`);
      for (const e of ctx.exhibits.list({ tagIds: ctx.tags.withDescendants(tag.id) })) add(e);
      break;
    }
    case 'paragraph': {
      const paragraph = ctx.allegations.paragraph(selection.paragraph);
      for (const link of ctx.evidence.forParagraph(paragraph.id)) add(ctx.exhibits.get(link.exhibitId));
      break;
    }
    case 'numbers': {
      for (const e of ctx.exhibits.list()) {
        const n = sequenceOf(e.exhibitNo);
        if (e.parentId === null && selection.ranges.some((r) => n >= r.from && n <= r.to)) add(e);
      }
      // Named by exhibit number, or by any number it carries ("PX 12", "Smith Dep. Ex. 4").
      for (const ref of selection.exhibits) add(resolveExhibit(ctx, ref));
      break;
    }
  }
  if (heads.size === 0) throw new UserError('not_found', `No exhibits match ${describeSelection(selection)}.`);
  return [...heads.values()].sort((a, b) => sequenceOf(a.exhibitNo) - sequenceOf(b.exhibitNo) || compareExhibitNos(a.exhibitNo, b.exhibitNo));
}

function describeSelection(selection: ExportSelection): string {
  switch (selection.by) {
    case 'all':
      return 'the case';
    case 'tag':
      return `the tag "${selection.tag}"`;
    case 'paragraph':
      return `paragraph ${selection.paragraph}`;
    case 'numbers':
      return `the numbers ${[...selection.ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)), ...selection.exhibits].join(', ')}`;
  }
}
