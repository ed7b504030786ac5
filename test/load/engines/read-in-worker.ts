/** Worker body for bounds.test.ts: reads one PDF with the engine named, and posts the row count or the error code. */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { loadPdf } from "../../../src/load/pdf/index.js";

const { file, engine, options } = workerData as { file: string; engine: "pdfjs" | "pdfium"; options?: Record<string, number> };
try {
  const sheet = await loadPdf(new Uint8Array(readFileSync(file)), file, { engine, ...options });
  parentPort!.postMessage({ rows: sheet.rows.length, cells: sheet.rows.flatMap((r) => r.cells.map((c) => c.text)).join("|") });
} catch (e) {
  parentPort!.postMessage({ code: (e as { code?: string }).code, message: (e as Error).message });
}
