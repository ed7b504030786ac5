import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, parseBytes, parseText } from "../../src/core.js";
import { fixture } from "../helpers.js";

const SEED = readFileSync(fixture("seed/seed.txt"), "utf8");

async function failure(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("did not fail");
}

describe("input messages", () => {
  it("a PDF whose page tree says /Count -1 is named as damaged, not as pages without text", async () => {
    const pdf = readFileSync(fixture("pdf/seed/narrow-one.pdf")).toString("latin1");
    expect(pdf).toContain("/Count 1\n");
    // Same length, so every xref offset stays right: only the count is wrong.
    const bytes = Buffer.from(pdf.replace("/Count 1\n", "/Count -1"), "latin1");
    // pdf.js trusts /Count; PDFium walks the page tree instead and reads the page (test/load/engines/pdfium.test.ts).
    const e = await failure(parseBytes(bytes, { source: "count.pdf", pdf: { engine: "pdfjs" } }));
    expect(e.code).toBe("pdf.corrupt");
    expect(e.message).toContain("gives the page count (/Count) as -1");
    expect(e.message).not.toContain("hold no extractable text");
  });

  it.each([["utf-16le", "LE"], ["utf-16be", "BE"]] as const)("%s without a BOM is named as such, not as a binary file", async (enc, name) => {
    const le = Buffer.from(SEED, "utf16le");
    const bytes = enc === "utf-16le" ? le : Buffer.from(le).swap16();
    const e = await failure(parseBytes(bytes, { source: "u16.txt" }));
    expect(e.code).toBe("input.encoding");
    expect(e.message).toContain(`UTF-16 ${name} text without a byte-order mark`);
    // With its BOM the same text is read.
    const bom = enc === "utf-16le" ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
    expect((await parseBytes(Buffer.concat([bom, bytes]))).forms).toHaveLength(7);
  });

  it("a binary file with NULs is still a binary file", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect((await failure(parseBytes(bytes))).code).toBe("input.binary");
  });

  it("an owner-password-only PDF is read; a user-password PDF is pdf.encrypted", async () => {
    const restricted = await parseBytes(readFileSync(fixture("pdf/seed/narrow-one-restricted.pdf")));
    expect(restricted.forms.length).toBeGreaterThan(0);
    expect((await failure(parseBytes(readFileSync(fixture("pdf/bad/encrypted.pdf"))))).code).toBe("pdf.encrypted");
  });

  it("50,000 title lines and no form body: input.no-form, not 50,000 empty forms", async () => {
    const text = "2023年度财政项目支出绩效自评表\n".repeat(50_000);
    const e = await failure(parseText(text, { source: "titles.txt" }));
    expect(e.code).toBe("input.no-form");
    expect(e.message).toContain("50000 titles have no form after them");
    expect(e.line).toBe(1);
  }, 60_000);

  it("stray titles beside real forms: one diagnostic quoting the first, and the forms as before", async () => {
    const text = "2023年度财政项目支出绩效自评表\n".repeat(3) + SEED;
    const doc = await parseText(text);
    const plain = await parseText(SEED);
    expect(doc.forms.map((f) => f.projectName)).toEqual(plain.forms.map((f) => f.projectName));
    const d = doc.diagnostics.filter((x) => x.code === "form.title-only");
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain("3 titles have no form after them");
    expect(d[0]!.line).toBe(1);
  });

  it("the department-wide form is still recognised (it has no 项目名称 and no table read)", async () => {
    const doc = await parseText(readFileSync(fixture("variants/department/department.txt")));
    expect(doc.forms.some((f) => f.formType === "department")).toBe(true);
    expect(doc.diagnostics.filter((x) => x.code === "form.title-only")).toEqual([]);
  });
});
