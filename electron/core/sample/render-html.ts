// Writes a sample web page (a saved summary page) as HTML from its source blocks, with its title, author and date.
import { SAMPLE_NOTICE } from './page-furniture.ts';
import type { Block } from './source-blocks.ts';

export interface HtmlSpec {
  title: string;
  author: string;
  date: string; // YYYY-MM-DD
  blocks: Block[];
}

const STYLE = [
  'body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}',
  'h1{font-size:1.5em;margin-bottom:.2em}p.centred{font-style:italic;color:#555;margin-top:0}',
  'table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}',
  'footer{margin-top:3em;font:small sans-serif;color:#777;border-top:1px solid #ddd;padding-top:.5em}',
].join('');

export function renderHtml(spec: HtmlSpec): Uint8Array {
  const body = spec.blocks
    .map(blockHtml)
    .join('\n')
    // Bullets in a row are one list.
    .replaceAll('</ul>\n<ul>', '\n');
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(spec.title)}</title>
<meta name="author" content="${escape(spec.author)}">
<meta name="date" content="${spec.date}">
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
<footer>${escape(SAMPLE_NOTICE)}</footer>
</body>
</html>
`;
  return new Uint8Array(Buffer.from(html, 'utf8'));
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'title':
      return `<h1>${inline(block.text)}</h1>`;
    case 'heading':
      return `<h2>${inline(block.text)}</h2>`;
    case 'subheading':
      return `<h3>${inline(block.text)}</h3>`;
    case 'centred':
      return `<p class="centred">${inline(block.text)}</p>`;
    case 'paragraph':
      return `<p>${inline(block.text)}</p>`;
    case 'quote':
      return `<blockquote>${inline(block.text)}</blockquote>`;
    case 'bullet':
      return `<ul><li>${inline(block.text)}</li></ul>`;
    case 'numbered':
      return `<p>${escape(block.label)} ${inline(block.text)}</p>`;
    case 'table': {
      const head = block.header ? `<tr>${block.header.map((c) => `<th>${inline(c)}</th>`).join('')}</tr>` : '';
      const rows = block.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('\n');
      return `<table>\n${head}${rows}\n</table>`;
    }
    case 'signature':
      return `<p>${block.lines.map(escape).join('<br>')}</p>`;
    case 'page-break':
    case 'scanned-page':
      throw new Error(`A web page has no ${block.type}.`);
  }
}

function inline(text: string): string {
  return escape(text).replaceAll('\n', '<br>');
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
