// The modern build of pdf.js is the package's main entry; its types are the package's own.
declare module 'pdfjs-dist/build/pdf.mjs' {
  export * from 'pdfjs-dist';
}
