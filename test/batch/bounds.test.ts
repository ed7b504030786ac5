/** The bounds every input kind is read within: each refuses past it, names itself, and leaves the batch going. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/index.js";
import { fixture, SEED_TEXT } from "../helpers.js";
import { run } from "../cli/run.js";

const SEED = fixture("seed/seed.txt");

describe("input bounds", () => {
  it("a 100 MB single line is refused at once by the line-length bound, naming line and bound", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-bounds-"));
    const big = join(dir, "one-line.txt");
    writeFileSync(big, "项目名称".repeat(1000) + "x".repeat(100 * 1024 * 1024));
    const started = Date.now();
    const r = await run("parse", big, SEED, "--format", "jsonl", "-j", "1");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${big}: line 1: the line has ${4000 + 100 * 1024 * 1024} characters, more than the bound of 1048576 (maxLineLength, --max-line-length) [input.too-large]`);
    expect(r.out.trim().split("\n")).toHaveLength(1);
    // Not a speed goal: the 47 s of issue 12 came from reading the line as a form.
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it("bytes, rows and forms: each option refuses past its bound and names it", async () => {
    const bytes = await run("parse", SEED, "--format", "summary", "--max-bytes", "0.01");
    expect(bytes.code).toBe(2);
    expect(bytes.err).toContain(`${SEED}: the file has 14398 bytes, more than the bound of 10486 (maxBytes, --max-bytes) [input.too-large]`);
    const rows = await run("parse", SEED, "--format", "summary", "--max-rows", "100");
    expect(rows.code).toBe(2);
    expect(rows.err).toContain(`${SEED}: the file has more than 100 rows, the bound (maxRows, --max-rows) [input.too-large]`);
    const forms = await run("parse", SEED, "--format", "summary", "--max-forms", "6");
    expect(forms.code).toBe(2);
    expect(forms.err).toContain(`${SEED}: the file has more than 6 forms, the bound (maxForms, --max-forms) [input.too-large]`);
    const enough = await run("parse", SEED, "--format", "summary", "--max-forms", "7", "--max-rows", "187", "--max-line-length", "1616");
    expect(enough.code).toBe(0);
  });

  it("a PDF past --max-pages is pdf.too-large", async () => {
    const r = await run("parse", fixture("pdf/seed/narrow.pdf"), "--format", "summary", "--max-pages", "1");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/narrow\.pdf: the PDF has \d+ pages, more than the bound of 1 \[pdf\.too-large\]/);
  });

  it("the library takes the same bounds as ParseOptions.limits", async () => {
    await expect(parseText(SEED_TEXT, { limits: { maxForms: 2 } })).rejects.toThrow(/more than 2 forms/);
    // The seed's longest line is 1,616 characters; after its last \n, \r ends line 188 and line 189 is the x's.
    await expect(parseText(SEED_TEXT + "\r" + "x".repeat(2000), { limits: { maxLineLength: 1700 } })).rejects.toMatchObject({ code: "input.too-large", line: 189, message: expect.stringMatching(/the line has 2000 characters/) });
    expect((await parseText(SEED_TEXT, { limits: { maxForms: 7 } })).forms).toHaveLength(7);
  });

  it("a bound or --jobs that is not a positive number is a usage error", async () => {
    for (const [opt, value] of [["--jobs", "two"], ["--timeout", "0"], ["--max-memory=-5", undefined], ["--max-rows", "1.5"]] as const) {
      const r = await run("parse", SEED, ...(value === undefined ? [opt] : [opt, value]));
      expect(r.code).toBe(64);
      expect(r.err).toMatch(new RegExp(`${opt.split("=")[0]} takes a positive`));
    }
    expect((await run("verify", SEED, "--quiet", "--progress")).code).toBe(64);
  });
});
