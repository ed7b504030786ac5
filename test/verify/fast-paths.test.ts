/**
 * The verifier's shortcuts must give exactly what the plain code they replace
 * gives: whitespace removal without a regex (src/text/chars.ts, 8 % of the
 * whole command), and options worked out once per verifier. The decimal and
 * path shortcuts of decimal.ts and context.ts, 1.7 % together, are gone, with
 * their tests (issue 12, item 9).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasText, isSpace, stripSpace } from "../../src/verify/text.js";

describe("whitespace helpers", () => {
  it("isSpace is \\s, code unit by code unit", () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  it("stripSpace is replace(/\\s+/g, '') and hasText is trim() !== ''", () => {
    const chars = fc.constantFrom("满", "意", "度", " ", "\u3000", "\t", "\n", "\u00a0", "\ufeff", "\u200b", "a", "优", "\u2028", "\u001f");
    fc.assert(fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join("")), (s) => {
      expect(stripSpace(s)).toBe(s.replace(/\s+/g, ""));
      expect(hasText(s)).toBe(s.trim() !== "");
    }), { numRuns: 3000 });
  });
});

describe("options worked out once", () => {
  it("{} and undefined give the defaults; an option inherited from a prototype still counts", async () => {
    const { formVerifier, verify } = await import("../../src/verify/index.js");
    const { seedForms } = await import("./seed.js");
    const forms = seedForms();
    const inherited = Object.create({ rounding: "half-up" }) as { rounding: "half-up" };
    forms.forEach((form, i) => {
      expect(verify(form, {}, i)).toEqual(verify(form, undefined, i));
      expect(formVerifier({})(form, i)).toEqual(verify(form, undefined, i));
      expect(verify(form, inherited, i)).toEqual(verify(form, { rounding: "half-up" }, i));
      expect(formVerifier(inherited)(form, i)).toEqual(verify(form, { rounding: "half-up" }, i));
    });
    // Half-up only differs from the defaults on a truncating form: the seed truncates.
    expect(forms.some((form, i) => JSON.stringify(verify(form, inherited, i)) !== JSON.stringify(verify(form, {}, i)))).toBe(true);
    expect(() => formVerifier({ rounding: "sometimes" } as never)).toThrow();
  });
});
