// Text in which the core marked the matched terms with « »: the marks become <mark>, everything else stays text.
export function Marked({ text }: { text: string }) {
  return (
    <>
      {splitMarked(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

function splitMarked(text: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const re = /«([^«»]*)»/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), marked: false });
    parts.push({ text: m[1] ?? '', marked: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}

/** The distinct terms a snippet marks, to highlight them again in the document. */
export function markedTerms(text: string): string[] {
  const terms = splitMarked(text)
    .filter((p) => p.marked)
    .map((p) => p.text.trim())
    .filter((t) => t !== '');
  return [...new Set(terms.map((t) => t.toLowerCase()))];
}
