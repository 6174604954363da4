// What an OCR run asks of its worker threads (each renders pages and hosts one Tesseract recognizer): one page.
export interface OcrRequest {
  /** The original's file in the vault. */
  file: string;
  page: number;
  passwords: string[];
}
