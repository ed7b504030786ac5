/**
 * --resume over 5,000 small files: the command, as a process, is killed
 * with SIGKILL part way through a run, then run again with --resume; the
 * output then holds exactly one Document per file.
 */
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEED_TEXT } from "../helpers.js";
import { jixiaoChild, root } from "./child.js";

const FILES = 5000;

/** The seed's first form (lines before its second title), with its project named after the file: 5,000 different digests. */
function writeBatch(dir: string): void {
  const lines = SEED_TEXT.split("\n");
  const second = lines.findIndex((l, i) => i > 5 && l.includes("项目支出绩效自评表"));
  const form = lines.slice(0, second - 1).join("\n") + "\n";
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `${String(i).padStart(4, "0")}.txt`), form.replace("机关服务", `机关服务${i}`));
}

function lineCount(path: string): number {
  try {
    return readFileSync(path, "utf8").split("\n").length - 1;
  } catch {
    return 0;
  }
}

describe("--resume", () => {
  it("after SIGKILL mid-run, the rerun adds the rest: exactly one Document per file", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "jixiao-resume-"));
    const dir = join(tmp, "in");
    writeBatch(dir);
    const out = join(tmp, "all.jsonl");
    const args = ["parse", dir, "--out", out, "--resume", "--no-verify", "--provenance", "none", "-j", "2"];

    const child = spawn(process.execPath, [join(root, "bin/jixiao.js"), ...args], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Killed once a few hundred Documents are out, and before the last.
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if (lineCount(out) >= 300) break;
    }
    child.kill("SIGKILL");
    await exited;
    const before = lineCount(out);
    expect(before).toBeGreaterThanOrEqual(300);
    expect(before).toBeLessThan(FILES);
    // What a kill mid-write leaves: half a line, which the rerun cuts off.
    appendFileSync(out, '{"schemaVersion":"1","source":{"path":"half');

    const r = await jixiaoChild(args);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/removed an unfinished last line/);
    const docs = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { source: { path: string; sha256: string }; forms: unknown[] });
    expect(docs).toHaveLength(FILES);
    expect(new Set(docs.map((d) => d.source.path)).size).toBe(FILES);
    expect(new Set(docs.map((d) => d.source.sha256)).size).toBe(FILES);
    expect(docs.every((d) => d.forms.length === 1)).toBe(true);

    // A third run finds everything there and adds nothing.
    const size = statSync(out).size;
    const again = await jixiaoChild([...args, "--progress"]);
    expect(again.code).toBe(0);
    expect(statSync(out).size).toBe(size);
    expect(again.err).toMatch(/5000 file\(s\) \(5000 already in the output\), 0 form\(s\)/);
  }, 300_000);

  it("is refused where there is nothing to append to", async () => {
    const r = await jixiaoChild(["parse", join(root, "fixtures/seed/seed.txt"), "--format", "json", "--out", join(tmpdir(), "x.json"), "--resume"]);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/--resume appends to a JSON Lines file/);
  });
});
