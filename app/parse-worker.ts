/**
 * The app's parser, off the page's thread: a module Web Worker that runs
 * jixiao/browser's parseBytes on one dropped file and posts back the verified
 * Document (or the one-line error), so a long PDF never freezes the page.
 * pdf.js, started from here, runs its own worker as it does in the page.
 */
import { GlobalWorkerOptions } from "pdfjs-dist/build/pdf.mjs";
import workerUrl from "pdfjs-dist/build/pdf.worker.mjs?url";
import { parseBytes, type VerifyOptions } from "../src/core.js";

GlobalWorkerOptions.workerSrc = workerUrl;

/** One job: the file's bytes, its name, the verifier's options and pdf.js's asset URLs. */
export interface ParseJob {
  id: number;
  name: string;
  bytes: Uint8Array;
  verify: VerifyOptions;
  assets: { cMapUrl: string; standardFontDataUrl: string };
}

self.onmessage = async (e: MessageEvent<ParseJob>) => {
  const { id, name, bytes, verify, assets } = e.data;
  try {
    // A copy: pdf.js may detach the buffer it is given, and the page keeps the bytes for its own view.
    const doc = await parseBytes(bytes.slice(), { source: name, verify, pdf: { engine: "pdfjs", ...assets } });
    // JSON round trip: the form's provenance is a lazy getter, and the page needs plain data.
    self.postMessage({ id, doc: JSON.parse(JSON.stringify(doc)) as unknown });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
