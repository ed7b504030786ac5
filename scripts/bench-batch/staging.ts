// The CPU a pool worker spends per document on what it hands the main thread:
// the Document's JSON (a JSONL output) against its staged dataset rows (DuckDB).
// In-process, over the Documents of a JSONL file, 7 rounds; prints min and median.
// Usage: node --import tsx scripts/bench-batch/staging.ts FILE.jsonl
import { readFileSync } from "node:fs";
import type { Document } from "../../src/model/document.js";
import { stageDocument } from "../../src/write/dataset-csv.js";

const file = process.argv[2];
if (!file) throw new Error("usage: staging.ts FILE.jsonl (e.g. from jixiao parse DIR --out FILE.jsonl)");
const docs = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Document);
const options = { parsedAt: new Date().toISOString(), version: "bench", provenance: true };
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
const encoder = new TextEncoder();
function time(label: string, f: (d: Document) => unknown): void {
  const perDoc: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = cpuMs();
    for (const d of docs) f(d);
    perDoc.push((cpuMs() - t0) / docs.length);
  }
  perDoc.sort((a, b) => a - b);
  console.log(`${label}: ${perDoc[0]!.toFixed(3)} ms CPU a document (min of 7), median ${perDoc[3]!.toFixed(3)}`);
}
console.log(`${docs.length} documents from ${file}`);
time("JSON as UTF-8", (d) => encoder.encode(JSON.stringify(d)));
time("staged rows (stageDocument)", (d) => stageDocument(d, options));
