// The case the workspace journey opens (two PDFs already in it), and the files it imports through the browser-mode
// dialogs: the complaint, a production folder, and a bulk folder large enough to cancel half-way.
import fs from 'node:fs';
import path from 'node:path';
import { createCaseApi, type CaseApi } from '../../electron/core/api.ts';
import { fixedClock } from '../fixtures/case.ts';
import { COMPLAINT_TEXT } from '../fixtures/complaint.ts';
import { mixedEmail } from '../fixtures/emails.ts';
import { makePdf } from '../fixtures/pdfs.ts';

export const CASE_TITLE = 'Business Efficiency Solutions v. Huawei';
export const PASSAGE = 'The duplicate Data Exchange System was installed on servers in Suzhou, China.';
export const BULK_FILES = 600;

export interface JourneyCase {
  api: CaseApi;
  complaint: string;
  production: string;
  bulk: string;
}

export async function buildJourneyCase(root: string): Promise<JourneyCase> {
  const sources = path.join(root, 'sources');
  const production = path.join(root, 'production');
  const bulk = path.join(root, 'bulk');
  for (const dir of [sources, production, bulk]) fs.mkdirSync(dir, { recursive: true });

  const agreement = await makePdf({
    title: 'Partnership Agreement',
    pages: ['PARTNERSHIP AGREEMENT\nBusiness Efficiency Solutions, LLC and Huawei Technologies Pakistan', 'Clause 4. Confidential Information may be used only for the PPIC3 project.'],
  });
  const acceptance = await makePdf({ title: 'Letter of acceptance', pages: ['LETTER OF ACCEPTANCE\nThe PPIC3 contract is awarded to Huawei Technologies Pakistan.'] });
  fs.writeFileSync(path.join(sources, 'agreement.pdf'), agreement);
  fs.writeFileSync(path.join(sources, 'acceptance.pdf'), acceptance);
  fs.writeFileSync(path.join(sources, 'complaint.txt'), COMPLAINT_TEXT);

  const record = await makePdf({
    title: 'Site installation record',
    pages: [
      'SITE INSTALLATION RECORD\nRecord BES-IR-2017-014\nStaging environment DES-SZ-STG',
      `${PASSAGE}\nInstallation window: 18 to 20 April 2017.\nBES engineers gave remote support under protest.`,
      'Signed by the installation team.',
    ],
  });
  fs.writeFileSync(path.join(production, 'installation-record.pdf'), record);
  fs.writeFileSync(path.join(production, 'approval.eml'), (await mixedEmail()).bytes);
  fs.writeFileSync(path.join(production, 'acceptance-copy.pdf'), acceptance);
  fs.writeFileSync(path.join(production, 'empty.pdf'), new Uint8Array());
  for (let i = 0; i < BULK_FILES; i++) {
    fs.writeFileSync(path.join(bulk, `note-${String(i).padStart(4, '0')}.txt`), `Meeting note ${i}: status of the PPIC3 rollout, item ${i}.\n`);
  }

  const api = createCaseApi({ dir: path.join(root, 'case'), create: { title: CASE_TITLE }, now: fixedClock() });
  await api.importFiles({ paths: [path.join(sources, 'agreement.pdf'), path.join(sources, 'acceptance.pdf')] });
  return { api, complaint: path.join(sources, 'complaint.txt'), production, bulk };
}

/** A case of `count` exhibits made of tiny text files, for timing the first rows. */
export async function buildLargeCase(root: string, count: number): Promise<CaseApi> {
  const files = path.join(root, 'notes');
  fs.mkdirSync(files, { recursive: true });
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(files, `${String(i).padStart(5, '0')}.txt`), `Note ${i} on the Data Exchange System.\n`);
  }
  const api = createCaseApi({ dir: path.join(root, 'case'), create: { title: `${count.toLocaleString('en-US')} exhibits` } });
  const report = await api.importFiles({ paths: [files] });
  if (report.imported.length !== count) throw new Error(`Only ${report.imported.length} of ${count} notes were imported.`);
  return api;
}
