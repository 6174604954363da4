import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlExtractor } from '../../electron/core/import/formats/html.ts';
import { decodeEntities, htmlToText } from '../../electron/core/import/formats/html-text.ts';
import { WINDOWS_1252_FALLBACK_WARNING } from '../../electron/core/import/formats/charset.ts';
import { CORPUS_DIR } from '../fixtures/corpus.ts';

const CORPUS = CORPUS_DIR;
const PARSER_BOMB = join(CORPUS, 'eml/mailparser-htmllargecallstack.eml');
const ctx = { fileName: 'page.html', passwords: [] };

function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/**
 * How much longer the work takes on four times the input: about 4 when linear, 16 when quadratic. A ratio, not a
 * time limit, so a loaded machine slows both sides alike; the best of three runs each damps a pause in one of them.
 */
function growth(make: (n: number) => string, n: number): number {
  const best = (html: string) =>
    Math.min(
      ...[0, 1, 2].map(() => {
        const start = performance.now();
        htmlToText(html);
        return performance.now() - start;
      }),
    );
  const small = make(n);
  const large = make(4 * n);
  best(small); // warm the parser's code paths before timing
  return best(large) / Math.max(best(small), 1);
}

describe('htmlToText', () => {
  it('breaks lines at blocks and <br>, collapses whitespace and keeps <pre> as written', () => {
    const html =
      '<h1>Title</h1>\n<p>First   paragraph\n  wraps <b>here</b>.</p><div>Block</div>line<br>break<br><br><br><br>far' +
      '<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table><pre>  kept\n    as is</pre>end';
    expect(htmlToText(html)).toBe(
      'Title\n\nFirst paragraph wraps here.\n\nBlock\nline\nbreak\n\nfar\n\n• one\n• two\n\na\tb\n\n  kept\n    as is\n\nend',
    );
  });

  it('keeps text, breaks lines at blocks, decodes entities and keeps a stray "<"', () => {
    expect(htmlToText('<div>a &lt; b</div><div>c<br/>d &#150; &#x1F600; &bogus;</div> x < y')).toBe('a < b\nc\nd – 😀 &bogus;\nx < y');
    expect(htmlToText('<pre>  two\n  lines </pre><p>after</p>')).toBe('  two\n  lines\n\nafter');
    expect(htmlToText('<a title="x>y" href=\'q\'>link</a>')).toBe('link');
  });

  it('reads Outlook\'s margin-less MsoNormal paragraphs line by line, and a paragraph of &nbsp; as a blank line', () => {
    const outlook =
      '<div class=WordSection1><p class=MsoNormal>Hi Sam,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>' +
      '<p class=MsoNormal>The draft is attached.<o:p></o:p></p><p class=MsoNormal>Regards,<o:p></o:p></p>' +
      '<p class="MsoNormal">Jo<o:p></o:p></p></div>';
    expect(htmlToText(outlook)).toBe('Hi Sam,\n\nThe draft is attached.\nRegards,\nJo');
    expect(htmlToText('<div>one</div><div><br></div><div>two</div>')).toBe('one\n\ntwo');
    expect(htmlToText('<p>a</p><p>&nbsp;</p><p>&nbsp;</p><p>b</p>')).toBe('a\n\nb');
    expect(htmlToText('<b>a</b>&nbsp;<b>b</b>')).toBe('a b');
  });

  it('numbers ordered lists and puts each marker on its item\'s first line', () => {
    expect(htmlToText('<ol start="3"><li><p>three</p></li><li>four<ul><li>nested</li></ul></li></ol><li>stray</li>')).toBe(
      '3. three\n\n4. four\n• nested\n\n• stray',
    );
    expect(htmlToText('<ul><li></li><li>only</li></ul><p>after</p>')).toBe('• only\n\nafter');
  });

  it('puts a table row on one line with its cells tab-separated, even when the cells hold paragraphs', () => {
    const word =
      '<p>Above</p><table><tr><td><p>Top left</p></td><td><p>Top right</p></td></tr>' +
      '<tr><td><p>Bottom left</p></td><td></td><td><p>Bottom right</p></td></tr></table><p>Below</p>';
    expect(htmlToText(word)).toBe('Above\n\nTop left\tTop right\nBottom left\tBottom right\n\nBelow');
    expect(htmlToText('<table><tr><td>&nbsp;</td><td>x</td></tr><tr><td>&nbsp;</td></tr><tr><td>y</td></tr></table>')).toBe('x\n\ny');
  });

  it('hides Office XML islands, drops soft hyphens and the line break that opens a <pre>, and keeps ideographic spaces', () => {
    expect(htmlToText('<xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><p>text</p><xml/>after')).toBe('text\n\nafter');
    expect(htmlToText('inde&shy;pen\u00addent')).toBe('independent');
    expect(htmlToText('<p>before</p><pre>\ncode\n</pre>')).toBe('before\n\ncode');
    expect(htmlToText('東京\u3000大阪')).toBe('東京\u3000大阪');
  });

  it('drops script, style, noscript, template, title and comments, but keeps textarea text', () => {
    const html =
      '<title>T</title><script>document.write("<p>no</p>")</script><style>p{color:red}</style><noscript>enable JS</noscript>' +
      '<template><p>hidden <template>deeper</template> still</p></template><!-- a <p>comment</p> -->' +
      '<p>shown</p><textarea>typed &amp; kept</textarea>';
    expect(htmlToText(html)).toBe('shown\n\ntyped & kept');
  });

  it('decodes named, numeric and windows-1252 numeric references, leaving unknown names as written', () => {
    expect(decodeEntities('&lt;a&gt; &amp; &quot;q&quot; &nbsp;&copy;&eacute;&hellip; &#233;&#x1F600;&#150;&#146; &bogus; &#0;'))
      .toBe('<a> & "q" \u00a0©é… é😀–’ &bogus; \ufffd');
    expect(htmlToText('<p>a&nbsp;&nbsp;b</p>')).toBe('a b');
  });

  it('reads the HTML 4 Latin-1 names without their ";" as browsers do, but not inside a longer word', () => {
    expect(decodeEntities('&copy 2024 &amp; AT&T &nbsp. &hellip &copyright a=1&amp=2')).toBe('© 2024 & AT&T \u00a0. &hellip &copyright a=1&amp=2');
  });

  it('reads markup the way browsers do: quoted ">" in attributes, stray "<", bogus tags, unclosed comments', () => {
    expect(htmlToText('<a title="x > y" href=\'>\'>link</a> 1 < 2 <> <3 </ 4> <?php echo ?>done')).toBe('link 1 < 2 <> <3 done');
    expect(htmlToText('before<!-- never closed <p>gone')).toBe('before');
    expect(htmlToText('before<a href="never closed>gone')).toBe('before');
    expect(htmlToText('<script>unterminated <p>')).toBe('');
    expect(htmlToText('one</br>two')).toBe('one\ntwo');
  });

  it('stays linear on pathological markup: deep nesting, unclosed tags, a flood of unbalanced "<"', () => {
    const html =
      '<div>'.repeat(60_000) +
      'deep text' +
      '<b><i><span>'.repeat(20_000) +
      '<{<|<<>'.repeat(40_000) +
      '<p>tail</p>';
    expect(html.length).toBeGreaterThan(570_000);
    const value = htmlToText(html);
    expect(value.startsWith('deep text')).toBe(true);
    expect(value.endsWith('tail')).toBe(true);
    const mix = (n: number) => '<div>'.repeat(6 * n) + 'deep text' + '<b><i><span>'.repeat(2 * n) + '<{<|<<>'.repeat(4 * n) + '<p>tail</p>';
    expect(growth(mix, 10_000)).toBeLessThan(10);
  });

  it.each([
    ['unclosed tags', (n: number) => '<a'.repeat(40 * n)],
    ['unclosed quotes', (n: number) => '<a x="'.repeat(15 * n)],
    ['unclosed comments', (n: number) => '<!--'.repeat(20 * n)],
    ['unclosed declarations', (n: number) => '<!'.repeat(40 * n)],
    ['unclosed end tags', (n: number) => '</a'.repeat(25 * n)],
    ['unclosed scripts', (n: number) => '<script>'.repeat(10 * n)],
    ['unquoted attributes that never close', (n: number) => '<a href='.repeat(10 * n)],
    ['deep nesting', (n: number) => '<div>'.repeat(15 * n) + 'x' + '</div>'.repeat(15 * n)],
    ['deep lists and tables', (n: number) => '<ol><li><table><tr><td>'.repeat(5 * n) + 'x'],
  ])('handles %s in linear time', (_, make) => {
    expect(growth(make, 2_500)).toBeLessThan(10);
  });

  it.skipIf(!existsSync(PARSER_BOMB))(`survives the 570 KB HTML parser bomb from the corpus (${PARSER_BOMB})`, () => {
    const message = readFileSync(PARSER_BOMB, 'latin1');
    const html = message.slice(message.indexOf('\n\n') + 2);
    expect(html.length).toBeGreaterThan(500_000);
    // Its whole body is one <title>; unwrapped, the junk is ordinary text full of '<'.
    for (const variant of [html, html.replace(/<\/?title>/g, '')]) {
      // Its time is not asserted (a loaded machine makes any limit flaky); the growth tests above prove linearity.
      expect(typeof htmlToText(variant)).toBe('string');
    }
  });
});

describe('html importer', () => {
  it('takes the title, author and publication date from the head and the text from the body', async () => {
    const html =
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>  Board   minutes &amp; notes </title>' +
      '<meta name="Author" content="J. Doe"><meta name="date" content="2019-01-01">' +
      '<meta property="article:published_time" content="2020-03-05T10:00:00Z"></head>' +
      '<body><p>Résumé of the meeting.</p><meta name="author" content="not me"></body></html>';
    const doc = await htmlExtractor.extract(new Uint8Array(Buffer.from(html, 'utf8')), ctx);
    expect(doc).toMatchObject({
      kind: 'html',
      mediaType: 'text/html',
      title: 'Board minutes & notes',
      author: 'J. Doe',
      date: '2020-03-05T10:00:00Z',
      body: 'Résumé of the meeting.',
      warnings: [],
    });
  });

  it('ignores a date that is not ISO 8601 and caps a runaway title', async () => {
    const html = `<title>${'x'.repeat(5000)}</title><meta name="date" content="March 5th"><p>t</p>`;
    const doc = await htmlExtractor.extract(latin1(html), ctx);
    expect(doc.date).toBeNull();
    expect(doc.title).toHaveLength(200);
  });

  it('decodes by the charset a <meta> declares', async () => {
    const http = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"></head><p>\xb1</p>';
    expect((await htmlExtractor.extract(latin1(http), ctx)).body).toBe('ą');
    const meta = '<html><meta charset=windows-1252><p>\x93quoted\x94 \x80</p>';
    expect((await htmlExtractor.extract(latin1(meta), ctx)).body).toBe('“quoted” €');
  });

  it('lets a BOM decide, and falls back to windows-1252 with a warning for undeclared non-UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><meta charset="iso-8859-1"><p>Žluťoučký</p>', 'utf16le')]);
    expect((await htmlExtractor.extract(new Uint8Array(utf16), ctx)).body).toBe('Žluťoučký');
    const guessed = await htmlExtractor.extract(latin1('<p>caf\xe9</p>'), ctx);
    expect(guessed.body).toBe('café');
    expect(guessed.warnings).toEqual([WINDOWS_1252_FALLBACK_WARNING]);
  });

  it('accepts .html/.htm names or an HTML start, not other text', () => {
    expect(htmlExtractor.accepts(latin1('whatever'), 'Saved Page.HTM')).toBe(true);
    expect(htmlExtractor.accepts(latin1('\xef\xbb\xbf\n  <!DOCTYPE html>'), 'download')).toBe(true);
    expect(htmlExtractor.accepts(latin1('<HTML lang="en">'), 'download')).toBe(true);
    expect(htmlExtractor.accepts(latin1('<htmlish>'), 'download')).toBe(false);
    expect(htmlExtractor.accepts(latin1('Dear Sir, <b>'), 'letter.txt')).toBe(false);
  });

  it('refuses an empty file', async () => {
    await expect(htmlExtractor.extract(new Uint8Array(), ctx)).rejects.toMatchObject({ code: 'empty' });
  });
});
