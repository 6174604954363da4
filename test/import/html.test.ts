import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlExtractor } from '../../electron/core/import/formats/html.ts';
import { decodeEntities, htmlToText } from '../../electron/core/import/formats/html-text.ts';
import { WINDOWS_1252_FALLBACK_WARNING } from '../../electron/core/import/formats/text.ts';

const CORPUS = process.env.EXHIBIT_DESK_CORPUS ?? '/work/shared/corpus';
const PARSER_BOMB = join(CORPUS, 'eml/mailparser-htmllargecallstack.eml');
const ctx = { fileName: 'page.html', passwords: [] };

function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('htmlToText', () => {
  it('breaks lines at blocks and <br>, collapses whitespace and keeps <pre> as written', () => {
    const html =
      '<h1>Title</h1>\n<p>First   paragraph\n  wraps <b>here</b>.</p><div>Block</div>line<br>break<br><br><br><br>far' +
      '<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table><pre>  kept\n    as is</pre>end';
    expect(htmlToText(html)).toBe('Title\n\nFirst paragraph wraps here.\n\nBlock\nline\nbreak\n\nfar\n\none\ntwo\n\na b\n\n  kept\n    as is\n\nend');
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
    const { value, ms } = timed(() => htmlToText(html));
    expect(value.startsWith('deep text')).toBe(true);
    expect(value.endsWith('tail')).toBe(true);
    expect(ms).toBeLessThan(1000);
  });

  it.skipIf(!existsSync(PARSER_BOMB))(`survives the 570 KB HTML parser bomb from the corpus (${PARSER_BOMB})`, () => {
    const message = readFileSync(PARSER_BOMB, 'latin1');
    const html = message.slice(message.indexOf('\n\n') + 2);
    expect(html.length).toBeGreaterThan(500_000);
    // Its whole body is one <title>; unwrapped, the junk is ordinary text full of '<'.
    for (const variant of [html, html.replace(/<\/?title>/g, '')]) {
      const { value, ms } = timed(() => htmlToText(variant));
      expect(typeof value).toBe('string');
      expect(ms).toBeLessThan(1000);
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
