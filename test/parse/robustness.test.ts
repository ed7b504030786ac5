import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse.js";
import { comparable, EXPECTED_FORMS, fixture, SEED_TEXT } from "../helpers.js";

const parse = (input: string | Uint8Array) => parseText(input, { source: "variant", verify: false });
const LINES = SEED_TEXT.split("\n");

async function expectSeedForms(input: string | Uint8Array): Promise<void> {
  const doc = await parse(input);
  expect(doc.forms.map(comparable)).toEqual(EXPECTED_FORMS);
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

describe("the seed survives what exports do to it", () => {
  it("CRLF line endings", () => expectSeedForms(SEED_TEXT.replace(/\n/g, "\r\n")));
  it("CR line endings", () => expectSeedForms(SEED_TEXT.replace(/\n/g, "\r")));
  it("UTF-8 with a BOM", async () => {
    const doc = await parse(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SEED_TEXT)]));
    expect(doc.source.encoding).toBe("utf-8-bom");
    expect(doc.forms.map(comparable)).toEqual(EXPECTED_FORMS);
  });
  it("UTF-16 LE and BE with BOM", async () => {
    for (const be of [false, true]) {
      const doc = await parse(utf16(SEED_TEXT, be));
      expect(doc.source.encoding).toBe(be ? "utf-16be" : "utf-16le");
      expect(doc.forms.map(comparable)).toEqual(EXPECTED_FORMS);
    }
  });
  it("GB18030 (made with iconv -t GB18030)", async () => {
    const doc = await parse(readFileSync(fixture("seed/seed.gb18030.txt")));
    expect(doc.source.encoding).toBe("gb18030");
    expect(doc.forms.map(comparable)).toEqual(EXPECTED_FORMS);
  });
  it("an extra empty cell at the start of every row", () =>
    expectSeedForms(LINES.map((l) => (l.trim() ? "\t" + l : l)).join("\n")));
  it("empty cells dropped from every row", () =>
    expectSeedForms(LINES.map((l) => l.split("\t").filter((c) => c.trim() !== "").join("\t")).join("\n")));
  it("extra empty cells at the end of rows and around values", () =>
    expectSeedForms(LINES.map((l, i) => (i % 3 === 0 ? l.replace(/\t/g, "\t\t") + "\t\t" : l)).join("\n")));
  it("blank lines inserted inside every table", () =>
    expectSeedForms(LINES.flatMap((l, i) => (i % 2 ? [l, "", "  \t "] : [l])).join("\n")));
  it("full-width digits and punctuation", () =>
    expectSeedFormsWidth());
  it("page furniture between rows", () =>
    expectSeedForms(LINES.flatMap((l, i) => (i === 20 ? [l, "- 1 -", "\f第 2 页"] : [l])).join("\n")));

  it("the last form cut off mid-table: what was read, marked incomplete, with a diagnostic", async () => {
    const cut = LINES.slice(0, 183).join("\n"); // form 7 ends after its first two indicator rows
    const doc = await parse(cut);
    expect(doc.forms.slice(0, 6).map(comparable)).toEqual(EXPECTED_FORMS.slice(0, 6));
    const last = doc.forms[6]!;
    expect(last.complete).toBe(false);
    expect(last.projectName).toBe("科创中心建设工作经费");
    expect(last.funding).toEqual(EXPECTED_FORMS[6]!.funding);
    expect(last.indicators).toEqual(EXPECTED_FORMS[6]!.indicators.slice(0, 2));
    expect(last.total).toEqual({ weight: null, score: null });
    expect(last.grade).toBeNull();
    const d = doc.diagnostics.find((x) => x.code === "form.incomplete");
    expect(d).toMatchObject({ severity: "error", form: 7, line: 183 });
    expect(d!.message).toContain("科创中心建设工作经费");
  });
});

// Full-width forms of the digits, parentheses, colon and comparison signs in
// value and label cells, as some exporters write them.
async function expectSeedFormsWidth(): Promise<void> {
  const wide = SEED_TEXT.replace(/[0-9():=.,%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const doc = await parse(wide);
  // Values fold back to ASCII; free text keeps what it printed.
  doc.forms.forEach((f, i) => {
    const want = EXPECTED_FORMS[i]!;
    expect(f.funding).toEqual(want.funding);
    expect(f.total).toEqual(want.total);
    expect(f.indicators.map((x) => [x.level1, x.level2, x.name, x.target.op, x.target.value, x.target.unit, x.actual.value, x.weight, x.score]))
      .toEqual(want.indicators.map((x) => [x.level1, x.level2, x.name, x.target.op, x.target.value, x.target.unit, x.actual.value, x.weight, x.score]));
  });
}
