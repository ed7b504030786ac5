import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Runs the built command (dist/, as bin/jixiao.js does) as a child process
 * that reports its own peak RSS, in bytes, on its last stderr line.
 */
export function jixiaoChild(args: string[]): Promise<{ code: number | null; out: string; err: string; maxRss: number; ms: number }> {
  const main = JSON.stringify(join(root, "dist/src/cli/main.js"));
  const code = `process.on("exit", () => process.stderr.write("\\nmaxrss " + process.resourceUsage().maxRSS * 1024 + "\\n"));
const { main } = await import(${main});
process.exitCode = await main(${JSON.stringify(args)});`;
  const started = Date.now();
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  // Decoded as a stream: a chunk may end inside a character, which decoding chunk by chunk would break into U+FFFD.
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (c: string) => (out += c));
  child.stderr.on("data", (c: string) => (err += c));
  return new Promise((resolve) => {
    child.on("close", (status) => {
      const m = /\nmaxrss (\d+)\n$/.exec(err);
      resolve({ code: status, out, err: m ? err.slice(0, m.index) : err, maxRss: m ? Number(m[1]) : NaN, ms: Date.now() - started });
    });
  });
}

/**
 * The one line a file past its bound is reported with: the loader's own
 * check (which may name the page) or the pool's watchdog (which abandons the
 * worker) can each be first, and say the same.
 */
export function boundLine(file: string, bound: "time" | "memory", amount: number): RegExp {
  const what = bound === "time" ? `reading took longer than the bound of ${amount} s \\(--timeout\\)` : `reading needed more memory than the bound of ${amount} MB \\(--max-memory\\)`;
  return new RegExp(`^jixiao: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: (page \\d+: )?${what}(; the file was abandoned)? \\[pdf\\.too-large\\]$`, "m");
}
