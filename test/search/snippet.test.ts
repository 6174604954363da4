// Snippets built from a hit's page: the passage with most of the searched terms, the terms marked as FTS5 matches them.
import { describe, expect, it } from 'vitest';
import { parseSearch } from '../../electron/core/search/query-parser.ts';
import { makeSnippet } from '../../electron/core/search/snippet.ts';

const snip = (text: string, query: string, size?: number) => makeSnippet(text, parseSearch(query).terms, '«', '»', '…', size);

describe('makeSnippet', () => {
  it('marks a word case- and accent-blind, as the index matched it', () => {
    expect(snip('The Café in Suzhou opened.', 'cafe suzhou')).toBe('The «Café» in «Suzhou» opened.');
  });

  it('marks a phrase only where its words follow each other, and a prefix on any word it starts', () => {
    expect(snip('trade and secret; a trade secret here', '"trade secret"')).toBe('trade and secret; a «trade secret» here');
    expect(snip('installed the installer', 'instal*')).toBe('«installed» the «installer»');
  });

  it('does not mark what the search excludes', () => {
    expect(snip('server backdoor server', 'server NOT backdoor')).toBe('«server» backdoor «server»');
  });

  it('shows the window holding the most distinct terms, with ellipses where the page goes on', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[5] = 'payment';
    words[40] = 'payment';
    words[43] = 'contract';
    const text = words.join(' ');
    const out = snip(text, 'payment contract', 10);
    expect(out).toMatch(/^…/);
    expect(out).toMatch(/…$/);
    expect(out).toContain('«payment» w41 w42 «contract»');
    expect(out.replace(/[…«»]/g, '').split(' ')).toHaveLength(10);
  });

  it('starts at the first word when a term is there, and returns the whole of a short page', () => {
    expect(snip('Contract signed.', 'contract')).toBe('«Contract» signed.');
    expect(snip('', 'contract')).toBe('');
  });

  it('handles NEAR groups and pages without any term (a metadata hit) alike', () => {
    expect(snip('design of the server', 'NEAR(design server, 5)')).toBe('«design» of the «server»');
    expect(snip('nothing to mark here', 'contract')).toBe('nothing to mark here');
  });
});
