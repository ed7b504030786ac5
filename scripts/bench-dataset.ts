/**
 * Writing a DuckDB dataset against writing JSONL, whole command, for many files.
 *
 *   npm run build && nice -n 10 npx tsx scripts/bench-dataset.ts --files 5000 --rounds 2
 *
 * Makes N copies of the seed in a temporary folder (each with its own first
 * line, so each has its own SHA-256 and is a document of its own), then runs
 * `jixiao parse DIR --format jsonl --out x.jsonl` and
 * `jixiao parse DIR --out x.duckdb` (into a new file) in pairs (JSONL,
 * DuckDB, JSONL, DuckDB …), so that a drift in the machine's load falls on
 * both alike. Prints each pair's wall times and ratio, the median of the pair
 * ratios (goal ≤ 1.3), and the load average: how far to trust it on a shared
 * machine.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { files: { type: "string" }, rounds: { type: "string" }, keep: { type: "boolean" } } });
const files = Number(values.files ?? 5000);
const rounds = Number(values.rounds ?? 2);
const root = mkdtempSync(join(tmpdir(), "jixiao-bench-dataset-"));
const input = join(root, "in");
mkdirSync(input);
const seed = readFileSync(new URL("../fixtures/seed/seed.txt", import.meta.url), "utf8");
for (let i = 0; i < files; i++) writeFileSync(join(input, `seed-${String(i).padStart(5, "0")}.txt`), `copy ${i}\n${seed}`);
const bin = new URL("../bin/jixiao.js", import.meta.url).pathname;

function time(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, "parse", input, ...args], { stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`jixiao ${args.join(" ")} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
  return ms;
}

const jsonl: number[] = [];
const duck: number[] = [];
const ratios: number[] = [];
for (let round = 1; round <= rounds; round++) {
  const j = join(root, "out.jsonl");
  const d = join(root, `out-${round}.duckdb`);
  jsonl.push(time(["--format", "jsonl", "--out", j]));
  const jsonlBytes = statSync(j).size;
  rmSync(j);
  duck.push(time(["--out", d]));
  const duckBytes = statSync(d).size;
  rmSync(d);
  ratios.push(duck.at(-1)! / jsonl.at(-1)!);
  console.log(`pair ${round}: ratio ${ratios.at(-1)!.toFixed(2)}, jsonl ${(jsonl.at(-1)! / 1000).toFixed(1)} s (${(jsonlBytes / 1e6).toFixed(0)} MB), ` +
    `duckdb ${(duck.at(-1)! / 1000).toFixed(1)} s (${(duckBytes / 1e6).toFixed(0)} MB)`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
console.log(`${files} files, ${rounds} pair(s): median jsonl ${(median(jsonl) / 1000).toFixed(1)} s, duckdb ${(median(duck) / 1000).toFixed(1)} s, ` +
  `median pair ratio ${median(ratios).toFixed(2)}× (goal ≤ 1.3×); load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${availableParallelism()} cores`);
if (!values.keep) rmSync(root, { recursive: true, force: true });
