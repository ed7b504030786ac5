/**
 * Benchmark of the text path. Run: npm run bench   (builds dist/, then node --expose-gc)
 *
 * Every figure is also given as a ratio to a baseline measured in the same
 * run on the same bytes, so results compare across machines:
 *   floor   = decode the bytes and split them into lines and cells (what any
 *             reader of a TSV export must do);
 *   lexer   = cells built and keyed, and lexed by Chevrotain, one seed copy
 *             at a time (the pipeline lexes form by form).
 * Workloads: one file of the seed repeated to 10,010 forms (~20 MB), and a
 * batch of 2,000 separate seed files parsed and dropped one after another, as
 * `jixiao parse` streams them; flattened text (a viewer's copy of the seed)
 * against the tab export of the same forms. Memory: peak RSS, and the live heap after GC
 * sampled along the batch (flat means it does not grow with the files).
 * Per format: the seed's seven forms in each container (fixtures/containers,
 * and the narrow PDF) parsed file after file, as a ratio to the same forms
 * from the tsv export in the same run (BENCH_FORMAT_FILES files each).
 */
import { readFileSync } from "node:fs";

// The compiled code in dist/ is what the command runs, so that is what is
// measured (tsx's on-the-fly transform adds a helper call to every closure).
// Types come from the sources.
const dist = (rel: string) => new URL(`../dist/${rel}`, import.meta.url).href;
const { formLexer } = (await import(dist("grammars/self-evaluation/tokens.js"))) as typeof import("../grammars/self-evaluation/tokens.js");
const { cellKey } = (await import(dist("src/text/chars.js"))) as typeof import("../src/text/chars.js");
const { nodeSha256 } = (await import(dist("src/files.js"))) as typeof import("../src/files.js");
const { tsvToSheet } = (await import(dist("src/load/tsv.js"))) as typeof import("../src/load/tsv.js");
const { parseText, parseBytes } = (await import(dist("src/parse.js"))) as typeof import("../src/parse.js");
const { documentWriter } = (await import(dist("src/cli/parse-output.js"))) as typeof import("../src/cli/parse-output.js");

const gc = (globalThis as { gc?: () => void }).gc;
const seed = readFileSync(new URL("../fixtures/seed/seed.txt", import.meta.url));
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1430);
const BATCH = Number(process.env.BENCH_FILES ?? 2000);
const big = new TextEncoder().encode(Array(REPEAT).fill(seed.toString("utf8")).join("\n"));
const bigVaried = new TextEncoder().encode(Array.from({ length: REPEAT }, (_, i) => varied(seed.toString("utf8"), i)).join("\n"));
const MB = big.byteLength / 1e6;

function time<T>(fn: () => T): [number, T] {
  const t = performance.now();
  const r = fn();
  return [(performance.now() - t) / 1000, r];
}
async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [(performance.now() - t) / 1000, r];
}
function best(n: number, fn: () => number): number {
  let b = Infinity;
  for (let i = 0; i < n; i++) b = Math.min(b, fn());
  return b;
}
/** Best time of n runs, each from a collected heap (the previous result dropped first). */
async function bestAsync(n: number, fn: () => Promise<unknown>): Promise<number> {
  let b = Infinity;
  for (let i = 0; i < n; i++) {
    gc?.();
    b = Math.min(b, (await timeAsync(fn))[0]);
  }
  return b;
}

/**
 * The seed with copy i's values made its own: the cents of every decimal
 * shifted by i and every long text cell numbered. Labels stay as they are, as in a real file,
 * but no value or text repeats from copy to copy, so nothing is learnt once
 * and reused (the cell lexer keeps the token types of keys it has seen).
 */
function varied(text: string, i: number): string {
  return text
    .replace(/\d[\d,]*\.\d\d/g, (n) => n.slice(0, -2) + String((Number(n.slice(-2)) + i) % 100).padStart(2, "0"))
    .split("\n")
    .map((line) => line.split("\t").map((cell) => (cell.length > 12 && !/\d/.test(cell) ? `${cell}（${i}）` : cell)).join("\t"))
    .join("\n");
}

// Baselines. The floor is measured again beside every workload, just before
// and just after it, and each workload's ratio is to the mean of those two:
// on a shared machine whose speed drifts, a floor measured once at the start
// made the later ratios drift with it.
const floorOnce = () => time(() => {
  const text = new TextDecoder().decode(big);
  let cells = 0;
  for (const line of text.split(/\r\n|\r|\n/)) cells += line.split("\t").length;
  return cells;
})[0];
const floor = best(3, floorOnce);
/** Runs a workload between two measurements of the floor; returns its time and the floor beside it. */
async function besideFloor(fn: () => Promise<number>): Promise<[number, number]> {
  const before = best(2, floorOnce);
  const t = await fn();
  const after = best(2, floorOnce);
  return [t, (before + after) / 2];
}
// Lexed one seed copy at a time: every cell keyed, the keys joined by \t and
// \n, and the whole string lexed by the Chevrotain lexer (the simplest way to
// run Chevrotain over a Sheet, in DESIGN.md's words; the pipeline itself only
// lexes the keys it has not seen, see grammars/self-evaluation/classify.ts).
const seedText = seed.toString("utf8");
const lexer = best(3, () => time(() => {
  let tokens = 0;
  for (let i = 0; i < REPEAT; i++) {
    const text = tsvToSheet(seedText, "bench").rows
      .map((row) => row.cells.map((c) => cellKey(c.text)).filter((k) => k !== "").join("\t"))
      .filter((line) => line !== "")
      .join("\n");
    tokens += formLexer.tokenize(text + "\n").tokens.length;
  }
  return tokens;
})[0]);

// One large file, without and with the verifier; best of three.
let forms = 0;
const [tParse, fParse] = await besideFloor(() => bestAsync(3, async () => {
  forms = (await parseText(big, { verify: false, sha256: nodeSha256 })).forms.length;
}));
const [tVaried, fVaried] = await besideFloor(() => bestAsync(3, () => parseText(bigVaried, { verify: false, sha256: nodeSha256 })));
const [tVerify, fVerify] = await besideFloor(() => bestAsync(3, () => parseText(big, { sha256: nodeSha256 })));
// What `jixiao parse --format jsonl --no-verify` does with the file short of
// the disk: the JSON line written as well, every form's provenance included
// (which parsing alone keeps compact and makes only when read).
const jsonl = documentWriter("jsonl", false);
let jsonBytes = 0;
const [tJson, fJson] = await besideFloor(() => bestAsync(3, async () => {
  jsonBytes = jsonl.item(await parseText(big, { verify: false, sha256: nodeSha256 }), 0).length;
}));

// A batch of files parsed (no verifier) and dropped: the parser's own rate.
const [tBatchParse, fBatchParse] = await besideFloor(async () => (await timeAsync(async () => {
  for (let i = 0; i < BATCH; i++) await parseText(seed, { source: `file-${i}.txt`, verify: false, sha256: nodeSha256 });
}))[0]);

// A batch of files, each parsed, verified and dropped.
gc?.();
const heap: number[] = [];
const [tBatch, fBatch] = await besideFloor(async () => (await timeAsync(async () => {
  for (let i = 0; i < BATCH; i++) {
    await parseText(seed, { source: `file-${i}.txt`, sha256: nodeSha256 });
    if ((i + 1) % (BATCH / 10) === 0) {
      gc?.();
      heap.push(process.memoryUsage().heapUsed);
    }
  }
}))[0]);
const batchMB = (seed.byteLength * BATCH) / 1e6;

// Flattened text (a PDF viewer's copy of the seed, fixtures/flat/narrow.viewer.txt)
// against the tab export of the same seven forms, both repeated the same number
// of times and parsed (no verifier) in this run: the ratio is per form.
const FLAT_REPEAT = Number(process.env.BENCH_FLAT_REPEAT ?? 200);
const flatCopy = readFileSync(new URL("../fixtures/flat/narrow.viewer.txt", import.meta.url), "utf8");
const flatBig = new TextEncoder().encode(Array(FLAT_REPEAT).fill(flatCopy).join("\n"));
const tsvSame = new TextEncoder().encode(Array(FLAT_REPEAT).fill(seed.toString("utf8")).join("\n"));
let flatForms = 0;
const tFlat = await bestAsync(3, async () => {
  flatForms = (await parseText(flatBig, { verify: false, sha256: nodeSha256 })).forms.length;
});
const tTsvSame = await bestAsync(3, () => parseText(tsvSame, { verify: false, sha256: nodeSha256 }));
const peakRss = process.resourceUsage().maxRSS / 1024;

const r = (x: number) => x.toFixed(1);
console.log(`input: ${r(MB)} MB, ${forms} forms (seed × ${REPEAT}); batch: ${BATCH} files of ${seed.byteLength} bytes`);
console.log(`baseline floor (decode + split, best of 3 at the start; each ratio below is to the floor measured beside it): ${r(MB / floor)} MB/s; lexer (cells keyed + Chevrotain lexing, form by form): ${r(MB / lexer)} MB/s`);
console.log(`parse, one file:         ${r(MB / tParse)} MB/s, ${(forms / tParse).toFixed(0)} forms/s  = ${r(tParse / fParse)}× floor, ${r(tParse / lexer)}× lexer`);
console.log(`parse, one file, values varied: ${r(bigVaried.byteLength / 1e6 / tVaried)} MB/s, ${(forms / tVaried).toFixed(0)} forms/s  = ${r(tVaried / fVaried)}× floor`);
console.log(`parse + JSON line (${(jsonBytes / 1e6).toFixed(0)} M characters), one file: ${r(MB / tJson)} MB/s, ${(forms / tJson).toFixed(0)} forms/s  = ${r(tJson / fJson)}× floor`);
console.log(`parse+verify, one file:  ${r(MB / tVerify)} MB/s, ${(forms / tVerify).toFixed(0)} forms/s  = ${r(tVerify / fVerify)}× floor`);
console.log(`parse, batch:            ${r(batchMB / tBatchParse)} MB/s, ${((BATCH * 7) / tBatchParse).toFixed(0)} forms/s  = ${r(tBatchParse / ((fBatchParse * batchMB) / MB))}× floor, ${r(tBatchParse / ((lexer * batchMB) / MB))}× lexer`);
console.log(`parse+verify, batch:     ${r(batchMB / tBatch)} MB/s, ${((BATCH * 7) / tBatch).toFixed(0)} forms/s, ${(BATCH / tBatch).toFixed(0)} files/s  = ${r(tBatch / ((fBatch * batchMB) / MB))}× floor`);
console.log(`flattened text (viewer copy × ${FLAT_REPEAT}, ${r(flatBig.byteLength / 1e6)} MB): ${r(flatBig.byteLength / 1e6 / tFlat)} MB/s, ${(flatForms / tFlat).toFixed(0)} forms/s; tsv, same forms: ${(flatForms / tTsvSame).toFixed(0)} forms/s; flat takes ${r(tFlat / tTsvSame)}× the tsv time per form`);
console.log(`peak RSS: ${peakRss.toFixed(0)} MB`);
if (heap.length) {
  const mb = heap.map((h) => (h / 1e6).toFixed(1));
  console.log(`live heap after GC along the batch (MB): ${mb.join(" ")}; last/first = ${(heap[heap.length - 1]! / heap[0]!).toFixed(2)}`);
} else {
  console.log("live heap: run with node --expose-gc to sample it");
}

// Per format: the same seven forms, each container parsed file after file
// (no verifier), against the tsv export of them in the same run.
const FORMAT_FILES = Number(process.env.BENCH_FORMAT_FILES ?? 100);
const formatFiles: [label: string, path: string][] = [
  ["tsv", "seed/seed.txt"],
  ["html", "containers/seed.html"],
  ["html (GBK)", "containers/seed.gbk.html"],
  ["xlsx", "containers/seed.xlsx"],
  ["xlsx, a form per sheet", "containers/per-sheet.xlsx"],
  ["xls", "containers/seed.xls"],
  ["ods", "containers/seed.ods"],
  ["docx", "containers/seed.docx"],
  ["pdf", "pdf/seed/narrow.pdf"],
];
const perFile: number[] = [];
for (const [label, rel] of formatFiles) {
  const b = new Uint8Array(readFileSync(new URL(`../fixtures/${rel}`, import.meta.url)));
  const files = label === "pdf" ? Math.max(1, Math.round(FORMAT_FILES / 10)) : FORMAT_FILES;
  await parseBytes(b, { source: rel, verify: false, sha256: nodeSha256 }); // loads the loader's modules once
  gc?.();
  const [t] = await timeAsync(async () => {
    for (let i = 0; i < files; i++) await parseBytes(b, { source: rel, verify: false, sha256: nodeSha256 });
  });
  perFile.push(t / files);
  const tsvPerFile = perFile[0]!;
  console.log(
    `format ${label.padEnd(24)} ${(b.byteLength / 1024).toFixed(0).padStart(4)} KiB: ${((7 * files) / t).toFixed(0).padStart(6)} forms/s, ` +
      `${(1000 * t / files).toFixed(2)} ms/file  = ${(t / files / tsvPerFile).toFixed(1)}× tsv time`,
  );
}
