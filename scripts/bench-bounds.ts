/**
 * Issue 12's bounds done-when, as whole processes:
 *
 *   node --import tsx scripts/bench-bounds.ts [--timeout SECONDS] [--max-memory MB]
 *
 * Builds the two hostile PDFs of test/batch/hostile-pdfs.ts (a content stream
 * nesting 100,000 `q … Q`, and a 1 MB stream that inflates to 1 GiB), runs
 * the built command on each under /usr/bin/time -v with the given bounds
 * (default: the command's own, 60 s and 1024 MB) and prints, per file, the
 * bound error it ended with, its wall time against 2× the time bound and the
 * process's peak RSS (worker threads included) against 1.5× the memory bound.
 * Exit 1 when a file misses any of the three. Needs `npm run build` first.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BOUNDS } from "../src/cli/batch-options.js";
import { inflatingPdf, nestedQPdf } from "../test/batch/hostile-pdfs.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const timeout = arg("--timeout", BOUNDS.timeout.default);
const memory = arg("--max-memory", BOUNDS.maxMemory.default);

const dir = mkdtempSync(join(tmpdir(), "jixiao-bounds-"));
const files: Array<[string, Buffer]> = [["nested-q.pdf", nestedQPdf()], ["inflating.pdf", await inflatingPdf(1024)]];
let failed = false;
console.log(`bounds: --timeout ${timeout} s, --max-memory ${memory} MB, -j 1`);
for (const [name, bytes] of files) {
  const pdf = join(dir, name);
  writeFileSync(pdf, bytes);
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, join(root, "bin/jixiao.js"), "parse", pdf, "--format", "jsonl", "--quiet",
    "--timeout", String(timeout), "--max-memory", String(memory), "-j", "1"], { encoding: "utf8" });
  const wall = wallSeconds(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(r.stderr)?.[1]);
  const rssMb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]) / 1024;
  const error = r.stderr.split("\n").find((l) => l.includes("[pdf.too-large]")) ?? "(no bound error)";
  const ok = error.includes("[pdf.too-large]") && wall <= 2 * timeout && rssMb <= 1.5 * memory;
  failed ||= !ok;
  console.log(`${name} (${bytes.length} bytes): exit ${r.status}; ${error.slice(error.indexOf(": ") + 2)}`);
  console.log(`  wall ${wall.toFixed(2)} s (≤ ${2 * timeout} s), peak RSS ${rssMb.toFixed(0)} MB (≤ ${1.5 * memory} MB): ${ok ? "holds" : "MISSED"}`);
}
rmSync(dir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;

/** GNU time's h:mm:ss or m:ss.ss, in seconds. */
function wallSeconds(text: string | undefined): number {
  if (text === undefined) return NaN;
  return text.split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
}
