// Measures the pages of PDFs imported before pages were measured (migration 0050 left them unmeasured), so that the
// scans among them whose only text is a stamp are sent to OCR like those imported since. Each original is read once.
import { unmeasured as unmeasuredFacts } from '../import/formats/pdf-page-facts.ts';
import { openPdfium } from '../import/formats/pdfium-document.ts';
import type { CaseContext } from '../case/case-context.ts';

/** Measures every unmeasured PDF page, exhibit by exhibit; stops between exhibits when `stopped()` says so. */
export async function measureOldPages(ctx: CaseContext, stopped: () => boolean): Promise<void> {
  const byExhibit = new Map<number, { sha256: string; pages: number[] }>();
  for (const p of ctx.ocr.unmeasured()) {
    const entry = byExhibit.get(p.exhibitId) ?? { sha256: p.sha256, pages: [] };
    entry.pages.push(p.page);
    byExhibit.set(p.exhibitId, entry);
  }
  for (const [exhibitId, { sha256, pages }] of byExhibit) {
    if (stopped()) return;
    // PDFium reads a page's facts in milliseconds; an original it cannot open (encrypted) is taken as showing no picture.
    const bytes = await ctx.vault.read(sha256).catch(() => null);
    const doc = bytes ? await openPdfium(new Uint8Array(bytes)) : null;
    try {
      const facts = pages.map((n) => ({ n, facts: (doc && n <= doc.pageCount ? doc.page(n).facts : null) ?? unmeasuredFacts('') }));
      ctx.db.transaction(() => {
        for (const { n, facts: f } of facts) ctx.ocr.measured(exhibitId, n, f);
      })();
    } finally {
      doc?.close();
    }
    // Let a cancel (or anything else waiting) through between originals.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
