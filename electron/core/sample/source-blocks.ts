// Reads the sample documents' source markup (a small Markdown-like set of blocks) into blocks to lay out.

type PlainType = 'title' | 'heading' | 'subheading' | 'centred' | 'paragraph' | 'quote' | 'bullet';

export type Block =
  | { type: PlainType; text: string }
  | { type: 'numbered'; label: string; text: string }
  | { type: 'table'; header: string[] | null; rows: string[][] }
  | { type: 'signature'; lines: string[] }
  | { type: 'page-break' | 'scanned-page' };

type TextBlock = Extract<Block, { text: string }>;

const SINGLE_LINE: [RegExp, PlainType][] = [
  [/^# (.+)$/, 'title'],
  [/^## (.+)$/, 'heading'],
  [/^### (.+)$/, 'subheading'],
  [/^= (.+)$/, 'centred'],
];
const FLOWING: [RegExp, PlainType][] = [
  [/^> (.+)$/, 'quote'],
  [/^- (.+)$/, 'bullet'],
];
// "12. text" or a clause number "4.2 text"; both keep their label in a hanging indent.
const NUMBERED = /^(\d{1,3}\.(?:\d{1,3}\.?)*) (.+)$/;
const TABLE_RULE = /^\|(?:\s*:?-+:?\s*\|)+$/;

/**
 * One block per marked line; a plain line continues the open paragraph, numbered item, bullet or quote, and a line
 * ending in "\" breaks the line there. `---` is a page break, `[scanned page]` a page imaged without a text layer,
 * `| a | b |` a table row, `~ line | line` a signature block.
 */
export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let open: TextBlock | null = null;
  let table: Extract<Block, { type: 'table' }> | null = null;
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith('|')) table = null;
    if (line === '') {
      open = null;
      continue;
    }
    if (line.startsWith('|')) {
      open = null;
      if (table === null) {
        table = { type: 'table', header: null, rows: [] };
        blocks.push(table);
      }
      if (TABLE_RULE.test(line) && table.header === null && table.rows.length === 1) table.header = table.rows.pop()!;
      else table.rows.push(cells(line));
      continue;
    }
    const started = startBlock(line);
    if (started) {
      blocks.push(started.block);
      open = started.flowing ? (started.block as TextBlock) : null;
    } else if (open) {
      open.text = join(open.text, line);
    } else {
      open = { type: 'paragraph', text: join('', line) };
      blocks.push(open);
    }
  }
  return blocks;
}

/** The block a marked line starts, and whether plain lines after it continue it. */
function startBlock(line: string): { block: Block; flowing: boolean } | null {
  if (line === '---') return { block: { type: 'page-break' }, flowing: false };
  if (line === '[scanned page]') return { block: { type: 'scanned-page' }, flowing: false };
  if (line.startsWith('~ ')) {
    return { block: { type: 'signature', lines: line.slice(2).split('|').map((s) => s.trim()) }, flowing: false };
  }
  for (const [pattern, type] of SINGLE_LINE) {
    const m = pattern.exec(line);
    if (m) return { block: { type, text: m[1]!.trim() }, flowing: false };
  }
  for (const [pattern, type] of FLOWING) {
    const m = pattern.exec(line);
    if (m) return { block: { type, text: join('', m[1]!) }, flowing: true };
  }
  const numbered = NUMBERED.exec(line);
  if (!numbered) return null;
  return { block: { type: 'numbered', label: numbered[1]!, text: join('', numbered[2]!) }, flowing: true };
}

/** Appends a source line to a block's text; a trailing "\" is a line break the layout keeps. */
function join(text: string, line: string): string {
  const piece = line.endsWith('\\') ? `${line.slice(0, -1).trimEnd()}\n` : line;
  if (text === '' || text.endsWith('\n')) return text + piece;
  return `${text} ${piece}`;
}

function cells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}
