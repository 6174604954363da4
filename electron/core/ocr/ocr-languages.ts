// Which languages OCR reads, and where their data is: English ships with the app; a trial team adds another offline
// by putting Tesseract's data file for it (<code>.traineddata.gz, LSTM "best_int", as the @tesseract.js-data/<code>
// npm packages hold it) in a folder and naming both in the environment:
//   EXHIBIT_DESK_OCR_LANGUAGES=eng+chi_sim   EXHIBIT_DESK_OCR_DATA=/path/to/folder
// The folder must hold every language named, English included; nothing is ever fetched.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The LSTM-only "best_int" model: what tesseract.js itself would fetch for LSTM recognition, here read from disk.
const SHIPPED_DIR = '4.0.0_best_int';
const CODES = /^[a-z]{3}(_[a-z]{3,4})?(\+[a-z]{3}(_[a-z]{3,4})?){0,7}$/;

export interface OcrLanguages {
  /** Tesseract's language string, such as "eng" or "eng+chi_sim". */
  languages: string;
  /** The folder holding <code>.traineddata.gz for each of them. */
  dataDir: string;
}

/** The languages and data folder the environment names, checked; English from the app's own package otherwise. */
export function ocrLanguages(env: NodeJS.ProcessEnv = process.env): OcrLanguages {
  const languages = (env.EXHIBIT_DESK_OCR_LANGUAGES ?? 'eng').trim();
  if (!CODES.test(languages)) {
    throw new Error(`EXHIBIT_DESK_OCR_LANGUAGES must be Tesseract language codes joined by "+" (such as eng+chi_sim), not "${languages.slice(0, 40)}"`);
  }
  const shipped = path.join(path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')), SHIPPED_DIR);
  const dataDir = env.EXHIBIT_DESK_OCR_DATA ? path.resolve(env.EXHIBIT_DESK_OCR_DATA) : shipped;
  const missing = languages.split('+').filter((code) => !fs.existsSync(path.join(dataDir, `${code}.traineddata.gz`)));
  if (missing.length > 0) {
    throw new Error(`no OCR data for ${missing.join(', ')} in ${dataDir} (put ${missing.map((c) => `${c}.traineddata.gz`).join(', ')} there)`);
  }
  return { languages, dataDir };
}
