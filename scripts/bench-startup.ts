/**
 * Start-up of the whole command, against Node itself and against pdf.js:
 *
 *   npm run bench:startup [-- --runs 9]
 *
 * Each pair runs A B A B …, each run a fresh process timed from spawn to
 * exit (wall clock), after one warm-up of each; the ratio A/B is taken run by
 * run, and its median printed with its range, so drift of a shared machine
 * falls on both sides of every ratio. Targets are issue 12's:
 * - `jixiao --version` ≤ 2× `node -e 0`;
 * - `jixiao parse seed.txt` ≤ 4× `node -e 0`;
 * - `jixiao parse` of a one-page PDF ≤ 1.1× scripts/pdfjs-read.mjs, which only
 *   opens it with pdf.js and reads its text and operators.
 * It runs the built package (bin/jixiao.js → dist/lib), as a user does.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 9;
const node = process.execPath;
const PDF = "fixtures/pdf/seed/landscape-one.pdf";

interface Pair { name: string; a: string[]; b: string[]; target: number }
const PAIRS: Pair[] = [
  { name: "jixiao --version / node -e 0", a: ["bin/jixiao.js", "--version"], b: ["-e", "0"], target: 2 },
  { name: "jixiao parse seed.txt / node -e 0", a: ["bin/jixiao.js", "parse", "fixtures/seed/seed.txt", "--out", "/dev/null"], b: ["-e", "0"], target: 4 },
  { name: "jixiao parse one-page PDF / pdf.js read", a: ["bin/jixiao.js", "parse", PDF, "--out", "/dev/null"], b: ["scripts/pdfjs-read.mjs", PDF], target: 1.1 },
];

/** Wall seconds of one process run to its end; a failing run ends the benchmark. */
function time(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(node, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${String(r.stderr).trim()}`);
  return s;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

console.log(`${RUNS} interleaved runs per pair; ratios are per run (A/B), median [min–max]; wall clock, a shared machine is noisy`);
for (const p of PAIRS) {
  time(p.a);
  time(p.b);
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(time(p.a));
    b.push(time(p.b));
    ratios.push(a[i]! / b[i]!);
  }
  const r = median(ratios);
  console.log(
    `${p.name.padEnd(42)} ${r.toFixed(2)}× [${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}]` +
      `  A ${median(a).toFixed(3)} s, B ${median(b).toFixed(3)} s  target ≤ ${p.target}× ${r <= p.target ? "met" : "NOT met"}`,
  );
}
