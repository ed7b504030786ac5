/**
 * The corpus's field-by-field comparison and its failure kinds: a difference
 * is named by its path, a lost row costs each of its fields, and nothing that
 * differs goes unreported.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { drawCase } from "../../scripts/corpus/case.js";
import { classify, FAILURE_KINDS, type FailureKind } from "../../scripts/corpus/classify.js";
import { compareForms } from "../../scripts/corpus/compare.js";
import { proposeCause } from "../../scripts/corpus/known-gaps.js";
import type { Form } from "../../src/model/form.js";

const want = drawCase(7).forms;
/** What a perfect parse would return: the generating forms with provenance. */
const parsed = (): Form[] => structuredClone(want).map((f) => ({ ...f, provenance: {} }));

describe("compareForms", () => {
  it("finds no difference in a perfect parse and counts every leaf field", () => {
    const c = compareForms(want, parsed());
    expect(c.differences).toEqual([]);
    expect(c.matched).toBe(c.fields);
    const perIndicator = 1 + 1 + 1 + 1 + 5 + 5 + 1 + 1 + 1; // level1, subtotal, level2, name, target, actual, weight, score, deviation
    expect(c.fields).toBeGreaterThan(want.reduce((s, f) => s + f.indicators.length * perIndicator, 0));
  });

  it("names a differing field by its path, with both values", () => {
    const got = parsed();
    const i = got[0]!.indicators[1]!;
    const was = i.level2;
    i.level2 = "质量指标X";
    const c = compareForms(want, got);
    expect(c.differences).toEqual([`forms[0].indicators[1].level2: expected ${was}, got 质量指标X`]);
    expect(c.fields - c.matched).toBe(1);
    expect(classify({ file: "x.pdf", diagnostics: [], ...c })).toEqual(["level-label"]);
  });

  it("counts every field of a lost row and of a lost form as differing", () => {
    const got = parsed();
    const lost = got[0]!.funding.splice(2, 1)[0]!;
    const c = compareForms(want, got);
    expect(c.differences[0]).toBe(`forms[0].funding: expected ${want[0]!.funding.length} item(s), got ${want[0]!.funding.length - 1}`);
    expect(c.fields - c.matched).toBeGreaterThanOrEqual(Object.keys(lost).length);
    expect(classify({ file: "x.pdf", diagnostics: [], ...c })).toContain("funding-row-lost");

    const none = compareForms(want, []);
    expect(none.matched).toBe(0);
    expect(none.differences[0]).toBe(`forms: expected ${want.length} item(s), got 0`);
    expect(classify({ file: "x.pdf", diagnostics: [], ...none })).toContain("form-lost");
  });

  it("reports a null read for a printed value, and a value where null was printed", () => {
    const got = parsed();
    const f = got[0]!;
    const dept = f.department;
    f.department = null;
    f.funding[1]!.weight = "0.00";
    const c = compareForms(want, got);
    expect(c.differences).toContain(`forms[0].department: expected ${dept}, got null`);
    expect(c.differences).toContain("forms[0].funding[1].weight: expected null, got 0.00");
  });
});

describe("drawCase", () => {
  it("draws the same case from the same seed and different cases from neighbouring seeds", () => {
    expect(drawCase(123)).toEqual(drawCase(123));
    const fonts = new Set(Array.from({ length: 10 }, (_, i) => drawCase(200 + i).rendering.font));
    expect(fonts.size).toBeGreaterThan(2);
  });

  it("makes plausible forms: 3-25 indicators, sub-rows adding up to the total, weights adding up to 100", () => {
    for (let seed = 300; seed < 330; seed++) {
      for (const f of drawCase(seed).forms) {
        expect(f.indicators.length).toBeGreaterThanOrEqual(3);
        expect(f.indicators.length).toBeLessThanOrEqual(25);
        const [total, ...subs] = f.funding;
        const cents = (v: string | null): string => new Decimal(v ?? 0).mul(100).toFixed(0);
        const sum = (vs: Array<string | null>): string => vs.reduce((s, v) => s.plus(v ?? 0), new Decimal(0)).toFixed(2);
        for (const k of ["initialBudget", "adjustedBudget", "executed"] as const) {
          expect(sum(subs.map((r) => r[k])), `seed ${seed} ${k}`).toBe(new Decimal(total![k]!).toFixed(2));
        }
        expect(cents(sum([total!.weight, ...f.indicators.map((i) => i.weight)])), `seed ${seed} weights`).toBe("10000");
        expect(sum([total!.score, ...f.indicators.map((i) => i.score)]), `seed ${seed} total`).toBe(f.total.score);
      }
    }
  });
});

describe("proposeCause", () => {
  it("gives every failure kind a cause on either input, and names an unsorted difference", () => {
    for (const kind of Object.keys(FAILURE_KINDS) as FailureKind[]) {
      for (const input of ["pdf", "layout.txt"] as const) {
        const cause = proposeCause([kind], "calc", input);
        expect(cause, `${kind} ${input}`).not.toMatch(/no failure kind describes|unknown/);
        expect(cause.length, `${kind} ${input}`).toBeGreaterThan(40);
      }
    }
    expect(proposeCause([], "chromium", "layout.txt", ["forms[0].x: expected 1, got 2"])).toContain("forms[0].x: expected 1, got 2");
  });
});
