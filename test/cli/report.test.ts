import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ReportData } from "../../src/write/report-html/data.js";
import { excerptFor, splitLines } from "../../src/write/report-html/excerpt.js";
import { rowKey } from "../../src/write/report-html/rows.js";
import { run } from "./run.js";

const dir = mkdtempSync(join(tmpdir(), "jixiao-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEED = "fixtures/seed/seed.txt";

/** The data the page's script reads, out of the HTML. */
function dataOf(html: string): ReportData {
  const m = /<script type="application\/json" id="jx-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m![1]!) as ReportData;
}

describe("jixiao report", () => {
  it("needs --out: it writes a file, not standard output", async () => {
    const r = await run("report", SEED);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(/give --out FILE/);
    expect((await run("report", SEED, "--out", "-")).code).toBe(64);
  });

  it("is listed in the help, with its options", async () => {
    expect((await run("--help")).out).toMatch(/jixiao report/);
    const help = (await run("report", "--help")).out;
    for (const o of ["--out", "--lang", "--images", "--rounding", "--disable", "--grades"]) expect(help).toContain(o);
  });

  it("the seed's text export: one self-contained page, form 6's errors with the lines around 总分, and a size report", async () => {
    const out = join(dir, "seed.html");
    const r = await run("report", SEED, "--out", out, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^jixiao: wrote .*seed\.html: [\d.]+ MB \(page pictures 0\.00 MB in 0 images, data [\d.]+ MB\); 1 file, 7 forms, 15 findings/);
    const html = readFileSync(out, "utf8");
    // Nothing to fetch: no external script, style, image or link; the CSP forbids fetching anyway.
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html).toContain("default-src 'none'");
    const data = dataOf(html);
    expect(data.lang).toBe("en");
    expect(data.forms.map((f) => f.project)).toEqual(["机关服务", "科创中心展厅运营项目", "信息化建设项目", "信息化运维项目", "缴纳残疾人就业保障金", "未来公园展厅运营项目", "科创中心建设工作经费"]);
    const f6 = data.forms[5]!;
    // Form 6 as the issue and the README tell it: total printed 85.27, 92.79 % spent, grade 良.
    expect([f6.budget, f6.spent, f6.score, f6.grade, f6.worst]).toEqual(["1031.92", "92.79", "85.27", "良", "error"]);
    expect(f6.counts).toEqual({ error: 3, warning: 3, notice: 1 });
    expect(f6.findings.slice(0, 3).map((x) => x.severity)).toEqual(["error", "error", "error"]);
    const sum = f6.findings.find((x) => x.rule === "total.sum")!;
    expect(sum.message).toBe("indicator scores 72.00 + execution score 9.27 = 81.27, but the total is printed as 85.27");
    expect(sum.rowKey).toBe("total");
    // seed.txt line 164 is "度指	总分	…	100.00	85.27": the 总分 row, the score in cell 6.
    expect(sum.excerpt).toMatchObject({ mark: 164, cell: 6, first: 161 });
    expect(sum.excerpt!.lines[3]!.split("\t")[6]).toBe("85.27");
    expect(f6.table.find((s) => s.block === "total")!.rows[0]).toEqual({ key: "total", cells: ["100.00", "85.27"] });
  });

  it("the seed PDF: page pictures, each finding's outline inside its picture", async () => {
    const out = join(dir, "pdf.html");
    const r = await run("report", "fixtures/pdf/seed/narrow.pdf", "--out", out, "--images", "webp");
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    const data = dataOf(html);
    expect(data.images.length).toBeGreaterThan(0);
    expect(html).toContain('data-mime="image/webp"');
    for (const f of data.forms) {
      for (const x of f.findings) {
        if (!x.bbox) continue;
        expect(x.picture, `${f.project} ${x.rule}`).not.toBeNull();
        const im = data.images[x.picture!.image]!;
        const [l, t, w, h] = x.picture!.outline;
        expect(im.page).toBe(x.page);
        expect(l).toBeGreaterThanOrEqual(0);
        expect(t).toBeGreaterThanOrEqual(0);
        expect(l + w).toBeLessThanOrEqual(im.width);
        expect(t + h).toBeLessThanOrEqual(im.height);
      }
    }
    expect(data.forms[5]!.findings.filter((x) => x.severity === "error")).toHaveLength(3);
  });

  it("an unreadable input is listed in the report, and the run exits 2", async () => {
    const out = join(dir, "bad.html");
    const r = await run("report", SEED, join(dir, "missing.txt"), "--out", out);
    expect(r.code).toBe(2);
    const data = dataOf(readFileSync(out, "utf8"));
    expect(data.files.find((f) => f.error)?.error).toMatch(/^input\.not-found: /);
    expect(data.forms).toHaveLength(7);
  });
});

describe("report pieces", () => {
  it("a value's row in the table view", () => {
    expect(rowKey("indicators[11].score")).toBe("indicators[11]");
    expect(rowKey("funding[0].rate")).toBe("funding[0]");
    expect(rowKey("total.score")).toBe("total");
    expect(rowKey("indicators[2].name#2")).toBe("indicators[2]");
    expect(rowKey("grade")).toBe("grade");
  });

  it("the lines around a value, cut at the text's ends", () => {
    const lines = splitLines("a\r\nb\rc\nd\te\nf");
    expect(lines).toEqual(["a", "b", "c", "d\te", "f"]);
    expect(excerptFor(lines, 4, 1, "text-tsv")).toEqual({ first: 1, lines: ["a", "b", "c", "d\te", "f"], mark: 4, cell: 1 });
    expect(excerptFor(lines, 1, 3, "text-layout")).toEqual({ first: 1, lines: ["a", "b", "c", "d\te"], mark: 1, cell: null });
    expect(excerptFor(lines, 6, 0, "text-tsv")).toBeNull();
  });
});
