import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseComplaint } from '../../electron/core/allegations/complaint-parser.ts';
import { pdfExtractor } from '../../electron/core/import/formats/pdf.ts';

/**
 * One page as pdf.js extracts California pleading paper: a running header, line numbers 1–28 down the
 * margin (either in front of each line or, as pdf.js sometimes orders them, as a column first), a footer.
 */
function pleadingPage(page: number, total: number, lines: string[], margin: 'inline' | 'column' = 'inline'): string {
  expect(lines.length).toBeLessThanOrEqual(28);
  const numbers = Array.from({ length: 28 }, (_, i) => String(i + 1));
  const body =
    margin === 'inline'
      ? numbers.map((n, i) => (lines[i] === undefined ? n : `${n} ${lines[i]}`))
      : [...numbers, ...lines];
  return [
    `Case 8:21-cv-01386 Document 1 Filed 08/23/21 Page ${page} of ${total} Page ID #:${page}`,
    ...body,
    'COMPLAINT FOR MISAPPROPRIATION OF TRADE SECRETS',
    String(page),
  ].join('\n');
}

const TRADE_SECRET_COMPLAINT: string[][] = [
  [
    'JANE R. DOE (SBN 123456)',
    'jdoe@doepartners.com',
    'DOE & PARTNERS LLP',
    '100 Spectrum Center Drive, Suite 900',
    'Irvine, California 92618',
    'Attorneys for Plaintiff',
    'ORBITAL LOGISTICS, INC.',
    'UNITED STATES DISTRICT COURT',
    'CENTRAL DISTRICT OF CALIFORNIA',
    'ORBITAL LOGISTICS, INC., a Delaware',
    'corporation,',
    'Plaintiff,',
    'v.',
    'HALCYON FREIGHT SYSTEMS LLC, a California',
    'limited liability company; and MARCUS',
    'WEBB, an individual,',
    'Defendants.',
    'Case No. 8:21-cv-01386',
    'COMPLAINT FOR:',
    '1. MISAPPROPRIATION OF TRADE SECRETS (18 U.S.C. § 1836);',
    '2. MISAPPROPRIATION OF TRADE SECRETS (CAL. CIV. CODE § 3426);',
    '3. BREACH OF CONTRACT; AND',
    '4. UNFAIR COMPETITION (CAL. BUS. & PROF. CODE § 17200)',
    'DEMAND FOR JURY TRIAL',
  ],
  [
    'Plaintiff Orbital Logistics, Inc. ("Orbital") alleges as follows:',
    'NATURE OF THE ACTION',
    '1. This action arises from the theft of the source code and technical',
    "specifications of Orbital's Data Exchange System, a proprietary platform",
    'that routes customs and freight data between carriers, brokers and ports.',
    '2. Days before he resigned, Defendant Marcus Webb downloaded more than',
    '14,000 files from the Data Exchange System repository and took them to',
    'Defendant Halcyon Freight Systems LLC ("Halcyon").',
    'PARTIES',
    '3. Plaintiff Orbital is a Delaware corporation with its principal place of',
    'business in Irvine, California.',
    '¶ 4 Defendant Halcyon is a California limited liability company with its',
    'principal place of business in Long Beach, California.',
    '5. Defendant Webb is an individual residing in Orange County, California.',
    'JURISDICTION AND VENUE',
    '7. This Court has subject matter jurisdiction over the First Cause of Action',
    'under 28 U.S.C. § 1331 because it arises under the Defend Trade Secrets',
    'Act, 18 U.S.C. § 1836 et seq., and supplemental jurisdiction over the',
    'remaining claims under 28 U.S.C. § 1367.',
    '8 . Venue is proper in this District under 28 U.S.C. § 1391(b) because',
    'Defendants reside here and the events giving rise to the claims occurred',
    'here.',
    'FACTUAL ALLEGATIONS',
    'A. Orbital Builds the Data Exchange System',
  ],
  [
    '9. Orbital began developing the Data Exchange System in early',
    '2017. Since then it has invested more than $12 million in its develop-',
    'ment, and the system now carries most of the freight data moving',
    'through the Ports of Los Angeles and Long Beach.',
    '10. Webb was employed by Orbital as a senior engineer from March 2018',
    'until he resigned on June 4, 2021. On his first day he signed a Non-',
    'Disclosure and Inventions Agreement (the "Agreement").',
    '11. The Agreement required Webb, among other things, to:',
    "1. hold Orbital's confidential information in strict confidence;",
    '2. use it only for the purpose of his work for Orbital; and',
    '3. return all Orbital materials when his employment ended.',
    'B. Webb Takes the Repository',
    '12. Between May 20 and June 3, 2021, Webb copied the repository to a per-',
    'sonal storage device and uploaded portions of it to a cloud account con-',
    'trolled by Halcyon. Halcyon paid Webb a signing bonus of USD',
    '150,000. Webb did not disclose the bonus to Orbital.',
  ],
  [
    '¶13. Halcyon announced a competing product, "FreightBridge," in August',
    '2021. FreightBridge reproduces the message formats, routing tables and',
    'error-handling logic of the Data Exchange System.',
    '14. Orbital has been damaged in an amount to be proven at trial.',
    'FIRST CAUSE OF ACTION',
    '(Misappropriation of Trade Secrets — 18 U.S.C. § 1836)',
    '(Against All Defendants)',
    '15. Orbital realleges paragraphs 1 through 14 as though fully set forth',
    'herein.',
    '16. The source code, routing tables and specifications of the Data Exchange',
    'System are trade secrets within the meaning of 18 U.S.C. § 1839(3). Defen-',
    'dants misappro-',
  ],
  [
    'priated them by improper means.',
    'SECOND CAUSE OF ACTION',
    '(Misappropriation of Trade Secrets — Cal. Civ. Code § 3426 et seq.)',
    '(Against All Defendants)',
    '17. Orbital realleges paragraphs 1 through 16 as though fully set forth',
    'herein.',
    '18. Defendants’ conduct is misappropriation under the California Uniform',
    'Trade Secrets Act, Cal. Civ. Code § 3426.1.',
    'THIRD CAUSE OF ACTION',
    '(Breach of Contract)',
    '(Against Defendant Webb)',
    '19. Orbital realleges paragraphs 1 through 18 as though fully set forth',
    'herein.',
    '20. Webb breached the Agreement by retaining and disclosing Orbital’s',
    'confidential information after his employment ended.',
    'FOURTH CAUSE OF ACTION',
    '(Unfair Competition — Cal. Bus. & Prof. Code § 17200)',
    '(Against All Defendants)',
    '21. Orbital realleges paragraphs 1 through 20 as though fully set forth',
    'herein.',
    '22. Defendants’ acts are unlawful and unfair business practices within',
    'the meaning of Cal. Bus. & Prof. Code § 17200.',
  ],
  [
    'PRAYER FOR RELIEF',
    'WHEREFORE, Orbital prays for judgment against Defendants as follows:',
    '1. For compensatory damages in an amount to be proven at trial;',
    '2. For exemplary damages under 18 U.S.C. § 1836(b)(3)(C);',
    '3. For a preliminary and permanent injunction against further use of the',
    'Data Exchange System’s trade secrets; and',
    '4. For such other relief as the Court deems just and proper.',
    'DEMAND FOR JURY TRIAL',
    'Orbital demands a trial by jury on all issues so triable.',
    'Dated: August 23, 2021 DOE & PARTNERS LLP',
    'By: /s/ Jane R. Doe',
  ],
];

/** The same complaint drawn on pleading paper: numbers 1–28 in the left margin, a header and a footer. */
async function tradeSecretPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const total = TRADE_SECRET_COMPLAINT.length;
  TRADE_SECRET_COMPLAINT.forEach((lines, p) => {
    const page = doc.addPage([612, 792]);
    const header = `Case 8:21-cv-01386 Document 1 Filed 08/23/21 Page ${p + 1} of ${total} Page ID #:${p + 1}`;
    page.drawText(header, { x: 72, y: 765, size: 9, font });
    for (let i = 0; i < 28; i++) {
      const y = 730 - i * 24;
      page.drawText(String(i + 1), { x: 40, y, size: 12, font });
      if (lines[i] !== undefined) page.drawText(lines[i]!, { x: 72, y, size: 12, font });
    }
    page.drawText('COMPLAINT FOR MISAPPROPRIATION OF TRADE SECRETS', { x: 160, y: 40, size: 10, font });
    page.drawText(String(p + 1), { x: 300, y: 25, size: 10, font });
  });
  return doc.save();
}

function tradeSecretPages() {
  const total = TRADE_SECRET_COMPLAINT.length;
  return TRADE_SECRET_COMPLAINT.map((lines, i) => ({
    page: i + 1,
    text: pleadingPage(i + 1, total, lines, i === 2 ? 'column' : 'inline'),
  }));
}

describe('parseComplaint on a pleading-paper trade-secret complaint', () => {
  const parsed = parseComplaint(tradeSecretPages());
  const paragraph = (n: number) => parsed.paragraphs.find((p) => p.number === n);

  it('finds the four causes of action with their titles and pages', () => {
    expect(parsed.causes).toEqual([
      { ordinal: 1, title: 'Misappropriation of Trade Secrets — 18 U.S.C. § 1836', page: 4 },
      { ordinal: 2, title: 'Misappropriation of Trade Secrets — Cal. Civ. Code § 3426 et seq.', page: 5 },
      { ordinal: 3, title: 'Breach of Contract', page: 5 },
      { ordinal: 4, title: 'Unfair Competition — Cal. Bus. & Prof. Code § 17200', page: 5 },
    ]);
  });

  it('numbers the allegations, skipping the caption list and the prayer, and warns of the gap', () => {
    expect(parsed.paragraphs.map((p) => p.number)).toEqual([
      1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
    ]);
    expect(parsed.warnings).toEqual([
      "Numbered lines 1–4 on page 1 look like the caption's list of claims and were skipped.",
      'Paragraph 6 not found',
    ]);
  });

  it('records where each paragraph starts, its section and its cause', () => {
    const where = parsed.paragraphs.map((p) => [p.number, p.page, p.section, p.causeOrdinal]);
    expect(where).toEqual([
      [1, 2, 'NATURE OF THE ACTION', null],
      [2, 2, 'NATURE OF THE ACTION', null],
      [3, 2, 'PARTIES', null],
      [4, 2, 'PARTIES', null],
      [5, 2, 'PARTIES', null],
      [7, 2, 'JURISDICTION AND VENUE', null],
      [8, 2, 'JURISDICTION AND VENUE', null],
      [9, 3, 'FACTUAL ALLEGATIONS', null],
      [10, 3, 'FACTUAL ALLEGATIONS', null],
      [11, 3, 'FACTUAL ALLEGATIONS', null],
      [12, 3, 'FACTUAL ALLEGATIONS', null],
      [13, 4, 'FACTUAL ALLEGATIONS', null],
      [14, 4, 'FACTUAL ALLEGATIONS', null],
      [15, 4, 'FIRST CAUSE OF ACTION', 1],
      [16, 4, 'FIRST CAUSE OF ACTION', 1],
      [17, 5, 'SECOND CAUSE OF ACTION', 2],
      [18, 5, 'SECOND CAUSE OF ACTION', 2],
      [19, 5, 'THIRD CAUSE OF ACTION', 3],
      [20, 5, 'THIRD CAUSE OF ACTION', 3],
      [21, 5, 'FOURTH CAUSE OF ACTION', 4],
      [22, 5, 'FOURTH CAUSE OF ACTION', 4],
    ]);
  });

  it('joins wrapped lines without the margin numbers, the running header or the footer', () => {
    expect(paragraph(1)?.text).toBe(
      "This action arises from the theft of the source code and technical specifications of Orbital's Data " +
        'Exchange System, a proprietary platform that routes customs and freight data between carriers, brokers and ports.',
    );
    expect(paragraph(2)?.text).toBe(
      'Days before he resigned, Defendant Marcus Webb downloaded more than 14,000 files from the Data Exchange ' +
        'System repository and took them to Defendant Halcyon Freight Systems LLC ("Halcyon").',
    );
    expect(paragraph(8)?.text).toBe(
      'Venue is proper in this District under 28 U.S.C. § 1391(b) because Defendants reside here and the events ' +
        'giving rise to the claims occurred here.',
    );
    for (const p of parsed.paragraphs) {
      expect(p.text).not.toMatch(/Case 8:21|Page ID|COMPLAINT FOR|^\d+ /);
    }
  });

  it('takes a year or an amount at the start of a line as text, and mends hyphenated words', () => {
    expect(paragraph(9)?.text).toBe(
      'Orbital began developing the Data Exchange System in early 2017. Since then it has invested more than ' +
        '$12 million in its development, and the system now carries most of the freight data moving through the ' +
        'Ports of Los Angeles and Long Beach.',
    );
    expect(paragraph(10)?.text).toBe(
      'Webb was employed by Orbital as a senior engineer from March 2018 until he resigned on June 4, 2021. On his ' +
        'first day he signed a Non-Disclosure and Inventions Agreement (the "Agreement").',
    );
    expect(paragraph(12)?.text).toBe(
      'Between May 20 and June 3, 2021, Webb copied the repository to a personal storage device and uploaded ' +
        'portions of it to a cloud account controlled by Halcyon. Halcyon paid Webb a signing bonus of USD ' +
        '150,000. Webb did not disclose the bonus to Orbital.',
    );
  });

  it('keeps a numbered list inside its paragraph and leaves a sub-heading out', () => {
    expect(paragraph(11)?.text).toBe(
      "The Agreement required Webb, among other things, to: 1. hold Orbital's confidential information in strict " +
        'confidence; 2. use it only for the purpose of his work for Orbital; and 3. return all Orbital materials ' +
        'when his employment ended.',
    );
  });

  it('reads the ¶ forms and carries a paragraph over a page break', () => {
    expect(paragraph(4)?.text).toBe(
      'Defendant Halcyon is a California limited liability company with its principal place of business in Long ' +
        'Beach, California.',
    );
    expect(paragraph(13)?.text.startsWith('Halcyon announced a competing product, "FreightBridge," in August 2021.')).toBe(
      true,
    );
    expect(paragraph(16)?.text).toBe(
      'The source code, routing tables and specifications of the Data Exchange System are trade secrets within ' +
        'the meaning of 18 U.S.C. § 1839(3). Defendants misappropriated them by improper means.',
    );
  });

  it('reads the same from a real PDF on pleading paper, as pdf.js extracts it', async () => {
    const extracted = await pdfExtractor.extract(await tradeSecretPdf(), { fileName: 'complaint.pdf', passwords: [] });
    expect(parseComplaint(extracted.pages)).toEqual(parsed);
  });

  it('leaves the prayer and the jury demand out of the last allegation', () => {
    expect(paragraph(22)?.text).toBe(
      'Defendants’ acts are unlawful and unfair business practices within the meaning of Cal. Bus. & Prof. Code § 17200.',
    );
  });
});

describe('parseComplaint on other pleading styles', () => {
  it('reads COUNT headings with titles on the same or the next line, and leaves WHEREFORE clauses out', () => {
    const header = (n: number) => `Case 1:22-cv-00042 Document 1 Filed 01/05/22 Page ${n} of 2`;
    const parsed = parseComplaint([
      {
        page: 1,
        text: [
          header(1),
          'COMPLAINT',
          'I. PARTIES',
          '1. Plaintiff Orbital Logistics, Inc. is a Delaware corporation.',
          '2. Defendant Halcyon Freight Systems LLC is a California company.',
          'II. FACTS',
          '3. Halcyon agreed to license the Data Exchange System for $40,000 a month.',
          '4. Halcyon stopped paying in January 2022.',
          'COUNT I',
          'Breach of Contract',
          '(Against Halcyon)',
          '5. Orbital incorporates paragraphs 1 through 4.',
          '6. Halcyon breached the license agreement.',
          'WHEREFORE, Orbital demands judgment against Halcyon for damages, interest',
          'and costs.',
        ].join('\n'),
      },
      {
        page: 2,
        text: [
          header(2),
          'Count 2 — Unjust Enrichment',
          '7. Halcyon kept the benefit of the Data Exchange System without paying.',
          'WHEREFORE, Orbital demands restitution.',
          'COUNT THREE: CONVERSION',
          "8. Halcyon converted Orbital's data.",
          'COUNT IV',
          "9. Halcyon's conduct was willful.",
        ].join('\n'),
      },
    ]);
    expect(parsed.causes).toEqual([
      { ordinal: 1, title: 'Breach of Contract', page: 1 },
      { ordinal: 2, title: 'Unjust Enrichment', page: 2 },
      { ordinal: 3, title: 'CONVERSION', page: 2 },
      { ordinal: 4, title: 'COUNT IV', page: 2 },
    ]);
    expect(parsed.paragraphs.map((p) => [p.number, p.section, p.causeOrdinal])).toEqual([
      [1, 'PARTIES', null],
      [2, 'PARTIES', null],
      [3, 'FACTS', null],
      [4, 'FACTS', null],
      [5, 'COUNT I', 1],
      [6, 'COUNT I', 1],
      [7, 'Count 2', 2],
      [8, 'COUNT THREE', 3],
      [9, 'COUNT IV', 4],
    ]);
    expect(parsed.paragraphs[5]?.text).toBe('Halcyon breached the license agreement.');
    expect(parsed.paragraphs[6]?.text).toBe('Halcyon kept the benefit of the Data Exchange System without paying.');
    expect(parsed.warnings).toEqual([]);
  });

  it('reads a plain text file: CLAIM FOR RELIEF headings and no page numbers', () => {
    const text = [
      '1. Orbital owns the Data Exchange System.',
      'FIRST CLAIM FOR RELIEF',
      '(Declaratory Judgment)',
      '2. An actual controversy exists.',
      'SECOND CLAIM FOR RELIEF (Negligence) (By Orbital Against All Defendants)',
      '3. Defendants owed Orbital a duty of care.',
    ].join('\n');
    const parsed = parseComplaint([{ page: null, text }]);
    expect(parsed.causes).toEqual([
      { ordinal: 1, title: 'Declaratory Judgment', page: null },
      { ordinal: 2, title: 'Negligence', page: null },
    ]);
    expect(parsed.paragraphs).toEqual([
      { number: 1, text: 'Orbital owns the Data Exchange System.', page: null, section: null, causeOrdinal: null },
      { number: 2, text: 'An actual controversy exists.', page: null, section: 'FIRST CLAIM FOR RELIEF', causeOrdinal: 1 },
      {
        number: 3,
        text: 'Defendants owed Orbital a duty of care.',
        page: null,
        section: 'SECOND CLAIM FOR RELIEF',
        causeOrdinal: 2,
      },
    ]);
  });

  it('does not take a table of contents for the causes of action', () => {
    const text = [
      'TABLE OF CONTENTS',
      'PARTIES ........................ 2',
      'FIRST CAUSE OF ACTION 4',
      'SECOND CAUSE OF ACTION',
      '5',
      'PRAYER FOR RELIEF ......... 6',
      'PARTIES',
      '1. Orbital is a Delaware corporation.',
      'FIRST CAUSE OF ACTION',
      '(Misappropriation of Trade Secrets)',
      '2. Halcyon took the Data Exchange System.',
      'SECOND CAUSE OF ACTION',
      '(Breach of Contract)',
      '3. Webb breached the Agreement.',
    ].join('\n');
    const parsed = parseComplaint([{ page: null, text }]);
    expect(parsed.causes).toEqual([
      { ordinal: 1, title: 'Misappropriation of Trade Secrets', page: null },
      { ordinal: 2, title: 'Breach of Contract', page: null },
    ]);
    expect(parsed.paragraphs.map((p) => [p.number, p.section, p.causeOrdinal])).toEqual([
      [1, 'PARTIES', null],
      [2, 'FIRST CAUSE OF ACTION', 1],
      [3, 'SECOND CAUSE OF ACTION', 2],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('takes a list item numbered like the next paragraph as part of the list', () => {
    const text = [
      '1. Webb signed the Agreement.',
      '2. The Agreement imposes three duties:',
      '1. confidentiality;',
      '2. non-use; and',
      '3. return of materials.',
      '3. Webb breached each duty.',
    ].join('\n');
    const parsed = parseComplaint([{ page: null, text }]);
    expect(parsed.paragraphs.map((p) => [p.number, p.text])).toEqual([
      [1, 'Webb signed the Agreement.'],
      [2, 'The Agreement imposes three duties: 1. confidentiality; 2. non-use; and 3. return of materials.'],
      [3, 'Webb breached each duty.'],
    ]);
  });

  it('takes a number that goes backwards, jumps far ahead, or skips ahead mid-sentence as text', () => {
    const text = [
      '1. Webb resigned.',
      '2. Halcyon paid him for',
      '7. weeks of consulting and, in',
      '2. months, raised his salary by',
      '45. percent.',
      '150. days later Halcyon launched FreightBridge.',
      '3. Orbital learned of it in 2022.',
    ].join('\n');
    const parsed = parseComplaint([{ page: null, text }]);
    expect(parsed.paragraphs.map((p) => [p.number, p.text])).toEqual([
      [1, 'Webb resigned.'],
      [
        2,
        'Halcyon paid him for 7. weeks of consulting and, in 2. months, raised his salary by 45. percent. ' +
          '150. days later Halcyon launched FreightBridge.',
      ],
      [3, 'Orbital learned of it in 2022.'],
    ]);
    expect(parsed.warnings).toEqual([]);
  });

  it('counts numbers that carry on into the prayer as paragraphs, but not its own 1, 2, 3', () => {
    const text = [
      'FIRST CAUSE OF ACTION',
      '1. Halcyon misappropriated the Data Exchange System.',
      'PRAYER FOR RELIEF',
      '2. Orbital asks the Court to enjoin Halcyon.',
      'WHEREFORE, Orbital prays for:',
      '1. Damages;',
      '2. Costs.',
    ].join('\n');
    const parsed = parseComplaint([{ page: null, text }]);
    expect(parsed.paragraphs).toEqual([
      {
        number: 1,
        text: 'Halcyon misappropriated the Data Exchange System.',
        page: null,
        section: 'FIRST CAUSE OF ACTION',
        causeOrdinal: 1,
      },
      { number: 2, text: 'Orbital asks the Court to enjoin Halcyon.', page: null, section: 'PRAYER FOR RELIEF', causeOrdinal: null },
    ]);
  });

  it('warns about every missing paragraph and cause of action', () => {
    const text = ['COUNT I', '2. a.', '3. b.', '7. c.', 'COUNT III', '8. d.'].join('\n');
    expect(parseComplaint([{ page: null, text }]).warnings).toEqual([
      'Paragraph 1 not found',
      'Paragraphs 4–6 not found',
      'Cause of action 2 not found',
    ]);
  });

  it('says so when there are no numbered paragraphs', () => {
    expect(parseComplaint([{ page: 1, text: 'Dear Counsel,\nPlease find the enclosed.' }])).toEqual({
      causes: [],
      paragraphs: [],
      warnings: ['No numbered paragraphs were found.'],
    });
    expect(parseComplaint([]).warnings).toEqual(['No numbered paragraphs were found.']);
  });

  it('reads 5,000 paragraphs, and a paragraph of 20,000 lines, in linear time', () => {
    const sentences = [
      'Defendant copied file {n} of the Data Exchange System repository',
      'on the night before he resigned.',
      'Halcyon received the routing tables in message {n}',
      'and used them to build FreightBridge without a license.',
      'The specifications were marked confidential.',
    ];
    const lines: string[] = [];
    for (let n = 1; n <= 5000; n++) {
      const length = 1 + (n % 3);
      for (let k = 0; k < length; k++) {
        const line = sentences[(n + k) % sentences.length]!.replace('{n}', String(n));
        lines.push(k === 0 ? `${n}. ${line}` : line);
      }
    }
    const pages = Array.from({ length: Math.ceil(lines.length / 25) }, (_, p) => ({
      page: p + 1,
      text: [...lines.slice(p * 25, p * 25 + 25), 'COMPLAINT', `Page ${p + 1}`].join('\n'),
    }));
    const longParagraph = ['1. Orbital attaches the repository log:', ...Array(20_000).fill('commit by webb.')].join('\n');

    const started = performance.now();
    const parsed = parseComplaint(pages);
    const long = parseComplaint([{ page: null, text: longParagraph }]);
    const elapsed = performance.now() - started;

    expect(parsed.paragraphs.map((p) => p.number)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.paragraphs[1]?.text).toBe(
      'Halcyon received the routing tables in message 2 and used them to build FreightBridge without a license. ' +
        'The specifications were marked confidential.',
    );
    expect(long.paragraphs[0]?.text).toHaveLength('Orbital attaches the repository log:'.length + 20_000 * 16);
    expect(elapsed).toBeLessThan(2000);
  });
});
