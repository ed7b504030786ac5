/**
 * The PDF loader end to end: every seed-style PDF parses to the seed's forms,
 * field for field, with page and bbox on every value; bad PDFs fail with their
 * code; the bounds hold.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/load/errors.js";
import { loadPdf } from "../../src/load/pdf/index.js";
import { Sheet } from "../../src/model/sheet.js";
import { parseBytes } from "../../src/parse.js";

const dir = new URL("../../fixtures/pdf/", import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const expected = (JSON.parse(readFileSync(new URL("../seed/expected.json", dir), "utf8")) as { forms: Record<string, unknown>[] }).forms;
const one = expected.filter((f) => f.projectName === "信息化建设项目");

/** The form without what a PDF adds (provenance) or what the fixture lacks (verification). */
function comparable(form: Record<string, unknown>): Record<string, unknown> {
  const { provenance: _p, verification: _v, ...rest } = form;
  return rest;
}

/**
 * The seed's forms as sheet.pdf can show them. Goal paragraphs print as
 * blocks of their own, and the loader reads a line ending short of its cell
 * as a paragraph's end — but in sheet.pdf the first paragraph of
 * 科创中心建设工作经费's 实际完成情况 ends on a full line (…提供有力支撑。 stops
 * 1.25 em short of the text edge, about the gap a kinsoku wrap leaves,
 * 面向国家重大需/求、 1.19 em, or a wrap after a space, …稳步开展;/空间 1.57 em),
 * so the print does not show that break and only that one is left out.
 */
const sheetExpected = expected.map((f) => {
  const goals = f.goals as Record<string, string | null>;
  const actual = goals.actual?.replace("提供有力支撑。\n一是", "提供有力支撑。一是") ?? null;
  return actual === goals.actual ? f : { ...f, goals: { ...goals, actual } };
});

const STYLES: [file: string, forms: Record<string, unknown>[]][] = [
  ["seed/narrow.pdf", expected],
  ["seed/landscape.pdf", expected],
  ["seed/sheet.pdf", sheetExpected],
  ["seed/narrow-one.pdf", one],
  ["seed/landscape-one.pdf", one],
  ["seed/sheet-one.pdf", one],
  ["seed/type3-one.pdf", one],
  ["seed/narrow-one-restricted.pdf", one],
  ["bad/nonembedded-font.pdf", one],
];

describe.each(STYLES)("%s", (file, forms) => {
  let sheet: Sheet;
  beforeAll(async () => {
    sheet = await loadPdf(read(file), file);
  });

  it("yields a valid Sheet with page and bbox on every cell, inside the page", () => {
    expect(() => Sheet.parse(sheet)).not.toThrow();
    expect(sheet.kind).toBe("pdf");
    sheet.rows.forEach((row, i) => {
      expect(row.line).toBe(i + 1);
      for (const cell of row.cells) {
        expect(cell.page).toBe(row.page);
        expect(cell.page).toBeLessThanOrEqual(sheet.pages);
        const [x0, y0, x1, y1] = cell.bbox!;
        expect(x0).toBeLessThan(x1);
        expect(y0).toBeLessThan(y1);
        expect(x0).toBeGreaterThanOrEqual(0);
        expect(y1).toBeLessThanOrEqual(842.88);
      }
    });
  });

  it("maps radicals and keeps no page furniture", () => {
    const texts = sheet.rows.flatMap((r) => r.cells.map((c) => c.text));
    expect(texts.join("")).not.toMatch(/[\u2e80-\u2fdf]/u);
    expect(texts.filter((t) => /^-\s*\d+\s*-$|^第\s*\d+\s*页|部门决算|自评结果$/u.test(t))).toEqual([]);
  });

  it("reads wrapped narrow labels as one cell", () => {
    const texts = new Set(sheet.rows.flatMap((r) => r.cells.map((c) => c.text)));
    for (const label of ["一级指标", "二级指标", "满意度指标", "服务对象满意度指标", "年度总体目标", "全年执行数"]) expect(texts).toContain(label);
  });

  it("parses to the seed's forms, field for field, with page and bbox on every value", async () => {
    const doc = await parseBytes(read(file), { source: file });
    expect(doc.source.kind).toBe("pdf");
    expect(doc.forms.map((f) => comparable(f as unknown as Record<string, unknown>))).toEqual(forms.map(comparable));
    for (const form of doc.forms) {
      const where = Object.entries(form.provenance);
      expect(where.length).toBeGreaterThan(20);
      for (const [, p] of where) {
        expect(p.page).toBeGreaterThanOrEqual(1);
        expect(p.bbox).toHaveLength(4);
      }
    }
  });
});

describe("page structure", () => {
  it("drops the indicator header row repeated at the top of continuation pages (landscape)", async () => {
    const sheet = await loadPdf(read("seed/landscape.pdf"), "landscape.pdf");
    const headers = sheet.rows.filter((r) => r.cells.some((c) => c.text === "三级指标"));
    expect(headers).toHaveLength(7);
  });

  it("reads two whole forms on one page (sheet style, title inside the grid)", async () => {
    const sheet = await loadPdf(read("seed/sheet.pdf"), "sheet.pdf");
    const titles = sheet.rows.filter((r) => r.cells.some((c) => c.text === "财政项目支出绩效自评表"));
    expect(titles.filter((r) => r.page === 1).length).toBeGreaterThanOrEqual(2);
  });
});

async function failure(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError");
}

describe("bad PDFs", () => {
  it("encrypted: pdf.encrypted", async () => {
    const e = await failure(loadPdf(read("bad/encrypted.pdf"), "encrypted.pdf"));
    expect(e.code).toBe("pdf.encrypted");
    expect(e.describe()).toMatch(/password/);
  });

  it("truncated: pdf.corrupt", async () => {
    const e = await failure(loadPdf(read("bad/truncated.pdf"), "truncated.pdf"));
    expect(e.code).toBe("pdf.corrupt");
    expect(e.message).toMatch(/truncated/);
  });

  it("damaged inside: pdf.corrupt", async () => {
    const bytes = read("seed/narrow-one.pdf");
    const broken = new Uint8Array(bytes);
    broken.fill(0x20, 400, bytes.length - 400); // keep the header and the tail, wipe the body
    const e = await failure(loadPdf(broken, "wiped.pdf"));
    expect(["pdf.corrupt", "pdf.no-text"]).toContain(e.code);
  });

  it("not a PDF at all: pdf.corrupt", async () => {
    const e = await failure(loadPdf(new TextEncoder().encode("hello %%EOF"), "x.pdf"));
    expect(e.code).toBe("pdf.corrupt");
  });

  it("a scan: pdf.no-text, saying OCR is needed", async () => {
    const e = await failure(loadPdf(read("bad/image-only.pdf"), "image-only.pdf"));
    expect(e.code).toBe("pdf.no-text");
    expect(e.message).toMatch(/OCR/);
    expect(e.message).toMatch(/scan/);
  });

  it("a non-embedded STSong-Light font reads only with the CMaps (without them: no text at all)", async () => {
    const { nodeAssets } = await import("../../src/load/pdf/assets.js");
    const standardFontDataUrl = nodeAssets().standardFontDataUrl;
    // The CMaps are pdf.js's; PDFium carries its own (test/load/engines/pdfium.test.ts).
    const e = await failure(loadPdf(read("bad/nonembedded-font.pdf"), "nonembedded-font.pdf", { engine: "pdfjs", cMapUrl: "/nonexistent/", standardFontDataUrl }));
    expect(e.code).toBe("pdf.no-text");
    const sheet = await loadPdf(read("bad/nonembedded-font.pdf"), "nonembedded-font.pdf", { engine: "pdfjs" });
    expect(sheet.rows.some((r) => r.cells.some((c) => c.text === "信息化建设项目"))).toBe(true);
  });

  it("not a form: input.no-form from the pipeline", async () => {
    const sheet = await loadPdf(read("bad/not-a-form.pdf"), "not-a-form.pdf");
    expect(sheet.rows.length).toBeGreaterThan(0);
    const e = await failure(parseBytes(read("bad/not-a-form.pdf"), { source: "not-a-form.pdf" }));
    expect(e.code).toBe("input.no-form");
  });

  it("reads a Node Buffer and leaves the caller's bytes as they were", async () => {
    const buf = readFileSync(new URL("seed/narrow-one.pdf", dir));
    const copy = Buffer.from(buf);
    const sheet = await loadPdf(buf, "narrow-one.pdf");
    expect(sheet.rows.length).toBeGreaterThan(10);
    expect(buf.equals(copy)).toBe(true);
  });

  it("an error leaves the loader usable: the batch goes on", async () => {
    await failure(loadPdf(read("bad/truncated.pdf"), "truncated.pdf"));
    await failure(loadPdf(read("bad/encrypted.pdf"), "encrypted.pdf"));
    const sheet = await loadPdf(read("seed/narrow-one.pdf"), "narrow-one.pdf");
    expect(sheet.rows.length).toBeGreaterThan(10);
  });
});

describe("bounds", () => {
  it("pages", async () => {
    const e = await failure(loadPdf(read("seed/narrow.pdf"), "narrow.pdf", { maxPages: 2 }));
    expect(e.code).toBe("pdf.too-large");
    expect(e.message).toMatch(/8 pages/);
  });

  it("bytes", async () => {
    const e = await failure(loadPdf(read("seed/narrow.pdf"), "narrow.pdf", { maxBytes: 1000 }));
    expect(e.code).toBe("pdf.too-large");
  });

  it("time", async () => {
    const e = await failure(loadPdf(read("seed/narrow.pdf"), "narrow.pdf", { timeoutMs: 1 }));
    expect(e.code).toBe("pdf.too-large");
    expect(e.message).toMatch(/ms/);
  });

  it("memory", async () => {
    // A measure that grows 10 MB per call stands in for a document that keeps allocating.
    let used = 0;
    const memoryUsage = () => (used += 10_000_000);
    const e = await failure(loadPdf(read("seed/narrow.pdf"), "narrow.pdf", { maxMemoryBytes: 25_000_000, memoryUsage }));
    expect(e.code).toBe("pdf.too-large");
    expect(e.message).toMatch(/memory/);
    expect(e.page).toBe(3);
  });

  it("rejects unknown option values", async () => {
    await expect(loadPdf(read("seed/narrow-one.pdf"), "x", { maxPages: -1 })).rejects.toThrow();
  });
});
