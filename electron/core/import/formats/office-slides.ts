// PowerPoint decks (.pptx, .pptm): one page per slide, in the deck's order, with the slide's text, its speaker notes
// and its comments; hidden slides are flagged, embedded files become attachments.
import { UserError } from '../../../../shared/errors.ts';
import { emptyDocument, type Extractor } from '../extractor.ts';
import { decodeEntities } from './html-text.ts';
import { attr, embeddedFiles, relId, openPackage, relationships, runsText, type OfficePackage } from './office-package.ts';
import { leadingEntryNames } from './zip-archive.ts';

const MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const NAME = /\.(pptx|pptm|ppsx|ppsm|potx)$/i;
const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const slidesExtractor: Extractor = {
  name: 'pptx',
  accepts(head, fileName) {
    if (!ZIP.every((b, i) => head[i] === b)) return false;
    return NAME.test(fileName) || leadingEntryNames(head).some((n) => n.startsWith('ppt/'));
  },
  async extract(bytes) {
    if (bytes.length === 0) throw new UserError('empty', 'The file is empty.');
    const pkg = openPackage(bytes, 'presentation');
    const presentation = pkg.parts.get('ppt/presentation.xml');
    if (!presentation) throw new UserError('unsupported_format', 'This ZIP archive is not a PowerPoint presentation (it has no ppt/presentation.xml).');
    const rels = relationships(pkg, 'ppt/presentation.xml');
    const authors = commentAuthors(pkg.parts.get('ppt/commentAuthors.xml') ?? '');
    const warnings: string[] = [];
    const hidden: number[] = [];
    const out = emptyDocument('document', MEDIA_TYPE);
    const slides = [...presentation.matchAll(/<(?:\w+:)?sldId\b[^>]*>/g)].map(([tag]) => rels.get(relId(tag) ?? '')?.target).filter((t): t is string => Boolean(t));
    slides.forEach((part, i) => {
      const xml = pkg.parts.get(part) ?? '';
      if (/<(?:\w+:)?sld\b[^>]*\sshow\s*=\s*["'](0|false)["']/.test(xml)) hidden.push(i + 1);
      const { notes, comments } = slideExtras(pkg, part, authors);
      const text = [`Slide ${i + 1}`, runsText(xml, 'a:p', 'a:t'), notes && `Notes:\n${notes}`, comments && `Comments:\n${comments}`].filter(Boolean).join('\n\n');
      out.pages.push({ page: i + 1, text });
    });
    if (out.pages.length === 0) throw new UserError('damaged', 'The presentation lists no slides.');
    out.pageCount = out.pages.length;
    if (hidden.length > 0) warnings.push(`Slides hidden in the slide show were imported too: ${hidden.join(', ')}.`);
    if (pkg.entries.some((e) => /^ppt\/vbaProject\.bin$/i.test(e.name))) warnings.push('The presentation contains macros (VBA); they were neither run nor read.');
    out.attachments = embeddedFiles(pkg, 'ppt/embeddings/', warnings);
    const core = pkg.parts.get('docProps/core.xml') ?? '';
    out.title = /<dc:title>([^<]*)</.exec(core)?.[1]?.trim() || null;
    out.author = /<dc:creator>([^<]*)</.exec(core)?.[1]?.trim() || null;
    out.warnings = warnings;
    return out;
  },
};

function commentAuthors(xml: string): Map<string, string> {
  const authors = new Map<string, string>();
  for (const [tag] of xml.matchAll(/<(?:\w+:)?cmAuthor\b[^>]*>/g)) authors.set(attr(tag, 'id') ?? '', attr(tag, 'name') ?? '');
  return authors;
}

function slideExtras(pkg: OfficePackage, slidePart: string, authors: Map<string, string>): { notes: string; comments: string } {
  let notes = '';
  const comments: string[] = [];
  for (const { target, type } of relationships(pkg, slidePart).values()) {
    const xml = pkg.parts.get(target) ?? '';
    if (type.endsWith('/notesSlide')) notes = notesText(xml);
    if (type.endsWith('/comments')) {
      for (const [, tag, body] of xml.matchAll(/<(?:\w+:)?cm\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?cm>/g)) {
        const author = authors.get(attr(`<cm${tag}>`, 'authorId') ?? '');
        const date = attr(`<cm${tag}>`, 'dt');
        const text = decodeEntities(/<(?:\w+:)?text>([\s\S]*?)<\/(?:\w+:)?text>/.exec(body!)?.[1] ?? '').trim();
        const who = [author, date].filter(Boolean).join(', ');
        if (text) comments.push(`${who ? `[${who}] ` : ''}${text}`);
      }
    }
  }
  return { notes, comments: comments.join('\n') };
}

/** The notes page's own text: its body placeholder, not the slide image or the page number it also carries. */
function notesText(xml: string): string {
  const shapes = [...xml.matchAll(/<(?:\w+:)?sp\b[\s\S]*?<\/(?:\w+:)?sp>/g)].map(([sp]) => sp);
  const body = shapes.filter((sp) => !/<(?:\w+:)?ph\b[^>]*type\s*=\s*["'](sldNum|sldImg|hdr|ftr|dt)["']/.test(sp));
  return runsText(body.join(''), 'a:p', 'a:t');
}
