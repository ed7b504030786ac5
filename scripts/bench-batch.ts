/**
 * Benchmark of the whole command: `npm run bench:batch [-- --pdfs N --texts N --runs R --only WORD] [--engines-only]`
 * (`--only "large text"`: just the memory of one large file).
 *
 * Each comparison runs two whole processes, A and B, in turn (A B, then B A,
 * …), so a drift in the machine's speed falls on both; the ratio A/B is
 * taken pair by pair and the median printed, with wall and CPU seconds
 * (CPU: the children's user + system time, from /proc/self/stat).
 *
 * Comparisons, on folders generated in a temporary directory from fixtures/:
 * - the CLI (-j 1) against a pdf.js-only script over the same PDFs;
 * - the CLI (-j 1) against `pdftotext -layout`, one process per file, where it is installed;
 * - -j 1 against -j 2 on the PDFs, and on the texts (A/B: the speed-up of -j 2);
 * - `parse DIR --out t.jsonl` against `--out t.duckdb` on the texts (issue 13);
 * - `--engine pdfium` against pdftotext -layout, and against `--engine pdfjs`,
 *   with peak RSS too (issue 16; `--engines-only` runs just these);
 * - `parse big.txt --format jsonl --out F` on one large text (the seed
 *   repeated 1,430 times, 20.6 MB, as scripts/bench.ts), against the same
 *   command on the seed alone, the process's floor: peak RSS, and what the
 *   large file adds to it, as multiples of its size (issue 12); and the same
 *   file from standard input against itself as a file.
 * Defaults: 500 PDFs (corpus and seed PDFs, repeated), 5,000 texts (the seed
 * with each copy's first project renamed, so every digest differs), 3 pairs.
 * Builds nothing: run `npm run build` first (the script of the same name does).
 * On a loaded machine, where wall-time ratios say nothing, scripts/bench-batch/threads.mjs
 * gives each thread's busy and idle time for one command instead.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(root, "bin/jixiao.js");
const PDFJS_ONLY = join(root, "scripts/bench-batch/pdfjs-only.mjs");

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} takes a positive whole number`);
  return v;
}
const PDFS = option("pdfs", 500);
const TEXTS = option("texts", 5000);
const RUNS = option("runs", 3);
/** `--only WORD`: run only the pairs whose name contains WORD (e.g. `pdf.js-only`, `-j 2`, `texts`). */
const onlyAt = process.argv.indexOf("--only");
const ONLY = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (onlyAt >= 0 && !ONLY) throw new Error("--only takes a word of a pair's name");

/** Children's CPU seconds so far (user + system of every waited-for child), or NaN off Linux. */
function childCpu(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /, "").split(" ");
    // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

interface Sample { wall: number; cpu: number }

function measure(cmd: string[], env: Record<string, string> = {}): Sample {
  const cpu0 = childCpu();
  const t0 = performance.now();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - t0) / 1000;
  if (r.error) throw r.error;
  // Exit 2 is a batch with an unreadable file, which the corpus may hold; anything else is a failed run.
  if (r.status !== 0 && r.status !== 2) throw new Error(`${cmd.join(" ")} exited ${r.status}: ${String(r.stderr).slice(0, 400)}`);
  return { wall, cpu: childCpu() - cpu0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Pair { name: string; a: { label: string; cmd: () => string[]; before?: () => void }; b: { label: string; cmd: () => string[]; before?: () => void }; unit?: { count: number; what: string } }

function runPair(p: Pair): void {
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
    for (const side of order) {
      const s = p[side];
      s.before?.();
      (side === "a" ? as : bs).push(measure(s.cmd()));
    }
  }
  const ratios = as.map((a, i) => a.wall / bs[i]!.wall);
  const cpuRatios = as.map((a, i) => a.cpu / bs[i]!.cpu);
  const per = (xs: Sample[]) => (p.unit ? `, ${(p.unit.count / median(xs.map((x) => x.wall))).toFixed(1)} ${p.unit.what}/s` : "");
  console.log(`${p.name}`);
  console.log(`  A ${p.a.label}: wall ${median(as.map((x) => x.wall)).toFixed(2)} s, cpu ${median(as.map((x) => x.cpu)).toFixed(2)} s${per(as)}`);
  console.log(`  B ${p.b.label}: wall ${median(bs.map((x) => x.wall)).toFixed(2)} s, cpu ${median(bs.map((x) => x.cpu)).toFixed(2)} s${per(bs)}`);
  console.log(`  A/B wall ${median(ratios).toFixed(3)}× (pairs: ${ratios.map((r) => r.toFixed(3)).join(" ")}), cpu ${median(cpuRatios).toFixed(3)}×`);
}

// ── inputs ─────────────────────────────────────────────────────────────────
const work = mkdtempSync(join(tmpdir(), "jixiao-bench-batch-"));
const pdfDir = join(work, "pdfs");
const textDir = join(work, "texts");
mkdirSync(pdfDir);
mkdirSync(textDir);
const sources = [
  ...readdirSync(join(root, "fixtures/corpus")).filter((f) => f.endsWith(".pdf")).map((f) => join(root, "fixtures/corpus", f)),
  ...readdirSync(join(root, "fixtures/pdf/seed")).filter((f) => f.endsWith(".pdf")).map((f) => join(root, "fixtures/pdf/seed", f)),
].sort();
const pdfs: string[] = [];
for (let i = 0; i < PDFS; i++) {
  const to = join(pdfDir, `${String(i).padStart(5, "0")}.pdf`);
  copyFileSync(sources[i % sources.length]!, to);
  pdfs.push(to);
}
const seed = readFileSync(join(root, "fixtures/seed/seed.txt"), "utf8");
for (let i = 0; i < TEXTS; i++) writeFileSync(join(textDir, `${String(i).padStart(5, "0")}.txt`), seed.replace("机关服务", `机关服务${i}`));
const pdfPages = Number(spawnSync(process.execPath, [PDFJS_ONLY, ...pdfs], { encoding: "utf8" }).stdout.trim());
console.log(`bench:batch: ${PDFS} PDFs (${pdfPages} pages, from ${sources.length} fixtures), ${TEXTS} texts (${(TEXTS * Buffer.byteLength(seed)) / 1e6} MB), ${RUNS} pairs each, node ${process.version}`);

const node = process.execPath;
const cli = (args: string[]) => () => [node, BIN, ...args];
const out = (name: string) => join(work, name);
const fresh = (...files: string[]) => () => files.forEach((f) => rmSync(f, { force: true, recursive: true }));

const pairs: Pair[] = [
  {
    name: "PDFs: the command (-j 1) against a pdf.js-only script (pdf.js loaded as jixiao loads it), same files",
    a: { label: "jixiao parse -j 1 --format jsonl --out /dev/null", cmd: cli(["parse", pdfDir, "-j", "1", "--format", "jsonl", "--out", "/dev/null", "--quiet"]) },
    b: { label: "pdf.js only", cmd: () => [node, PDFJS_ONLY, ...pdfs] },
    unit: { count: pdfPages, what: "pages" },
  },
];
if (spawnSync("sh", ["-c", "command -v pdftotext"]).status === 0) {
  pairs.push({
    name: "PDFs: the command (-j 1) against pdftotext -layout, one process per file",
    a: { label: "jixiao parse -j 1", cmd: cli(["parse", pdfDir, "-j", "1", "--format", "jsonl", "--out", "/dev/null", "--quiet"]) },
    b: { label: "pdftotext -layout", cmd: () => ["sh", "-c", `for f in "${pdfDir}"/*.pdf; do pdftotext -layout "$f" - ; done > /dev/null`] },
    unit: { count: pdfPages, what: "pages" },
  });
}
pairs.push(
  {
    name: `PDFs: -j 1 against -j 2 (${PDFS} files; A/B is the speed-up of -j 2)`,
    a: { label: "-j 1", cmd: cli(["parse", pdfDir, "-j", "1", "--format", "jsonl", "--out", "/dev/null", "--quiet"]) },
    b: { label: "-j 2", cmd: cli(["parse", pdfDir, "-j", "2", "--format", "jsonl", "--out", "/dev/null", "--quiet"]) },
    unit: { count: pdfPages, what: "pages" },
  },
  {
    name: `texts: -j 1 against -j 2 (${TEXTS} files; A/B is the speed-up of -j 2)`,
    a: { label: "-j 1", cmd: cli(["parse", textDir, "-j", "1", "--format", "jsonl", "--out", "/dev/null", "--quiet"]) },
    b: { label: "-j 2", cmd: cli(["parse", textDir, "-j", "2", "--format", "jsonl", "--out", "/dev/null", "--quiet"]) },
    unit: { count: TEXTS, what: "files" },
  },
  {
    name: `texts: --out t.jsonl against --out t.duckdb (${TEXTS} files, default -j)`,
    a: { label: "--out t.jsonl", cmd: cli(["parse", textDir, "--out", out("t.jsonl"), "--quiet"]), before: fresh(out("t.jsonl")) },
    b: { label: "--out t.duckdb", cmd: cli(["parse", textDir, "--out", out("t.duckdb"), "--quiet"]), before: fresh(out("t.duckdb"), out("t.duckdb.wal")) },
    unit: { count: TEXTS, what: "files" },
  },
);
// ── PDF engines (issue 16): wall, CPU and peak RSS ─────────────────────────
// `--engines-only` runs just these pairs. Peak RSS is the largest single
// process's (at -j 1 the command and its worker are one process), read
// through /usr/bin/time when it is installed.
const TIME = "/usr/bin/time";
const hasTime = spawnSync(TIME, ["-f", "%M", "true"]).status === 0;
function measureRss(cmd: string[]): Sample & { rss: number } {
  if (!hasTime) return { ...measure(cmd), rss: NaN };
  const file = join(work, "rss.txt");
  const s = measure([TIME, "-o", file, "-f", "%M", ...cmd]);
  return { ...s, rss: Number(readFileSync(file, "utf8").trim().split("\n").pop()) * 1024 };
}
function runEnginePair(p: Pair): { as: (Sample & { rss: number })[]; bs: (Sample & { rss: number })[] } {
  const as: (Sample & { rss: number })[] = [];
  const bs: (Sample & { rss: number })[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const side of i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const)) (side === "a" ? as : bs).push(measureRss(p[side].cmd()));
  }
  const m = (xs: number[]) => median(xs);
  const line = (label: string, xs: (Sample & { rss: number })[]) =>
    `  ${label}: wall ${m(xs.map((x) => x.wall)).toFixed(2)} s, cpu ${m(xs.map((x) => x.cpu)).toFixed(2)} s, peak RSS ${(m(xs.map((x) => x.rss)) / 1e6).toFixed(0)} MB` +
    (p.unit ? `, ${(p.unit.count / m(xs.map((x) => x.wall))).toFixed(1)} ${p.unit.what}/s` : "");
  console.log(p.name);
  console.log(line(`A ${p.a.label}`, as));
  console.log(line(`B ${p.b.label}`, bs));
  const r = (f: (x: Sample & { rss: number }) => number) => m(as.map((a, i) => f(a) / f(bs[i]!))).toFixed(3);
  console.log(`  A/B wall ${r((x) => x.wall)}× (pairs: ${as.map((a, i) => (a.wall / bs[i]!.wall).toFixed(3)).join(" ")}), cpu ${r((x) => x.cpu)}×, peak RSS ${r((x) => x.rss)}×`);
  return { as, bs };
}
const pdfParse = (engine: string) => cli(["parse", pdfDir, "-j", "1", "--format", "jsonl", "--out", "/dev/null", "--quiet", "--engine", engine]);
const enginePairs: Pair[] = [];
if (spawnSync("sh", ["-c", "command -v pdftotext"]).status === 0) {
  enginePairs.push({
    name: "PDFs: --engine pdfium (-j 1) against pdftotext -layout, one process per file",
    a: { label: "jixiao parse -j 1 --engine pdfium", cmd: pdfParse("pdfium") },
    b: { label: "pdftotext -layout", cmd: () => ["sh", "-c", `for f in "${pdfDir}"/*.pdf; do pdftotext -layout "$f" - ; done > /dev/null`] },
    unit: { count: pdfPages, what: "pages" },
  });
}
enginePairs.push({
  name: "PDFs: --engine pdfium against --engine pdfjs (-j 1)",
  a: { label: "--engine pdfium", cmd: pdfParse("pdfium") },
  b: { label: "--engine pdfjs", cmd: pdfParse("pdfjs") },
  unit: { count: pdfPages, what: "pages" },
});
const enginesOnly = process.argv.includes("--engines-only");

// ── one large text (issue 12): peak RSS, and what the file adds to the floor ──
const bigText = join(work, "big.txt");
writeFileSync(bigText, Array(1430).fill(seed).join("\n"));
const bigBytes = Buffer.byteLength(readFileSync(bigText));
const bigPair: Pair = {
  name: `one large text (${(bigBytes / 1e6).toFixed(1)} MB): parse --format jsonl --out F -j 1, against the seed alone (the floor)`,
  a: { label: "big.txt", cmd: cli(["parse", bigText, "--format", "jsonl", "--out", out("big.jsonl"), "-j", "1", "--quiet"]) },
  b: { label: "seed.txt", cmd: cli(["parse", join(root, "fixtures/seed/seed.txt"), "--format", "jsonl", "--out", out("seed.jsonl"), "-j", "1", "--quiet"]) },
};
function runBigPair(p: Pair): void {
  const { as, bs } = runEnginePair(p);
  const a = median(as.map((x) => x.rss));
  const added = median(as.map((x, i) => x.rss - bs[i]!.rss));
  const wall = median(as.map((x) => x.wall));
  console.log(`  ${(bigBytes / 1e6 / wall).toFixed(1)} MB/s (wall); peak RSS ${(a / bigBytes).toFixed(2)}× the input; above the floor, pair by pair, ${(added / 1e6).toFixed(0)} MB, ${(added / bigBytes).toFixed(2)}× the input`);
}

// The same file from standard input, against itself as a file: what reading it whole on the main thread adds.
const stdinPair: Pair = {
  name: `one large text from standard input (${(bigBytes / 1e6).toFixed(1)} MB): parse - < big.txt, against parse big.txt (both --format jsonl --out F -j 1)`,
  a: { label: "parse - < big.txt", cmd: () => ["sh", "-c", `exec "${node}" "${BIN}" parse - --format jsonl --out "${out("stdin.jsonl")}" -j 1 --quiet < "${bigText}"`] },
  b: { label: "parse big.txt", cmd: bigPair.a.cmd },
};

try {
  // --only WORD picks among all pairs, the engines' included; --engines-only runs just the engines'.
  const all = [
    ...(enginesOnly ? [] : pairs.map((p) => ({ p, run: runPair }))),
    ...enginePairs.map((p) => ({ p, run: runEnginePair })),
    ...(enginesOnly ? [] : [{ p: bigPair, run: runBigPair }, { p: stdinPair, run: runEnginePair }]),
  ];
  const chosen = ONLY === undefined ? all : all.filter(({ p }) => p.name.includes(ONLY));
  if (chosen.length === 0) throw new Error(`--only ${ONLY}: no pair's name contains it; the pairs are: ${all.map(({ p }) => p.name).join("; ")}`);
  for (const { p, run } of chosen) run(p);
} finally {
  rmSync(work, { recursive: true, force: true });
}
