// Renders the sample case's sources into the files a litigator would hold: the complaint and exhibits as PDFs, the
// emails as .eml (one with a PDF letter attached), a saved web page.
import fs from 'node:fs';
import path from 'node:path';
import { renderComplaintPdf } from './render-complaint-pdf.ts';
import { renderDocumentPdf } from './render-document-pdf.ts';
import { SAMPLE_NOTICE } from './page-furniture.ts';
import { parseMessageSource, renderEml } from './render-eml.ts';
import { renderHtml } from './render-html.ts';
import type { ExhibitDefinition, PdfExhibitDefinition, SampleCase } from './sample-definition.ts';
import type { RenderedPage } from './sample-pdf.ts';
import { parseBlocks } from './source-blocks.ts';

export interface RenderedExhibit {
  definition: ExhibitDefinition;
  /** The file written, or for an attachment the file it is attached to. */
  path: string;
  /** The lines drawn on each page of a PDF, to place annotations; null for other kinds. */
  pages: RenderedPage[] | null;
  attachments: RenderedExhibit[];
}

export interface RenderedSources {
  complaint: string;
  exhibits: RenderedExhibit[];
}

export async function renderSources(sample: SampleCase, resources: string, outDir: string): Promise<RenderedSources> {
  fs.mkdirSync(outDir, { recursive: true });
  const read = (source: string) => fs.readFileSync(path.join(resources, source), 'utf8');
  const write = (file: string, bytes: Uint8Array) => {
    const target = path.join(outDir, file);
    fs.writeFileSync(target, bytes);
    return target;
  };

  const { complaint } = sample;
  const complaintPdf = await renderComplaintPdf({ ...complaint, blocks: parseBlocks(read(complaint.source)) });
  const rendered: RenderedSources = { complaint: write(complaint.file, complaintPdf.bytes), exhibits: [] };

  const renderPdf = async (definition: PdfExhibitDefinition) => {
    const letterhead = definition.letterhead ? sample.letterheads[definition.letterhead]! : null;
    const { pageNumbers, legend, bates } = definition;
    return renderDocumentPdf({ ...definition, letterhead, furniture: { pageNumbers, legend, bates }, blocks: parseBlocks(read(definition.source)) });
  };

  for (const definition of sample.exhibits) {
    if (definition.kind === 'pdf') {
      const pdf = await renderPdf(definition);
      rendered.exhibits.push({ definition, path: write(definition.file, pdf.bytes), pages: pdf.pages, attachments: [] });
    } else if (definition.kind === 'html') {
      const html = renderHtml({ ...definition, blocks: parseBlocks(read(definition.source)) });
      rendered.exhibits.push({ definition, path: write(definition.file, html), pages: null, attachments: [] });
    } else {
      const source = parseMessageSource(read(definition.source), definition.source);
      // An email has no page to carry the notice, so it closes the body, below a signature separator.
      const message = { ...source, body: `${source.body}\n\n-- \n${SAMPLE_NOTICE}` };
      const pdfs = [];
      for (const attachment of definition.attachments) pdfs.push({ attachment, pdf: await renderPdf(attachment) });
      const files = pdfs.map(({ attachment, pdf }) => ({ fileName: attachment.file, mediaType: 'application/pdf', bytes: pdf.bytes }));
      const file = write(definition.file, renderEml(message, files));
      const attachments = pdfs.map(({ attachment, pdf }) => ({ definition: attachment, path: file, pages: pdf.pages, attachments: [] }));
      rendered.exhibits.push({ definition, path: file, pages: null, attachments });
    }
  }
  return rendered;
}
