/**
 * The parser hands over damaged forms too (cells lost, forms cut off): the
 * verifier must never throw on them, and what it says must fit the model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Verification, type Form } from "../../src/model/index.js";
import { verify } from "../../src/verify/index.js";
import { clone, seedForms } from "./seed.js";

const NULLABLE_FUNDING = ["initialBudget", "adjustedBudget", "executed", "weight", "rate", "score"] as const;
const NULLABLE_INDICATOR = ["weight", "score", "deviation", "level1Subtotal"] as const;

/** Blanks random cells, drops random rows, and sometimes cuts the form off. */
function damaged(form: Form) {
  return fc.record({
    funding: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NULLABLE_FUNDING)), { maxLength: 6 }),
    indicators: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NULLABLE_INDICATOR)), { maxLength: 6 }),
    measures: fc.array(fc.tuple(fc.nat(), fc.constantFrom("target", "actual")), { maxLength: 4 }),
    dropFunding: fc.array(fc.nat(), { maxLength: 4 }),
    dropIndicators: fc.array(fc.nat(), { maxLength: 20 }),
    cut: fc.boolean(),
    zeroBudget: fc.boolean(),
  }).map((d) => {
    const f = clone(form);
    for (const [i, k] of d.funding) if (f.funding.length) f.funding[i % f.funding.length]![k] = null;
    for (const [i, k] of d.indicators) if (f.indicators.length) f.indicators[i % f.indicators.length]![k] = null;
    for (const [i, k] of d.measures) if (f.indicators.length) f.indicators[i % f.indicators.length]![k] = { raw: "", op: null, value: null, unit: null, qualitative: null };
    for (const i of d.dropFunding) if (f.funding.length) f.funding.splice(i % f.funding.length, 1);
    for (const i of d.dropIndicators) if (f.indicators.length) f.indicators.splice(i % f.indicators.length, 1);
    if (d.zeroBudget && f.funding[0]) f.funding[0].adjustedBudget = "0";
    if (d.cut) Object.assign(f, { total: { weight: null, score: null }, grade: null, complete: false });
    return f;
  });
}

describe("damaged forms", () => {
  it("never make the verifier throw, and its findings fit the model", () => {
    const forms = seedForms();
    fc.assert(fc.property(fc.constantFrom(...forms).chain(damaged), (f) => {
      const v = verify(f);
      expect(() => Verification.parse(v)).not.toThrow();
    }), { numRuns: 500, seed: 7 });
  });

  it("an empty form says nothing", () => {
    const empty: Form = {
      formType: "project", template: "national", title: "", year: null, projectName: null, department: null, implementingUnit: null,
      fundingUnit: "万元", funding: [], goals: { expected: null, actual: null }, indicators: [],
      total: { weight: null, score: null }, grade: null, notes: {}, complete: false, provenance: {},
    };
    expect(verify(empty)).toEqual({ rounding: "either", findings: [] });
  });
});
