/**
 * Benchmark of the PDF path.
 *
 *   npx tsx --expose-gc scripts/bench-pdf.ts [--pages 300] [--docs 1000]
 *
 * 1. Throughput: the seed PDFs (fixtures/pdf/seed) repeated until at least
 *    `--pages` pages, read twice per round in the same process: by pdfjs-dist
 *    alone (getDocument, then getTextContent + getOperatorList on every page,
 *    destroy: the floor any pdf.js-based loader pays) and by jixiao end to end
 *    (parseBytes: loader, grammar, normaliser, schema). The two take turns on
 *    every document, so load and GC fall on both. Reports pages/s and the
 *    ratio jixiao/pdf.js.
 * 2. Memory: `--docs` documents parsed one after another in this process;
 *    heap (after a forced GC when --expose-gc is given) and RSS are sampled
 *    every tenth of the run, so a leak shows as a rising series.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { nodeAssets } from "../src/load/pdf/assets.js";
import { pdfjs } from "../src/load/pdf/engine.js";
import { parseBytes } from "../src/parse.js";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const dir = join(import.meta.dirname, "..", "fixtures", "pdf", "seed");
const files = readdirSync(dir).filter((f) => f.endsWith(".pdf")).sort();
const corpus = files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
}

/** pdf.js alone: what any loader built on it must spend. Returns pages read. */
async function pdfjsOnly(bytes: Uint8Array): Promise<number> {
  const lib = await pdfjs();
  const assets = nodeAssets();
  const task = lib.getDocument({
    data: bytes.slice(), cMapUrl: assets.cMapUrl, cMapPacked: true, standardFontDataUrl: assets.standardFontDataUrl,
    isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
  });
  try {
    const doc = await task.promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      await Promise.all([page.getTextContent(), page.getOperatorList()]);
      page.cleanup();
    }
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}

async function jixiao(name: string, bytes: Uint8Array): Promise<number> {
  const doc = await parseBytes(bytes, { source: name });
  return doc.source.pages ?? 0;
}

async function throughput(minPages: number): Promise<void> {
  // Warm-up: module loading, CMaps, the fake worker.
  for (const f of corpus) {
    await pdfjsOnly(f.bytes);
    await jixiao(f.name, f.bytes);
  }
  let pagesPerRound = 0;
  for (const f of corpus) pagesPerRound += await pdfjsOnly(f.bytes);
  const rounds = Math.max(1, Math.ceil(minPages / pagesPerRound));
  let tPdfjs = 0;
  let tJixiao = 0;
  let pages = 0;
  for (let r = 0; r < rounds; r++) {
    for (const f of corpus) {
      // Both readers take turns on every document, in alternating order, so a change in
      // machine load or a GC falls on both alike.
      const order = (r + pages) % 2 === 0 ? (["pdfjs", "jixiao"] as const) : (["jixiao", "pdfjs"] as const);
      for (const which of order) {
        const t0 = performance.now();
        const n = which === "pdfjs" ? await pdfjsOnly(f.bytes) : await jixiao(f.name, f.bytes);
        const dt = performance.now() - t0;
        if (which === "pdfjs") tPdfjs += dt;
        else {
          tJixiao += dt;
          pages += n;
        }
        sample();
      }
    }
  }
  console.log(`throughput: ${corpus.length} PDFs × ${rounds} rounds = ${pages} pages`);
  console.log(`  pdf.js getTextContent + getOperatorList: ${(tPdfjs / 1000).toFixed(2)} s, ${(pages / (tPdfjs / 1000)).toFixed(0)} pages/s`);
  console.log(`  jixiao parseBytes end to end:           ${(tJixiao / 1000).toFixed(2)} s, ${(pages / (tJixiao / 1000)).toFixed(0)} pages/s`);
  console.log(`  ratio jixiao / pdf.js: ${(tJixiao / tPdfjs).toFixed(3)} (goal ≤ 1.25)`);
  console.log(`  peak RSS ${mb(peakRss)} MB, peak heap+arrayBuffers ${mb(peakHeap)} MB`);
}

async function memory(docs: number): Promise<void> {
  const checkpoints: { docs: number; heap: number; rss: number }[] = [];
  const every = Math.max(1, Math.floor(docs / 10));
  let pages = 0;
  const t0 = performance.now();
  for (let i = 0; i < docs; i++) {
    const f = corpus[i % corpus.length]!;
    pages += await jixiao(f.name, f.bytes);
    sample();
    if ((i + 1) % every === 0) {
      gc?.();
      const m = process.memoryUsage();
      checkpoints.push({ docs: i + 1, heap: m.heapUsed + m.arrayBuffers, rss: m.rss });
    }
  }
  const dt = (performance.now() - t0) / 1000;
  console.log(`memory: ${docs} documents (${pages} pages) in one process, ${dt.toFixed(1)} s, ${(pages / dt).toFixed(0)} pages/s${gc ? "" : " (run with --expose-gc for post-GC heap)"}`);
  for (const c of checkpoints) console.log(`  after ${String(c.docs).padStart(5)} docs: heap+arrayBuffers ${mb(c.heap).padStart(6)} MB, RSS ${mb(c.rss).padStart(6)} MB`);
  const first = checkpoints[0]!;
  const last = checkpoints[checkpoints.length - 1]!;
  console.log(`  heap growth first→last checkpoint: ${mb(last.heap - first.heap)} MB; RSS growth ${mb(last.rss - first.rss)} MB; peak RSS ${mb(peakRss)} MB`);
}

await throughput(arg("pages", 300));
await memory(arg("docs", 1000));
