/**
 * `jixiao parse folder/` on a folder mixing every format: each file is read
 * by the loader its bytes call for, a bad file is one line on stderr with its
 * code, exit 2, and the batch goes on.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "./run.js";
import { fixture } from "../helpers.js";


afterEach(() => vi.restoreAllMocks());

const GOOD: [file: string, kind: string][] = [
  ["containers/seed.html", "html"],
  ["containers/seed.gbk.html", "html"],
  ["containers/seed.xlsx", "xlsx"],
  ["containers/seed.xls", "xls"],
  ["containers/seed.ods", "ods"],
  ["containers/per-sheet.xlsx", "xlsx"],
  ["containers/seed.docx", "docx"],
  ["containers/seed.odt", "odt"],
  ["seed/seed.txt", "text-tsv"],
  ["pdf/seed/narrow.pdf", "pdf"],
];

describe("jixiao parse on a folder of every format", () => {
  it("reads each file by its bytes, reports the bad ones, exits 2 and goes on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-mixed-"));
    mkdirSync(join(dir, "sub"));
    GOOD.forEach(([f], i) => copyFileSync(fixture(f), join(dir, i % 2 ? "sub" : "", `${i}-${f.split("/").pop()!}`)));
    // Names that lie: an .xlsx saved under .htm is still read as a workbook.
    copyFileSync(fixture("containers/seed.xlsx"), join(dir, "misnamed.htm"));
    copyFileSync(fixture("containers/bad/password.xls"), join(dir, "password.xls"));
    writeFileSync(join(dir, "broken.docx"), new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    writeFileSync(join(dir, "empty-page.html"), "<!DOCTYPE html><html><body><p>无内容</p></body></html>");

    const r = await run("parse", dir, "--format", "jsonl", "--no-verify");
    expect(r.code).toBe(2);
    const docs = r.out.trim().split("\n").map((l) => JSON.parse(l) as { source: { path: string; kind: string }; forms: { projectName: string }[] });
    expect(docs).toHaveLength(GOOD.length + 1);
    for (const [f, kind] of GOOD) {
      const doc = docs.find((d) => d.source.path.endsWith(f.split("/").pop()!));
      expect(doc?.source.kind, f).toBe(kind);
      expect(doc!.forms, f).toHaveLength(7);
    }
    expect(docs.find((d) => d.source.path.endsWith("misnamed.htm"))?.source.kind).toBe("xlsx");
    const errors = r.err.trim().split("\n");
    expect(errors).toHaveLength(3);
    expect(errors.find((l) => l.includes("password.xls"))).toMatch(/password-protected.*\[input\.encrypted\]$/);
    expect(errors.find((l) => l.includes("broken.docx"))).toMatch(/\[input\.corrupt\]$/);
    expect(errors.find((l) => l.includes("empty-page.html"))).toMatch(/\[input\.no-form\]$/);
  });
});
