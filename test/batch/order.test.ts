/**
 * Output order is input order whatever the number of workers, and a bad
 * file in the middle of a batch is reported while the batch goes on.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFile, parseFiles } from "../../src/index.js";
import { SEED_TEXT } from "../helpers.js";
import { run } from "../cli/run.js";

/** Files whose Documents all differ: the seed with its first project renamed, of growing size, so they finish out of order. */
function batchDir(n: number): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-order-"));
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = join(dir, `f${String(i).padStart(2, "0")}.txt`);
    // Every third file is three times the seed: slower, so later files overtake it.
    const text = SEED_TEXT.replace("机关服务", `机关服务${i}`);
    writeFileSync(name, i % 3 === 0 ? text + text + text : text);
    files.push(name);
  }
  return { dir, files };
}

describe("a batch in a pool of workers", () => {
  it("writes the same output, in input order, for -j 1, 2 and 3", async () => {
    const { dir, files } = batchDir(10);
    writeFileSync(join(dir, "f05.txt"), "not a form\n");
    const outs = [];
    for (const j of ["1", "2", "3"]) {
      const r = await run("parse", dir, "--format", "jsonl", "--no-verify", "--provenance", "none", "-j", j);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/f05\.txt: no 自评表 found.*\[input\.no-form\]/);
      outs.push(r.out);
    }
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
    const paths = outs[0]!.trim().split("\n").map((l) => (JSON.parse(l) as { source: { path: string } }).source.path);
    expect(paths).toEqual(files.filter((f) => !f.endsWith("f05.txt")));
  });

  it("parseFiles yields each file's Document or error in the order given", async () => {
    const { files } = batchDir(4);
    const missing = join(tmpdir(), "jixiao-no-such-file.txt");
    const got = [];
    for await (const f of parseFiles([files[0]!, missing, ...files.slice(1)], { jobs: 2, verify: false })) got.push(f);
    expect(got.map((f) => f.path)).toEqual([files[0], missing, ...files.slice(1)]);
    expect("error" in got[1]! && got[1].error.code).toBe("input.not-found");
    const first = got[0]!;
    expect("document" in first && first.document.forms[0]!.projectName).toBe("机关服务0");
    expect("document" in first && first.document.forms).toHaveLength(21);
  });

  it("the same JSON as --jobs 0, which reads on the main thread", async () => {
    const { dir } = batchDir(3);
    const inWorkers = await run("parse", dir, "--format", "json", "-j", "2");
    const inProcess = await run("parse", dir, "--format", "json", "-j", "0");
    expect(inWorkers.code).toBe(0);
    expect(inWorkers.out).toBe(inProcess.out);
  });

  it("a file of 1 MB or more, whose worker sends its JSON in pieces as the forms are read, gives the JSON of parseFile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-order-"));
    const big = join(dir, "big.txt");
    // 80 copies of the seed (7 forms each): 1.15 MB, read form by form (src/batch/read-streamed.ts).
    writeFileSync(big, SEED_TEXT.repeat(80));
    const small = join(dir, "small.txt");
    writeFileSync(small, SEED_TEXT);
    const r = await run("parse", big, small, "--format", "jsonl", "-j", "1");
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect((JSON.parse(lines[0]!) as { forms: unknown[] }).forms).toHaveLength(560);
    expect(lines[0]).toBe(JSON.stringify(await parseFile(big)));
    expect(lines[1]).toBe(JSON.stringify(await parseFile(small)));
    const none = await run("parse", big, "--format", "jsonl", "--provenance", "none", "-j", "2", "--no-verify");
    // A bound broken after pieces were sent: the file is reported, and none of its JSON is written.
    const bounded = await run("parse", big, small, "--format", "jsonl", "-j", "1", "--max-forms", "100");
    expect(bounded.code).toBe(2);
    expect(bounded.err).toContain(`${big}: the file has more than 100 forms, the bound (maxForms, --max-forms) [input.too-large]`);
    expect(bounded.out).toBe(lines[1] + "\n");
    const unverified = await parseFile(big, { verify: false });
    const lean = unverified.forms.map((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== "provenance")));
    expect(none.out.trim()).toBe(JSON.stringify({ ...unverified, forms: lean }));
  }, 120_000);
});
