import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { fixture } from "../helpers.js";

// Stand-in for a bug: the normaliser throws on one particular form.
vi.mock("../../src/normalize/form.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/normalize/form.js")>();
  return {
    ...real,
    normalizeForm: (raw: Parameters<typeof real.normalizeForm>[0], i: number) => {
      if (raw.projectName[0]?.cell.text === "BOOM") throw new TypeError("boom");
      return real.normalizeForm(raw, i);
    },
  };
});

describe("a bug met on one file", () => {
  it("is reported for that file as one line, and the batch goes on (exit 70)", async () => {
    const seed = readFileSync(fixture("seed/seed.txt"), "utf8");
    const dir = mkdtempSync(join(tmpdir(), "jixiao-bug-"));
    writeFileSync(join(dir, "a.txt"), seed.replace("机关服务", "BOOM"));
    writeFileSync(join(dir, "b.txt"), seed);
    let out = "";
    let err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
    // --jobs 0 reads on this thread, where the mock above replaces the normaliser; a worker loads the real one.
    const code = await main(["parse", dir, "--format", "jsonl", "--jobs", "0"]);
    vi.restoreAllMocks();
    expect(code).toBe(70);
    expect(err).toMatch(/a\.txt: jixiao failed on this file: boom .*\[internal\]/);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(out).source.path).toMatch(/b\.txt$/);
  });
});
