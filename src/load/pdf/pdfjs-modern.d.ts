// pdfjs-dist ships declarations for its legacy build only; the modern build has the same API.
declare module "pdfjs-dist/build/pdf.mjs" {
  export * from "pdfjs-dist/legacy/build/pdf.mjs";
}
