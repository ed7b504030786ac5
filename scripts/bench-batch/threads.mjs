// Where a batch's CPU goes, thread by thread, measurable on a loaded machine
// (a ratio of wall times is not): runs one command under `node --cpu-prof`,
// which writes a profile for the main thread and one for each pool worker,
// and prints for each thread its time busy and idle (waiting for work), and
// the main thread's share of all the busy time.
// Usage: node scripts/bench-batch/threads.mjs [--bin PATH] -- ARG…   (the arguments of bin/jixiao.js;
// --bin another checkout's bin/jixiao.js, for a before and after)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, URL } from "node:url";

const binAt = process.argv.indexOf("--bin");
const bin = binAt >= 0 ? process.argv[binAt + 1] : fileURLToPath(new URL("../../bin/jixiao.js", import.meta.url));
const at = process.argv.indexOf("--");
const args = at >= 0 ? process.argv.slice(at + 1) : process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "jixiao-threads-"));
try {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, bin, ...args], { stdio: ["ignore", "ignore", "inherit"] });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 2) throw new Error(`jixiao ${args.join(" ")} exited ${r.status}`);
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread.
  const threads = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => {
    const p = JSON.parse(readFileSync(join(dir, f), "utf8"));
    const kind = new Map(p.nodes.map((n) => [n.id, n.callFrame.functionName]));
    let idle = 0;
    let total = 0;
    p.samples.forEach((id, i) => {
      const dt = p.timeDeltas[i] ?? 0;
      total += dt;
      if (kind.get(id) === "(idle)") idle += dt;
    });
    return { thread: Number(f.split(".")[4]), total: total / 1e6, idle: idle / 1e6 };
  }).sort((a, b) => a.thread - b.thread);
  const busy = threads.reduce((s, t) => s + t.total - t.idle, 0);
  console.log(`jixiao ${args.join(" ")}: wall ${wall.toFixed(2)} s`);
  for (const t of threads) {
    const name = t.thread === 0 ? "main thread" : `worker ${t.thread}`;
    console.log(`  ${name}: busy ${(t.total - t.idle).toFixed(2)} s, idle ${t.idle.toFixed(2)} s (${((100 * t.idle) / t.total).toFixed(1)} % of its life)`);
  }
  const main = threads.find((t) => t.thread === 0);
  if (main) console.log(`  main thread's share of busy time: ${((100 * (main.total - main.idle)) / busy).toFixed(1)} %`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
