import { getHeapStatistics } from "node:v8";

/**
 * Memory a worker is using: the V8 heap in use plus memory held outside it
 * (array buffers among it), as V8 counts them: what a worker reports to the
 * pool's watchdog every 100 ms, and the same measure the PDF loader takes
 * between pages (src/load/pdf/index.ts, which cannot import node:v8).
 *
 * Why not `process.memoryUsage()`: it also reads the
 * process's RSS and, once pdf.js has run, costs 0.5–1 ms a call against a few
 * µs for this; on the PDF path that was 2–4 % of the worker's CPU (per page
 * and every 100 ms; a --cpu-prof of `parse -j 1` over 100 PDFs, issue 12).
 * V8's external count includes the array buffers, so it is the larger of the
 * two and a bound holds at least as early.
 */
export function memoryInUse(): number {
  const s = getHeapStatistics();
  return s.used_heap_size + s.external_memory;
}
