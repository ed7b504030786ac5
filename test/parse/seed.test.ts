import { describe, expect, it } from "vitest";
import { Document } from "../../src/model/document.js";
import { parseText } from "../../src/parse.js";
import { comparable, EXPECTED_FORMS, SEED_TEXT } from "../helpers.js";

describe("the seed: seven 2023 forms, every field", async () => {
  const doc = await parseText(SEED_TEXT, { source: "seed.txt", verify: false });

  it("finds seven forms with 64 indicator rows and no diagnostics", () => {
    expect(doc.forms).toHaveLength(7);
    expect(doc.forms.reduce((n, f) => n + f.indicators.length, 0)).toBe(64);
    expect(doc.forms.map((f) => f.indicators.length)).toEqual([12, 15, 5, 8, 5, 14, 5]);
    expect(doc.diagnostics).toEqual([]);
  });

  EXPECTED_FORMS.forEach((expected, i) => {
    describe(`form ${i + 1}: ${expected.projectName}`, () => {
      const form = doc.forms[i]!;
      it("header fields, funding, goals, total and grade", () => {
        const { indicators: _a, ...got } = comparable(form);
        const { indicators: _b, ...want } = expected;
        expect(got).toEqual(want);
      });
      expected.indicators.forEach((ind, j) => {
        it(`indicator ${j + 1}: ${ind.name}`, () => {
          expect(form.indicators[j]).toEqual(ind);
        });
      });
    });
  });

  it("keeps the line and cell of values", () => {
    const f1 = doc.forms[0]!;
    expect(f1.provenance["projectName"]).toEqual({ line: 7, cell: 2, page: 1 });
    expect(f1.provenance["funding[0].executed"]).toEqual({ line: 10, cell: 4, page: 1 });
    expect(f1.provenance["indicators[0].target"]).toEqual({ line: 17, cell: 3, page: 1 });
    // the row that lost its leading cells at a page break
    expect(f1.provenance["indicators[7].name"]).toEqual({ line: 24, cell: 0, page: 1 });
    const f6 = doc.forms[5]!;
    expect(f6.provenance["total.score"]).toEqual({ line: 164, cell: 6, page: 1 });
    expect(f6.provenance["grade"]).toEqual({ line: 165, cell: 1, page: 1 });
  });

  it("fits the whole Document schema, provenance included", () => {
    expect(Document.safeParse(doc).error).toBeUndefined();
  });

  it("records the source", () => {
    expect(doc.source).toMatchObject({ path: "seed.txt", kind: "text-tsv", bytes: Buffer.byteLength(SEED_TEXT) });
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
