/** Progress on stderr: redrawn in place on a terminal, a line every few seconds into a log, a summary; never on stdout. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Progress } from "../../src/batch/progress.js";
import { SEED_TEXT } from "../helpers.js";
import { run } from "../cli/run.js";
import { root } from "./child.js";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 200, write: (t: string) => writes.push(t) } };
}

describe("Progress", () => {
  it("on a terminal: one line redrawn in place with done/total, pages/s, ETA, errors and the current file; then the summary", () => {
    let now = 0;
    const { writes, stream } = fakeStream(true);
    const p = new Progress(stream, 4, { mode: "auto", now: () => now });
    now = 1000;
    p.start("a.pdf");
    now = 2000;
    p.finish({ ok: true, forms: 7, pages: 10 });
    p.start("b.txt");
    now = 3000;
    p.finish({ ok: false, code: "input.no-form" });
    now = 4000;
    p.end();
    expect(writes[0]).toBe("\r\x1b[2Kjixiao: 0/4 files 0%, 0.0 pages/s, 0 error(s), reading a.pdf");
    expect(writes[1]).toBe("\r\x1b[2Kjixiao: 1/4 files 25%, 5.0 pages/s, ETA 6s, 0 error(s), reading a.pdf");
    expect(writes).toContain("\r\x1b[2Kjixiao: 2/4 files 50%, 3.3 pages/s, ETA 3s, 1 error(s), reading b.txt");
    expect(writes.at(-2)).toBe("\r\x1b[2K");
    expect(writes.at(-1)).toBe("jixiao: 2 file(s), 7 form(s), 10 page(s), 1 error(s) (input.no-form 1), 4.0 s\n");
  });

  it("into a log only when forced, a line every few seconds; off when quiet or not a terminal", () => {
    let now = 0;
    const log = fakeStream(false);
    const p = new Progress(log.stream, 100, { mode: "always", every: 5, now: () => now });
    for (let i = 0; i < 100; i++) {
      now += 100;
      p.finish({ ok: true, forms: 1, pages: 0 });
    }
    // 10 s of files: a line at the first (0.1 s), then one 5 s later (5.1 s).
    expect(log.writes).toHaveLength(2);
    expect(log.writes[1]).toMatch(/^jixiao: 51\/100 files 51%/);
    expect(log.writes.every((w) => w.endsWith("\n") && !w.includes("\r"))).toBe(true);
    for (const mode of ["auto", "never"] as const) {
      const s = fakeStream(mode === "never");
      const q = new Progress(s.stream, 1, { mode });
      q.start("x");
      q.finish({ ok: true, forms: 1, pages: 1 });
      q.end();
      expect(s.writes).toEqual([]);
    }
  });
});

describe("progress of the command", () => {
  it("--progress writes the summary to stderr and leaves stdout as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-progress-"));
    writeFileSync(join(dir, "a.txt"), SEED_TEXT);
    writeFileSync(join(dir, "b.txt"), "no form here\n");
    const plain = await run("parse", dir, "--format", "jsonl", "-j", "2");
    const logged = await run("parse", dir, "--format", "jsonl", "-j", "2", "--progress");
    expect(logged.out).toBe(plain.out);
    expect(plain.err).not.toMatch(/file\(s\)/);
    expect(logged.err).toMatch(/^jixiao: 2 file\(s\), 7 form\(s\), 1 page\(s\), 1 error\(s\) \(input\.no-form 1\), \d+\.\d s$/m);
  });

  it.skipIf(spawnSync("sh", ["-c", "command -v script"]).status !== 0)("on a pseudo-terminal (script -qc) the line is redrawn in place; --quiet turns it off", () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-tty-"));
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `${i}.txt`), SEED_TEXT.replace("机关服务", `机关服务${i}`));
    const out = join(dir, "out.jsonl");
    const cmd = (extra: string) => `node ${join(root, "bin/jixiao.js")} parse ${dir} --out ${out} -j 2 ${extra}`;
    const tty = spawnSync("script", ["-qec", cmd(""), "/dev/null"], { encoding: "utf8" });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(new RegExp(String.raw`\r\u001b\[2Kjixiao: \d/3 files`));
    expect(tty.stdout).toMatch(/jixiao: 3 file\(s\), 21 form\(s\)/);
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(3);
    const quiet = spawnSync("script", ["-qec", cmd("--quiet"), "/dev/null"], { encoding: "utf8" });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toMatch(/file\(s\)|files/);
  });
});
