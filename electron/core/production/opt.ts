// Reads and writes Opticon OPT image cross-references: one line per page image (key, volume, path, document break,
// folder break, box break, page count), which is how a production says which images make up which document.

export interface OptPage {
  /** The physical line (1-based) the page is on. */
  line: number;
  /** The page's image key, normally its Bates number. */
  key: string;
  volume: string;
  /** As written: relative to the volume root, Windows backslashes. */
  imagePath: string;
  /** The page starts a document (`Y`). */
  docBreak: boolean;
  folderBreak: boolean;
  boxBreak: boolean;
  /** The document's page count, given on its first page; null when the field is empty. */
  pageCount: number | null;
}

export interface OptProblem {
  line: number;
  message: string;
}

export interface OptFile {
  pages: OptPage[];
  problems: OptProblem[];
}

/** Parses an OPT's text; a line that cannot be a page is reported as a problem and left out. */
export function readOpt(text: string): OptFile {
  const pages: OptPage[] = [];
  const problems: OptProblem[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const parsed = parseOptLine(raw, line);
    if (typeof parsed === 'string') problems.push({ line, message: `line ${line}: ${parsed}` });
    else pages.push(parsed);
  });
  return { pages, problems };
}

// Seven comma-separated values; producers drop trailing empty ones, and a path that contains a comma leaves more than
// seven, so the path is whatever lies between the volume and the last four values.
function parseOptLine(raw: string, line: number): OptPage | string {
  const parts = raw.split(',');
  if (parts.length < 3) return `expected key, volume and image path separated by commas, found "${raw.slice(0, 80)}"`;
  const tail = parts.length > 7 ? parts.slice(-4) : parts.slice(3);
  const imagePath = (parts.length > 7 ? parts.slice(2, -4).join(',') : parts[2]!).trim();
  const [breakFlag = '', folderFlag = '', boxFlag = '', countText = ''] = tail.map((t) => t.trim());
  const key = parts[0]!.trim();
  if (key === '') return 'the image key is empty';
  if (imagePath === '') return `the image path of ${key} is empty`;
  let pageCount: number | null = null;
  if (countText !== '') {
    if (!/^\d+$/.test(countText)) return `the page count of ${key} is "${countText}", not a number`;
    pageCount = Number(countText);
  }
  return {
    line,
    key,
    volume: parts[1]!.trim(),
    imagePath,
    docBreak: isYes(breakFlag),
    folderBreak: isYes(folderFlag),
    boxBreak: isYes(boxFlag),
    pageCount,
  };
}

function isYes(flag: string): boolean {
  return flag.toUpperCase() === 'Y';
}

export type OptPageToWrite = Omit<OptPage, 'line' | 'folderBreak' | 'boxBreak'> & Partial<Pick<OptPage, 'folderBreak' | 'boxBreak'>>;

/** Writes an OPT: CRLF line ends, backslashes in image paths, the page count as given. */
export function writeOpt(pages: readonly OptPageToWrite[]): string {
  return pages
    .map((p) => {
      for (const v of [p.key, p.volume, p.imagePath]) {
        if (/[,\r\n]/.test(v)) throw new Error(`an OPT value cannot contain a comma or newline: ${JSON.stringify(v)}`);
      }
      const flags = [p.docBreak, p.folderBreak ?? false, p.boxBreak ?? false].map((f) => (f ? 'Y' : ''));
      return [p.key, p.volume, p.imagePath.replaceAll('/', '\\'), ...flags, p.pageCount ?? ''].join(',') + '\r\n';
    })
    .join('');
}
