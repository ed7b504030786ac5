import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CorpusCase } from "../../../scripts/corpus/case.js";
import { parseText } from "../../../src/parse.js";
import { fixture } from "../../helpers.js";

/*
 * A Calc viewer copy (fixtures/flat/fresh/9206-calc: seed 9206, its
 * generating form beside it) holds the wrapped and mixed-script cells after
 * the rows they belong to. Put back, each keeps the place where its text
 * stands in the copy, and a diagnostic says it was put back.
 */
describe("Calc's late-drawn cells put back into their rows", () => {
  it("reads row 1's target from the text after the rows, where it stands (line 43), and says so", async () => {
    const text = readFileSync(`${fixture("flat/fresh")}/9206-calc.viewer.txt`);
    const c = JSON.parse(readFileSync(`${fixture("flat/fresh")}/9206-calc.json`, "utf8")) as CorpusCase;
    const doc = await parseText(new Uint8Array(text), { source: "9206", verify: false });
    const form = doc.forms[0]!;
    const expected = c.forms[0]!.indicators[0]!.target as { raw: string };
    // Lines 43-44 of the copy: ≥1384（条 / ）, drawn after every single-line cell of the page.
    expect(text.toString("utf8").split("\n")[42]).toBe("≥1384（条");
    expect(form.indicators[0]!.target?.raw).toBe(expected.raw);
    expect(form.provenance["indicators[0].target"]).toMatchObject({ line: 43, cell: 0 });
    const said = doc.diagnostics.filter((d) => d.code === "layout.inferred-cell" && d.quotes?.some((q) => q.line === 43 && q.cell === 0));
    expect(said.some((d) => d.message.includes("put back as indicator row 1's 年度指标值"))).toBe(true);
  });

  it("puts the year, drawn after the page's rows (line 18), under the title", async () => {
    const text = readFileSync(`${fixture("flat/fresh")}/9206-calc.viewer.txt`);
    const c = JSON.parse(readFileSync(`${fixture("flat/fresh")}/9206-calc.json`, "utf8")) as CorpusCase;
    const doc = await parseText(new Uint8Array(text), { source: "9206", verify: false });
    expect(doc.forms[0]!.year).toBe(c.forms[0]!.year);
    expect(doc.forms[0]!.provenance.year).toMatchObject({ line: 18 });
  });
});
