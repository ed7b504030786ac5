/**
 * The verifier's shortcuts must give exactly what the plain code they replace
 * gives: whitespace removal without a regex, sums that skip additions which
 * cannot change anything, paths read without a regex.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parentPath, rowOrder } from "../../src/verify/context.js";
import { D, add, compare, envelope, eq, fmt, fmtAmount, gt, gte, lt, lte, sum, truncationGap, withinAbs, type Dec } from "../../src/verify/decimal.js";
import { hasText, isSpace, stripSpace } from "../../src/verify/text.js";

/** What the sign of a Decimal zero is, as a string, so -0 and 0 are told apart. */
const exact = (x: Dec) => `${x.isNeg() ? "-" : "+"}${x.toFixed()}`;

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

describe("sums", () => {
  const decimals = fc.oneof(
    fc.constantFrom("0", "0.00", "-0", "-0.00", "5.00", "-5", "100", "0.005", "99.995",
      "123456789012345678901234567890.123456", "-98765432109876543210987654321.0987654321", "1e-50"),
    fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, dp]) => new D(n).div(10 ** dp).toFixed(dp)),
  );

  it("add and sum give what adding one by one to 0 gives, zeros' signs included", () => {
    fc.assert(fc.property(fc.array(fc.option(decimals, { nil: null }), { maxLength: 8 }), (values) => {
      const parsed = values.map((v) => (v === null ? null : new D(v)));
      const plain = parsed.reduce<Dec>((acc, v) => (v === null ? acc : acc.plus(v)), new D(0));
      expect(exact(sum(parsed))).toBe(exact(plain));
      // add on any accumulator that is a result of arithmetic.
      let acc = new D(0);
      let fast = new D(0);
      for (const v of parsed) {
        if (v === null) continue;
        acc = acc.plus(v);
        fast = add(fast, v);
        expect(exact(fast)).toBe(exact(acc));
      }
    }), { numRuns: 3000 });
  });

  it("a negative zero accumulator stays what plus makes of it", () => {
    const negZero = new D("-0");
    expect(exact(add(negZero, new D("0")))).toBe(exact(negZero.plus(new D("0"))));
    expect(exact(add(negZero, new D("-0")))).toBe(exact(negZero.plus(new D("-0"))));
    expect(exact(add(negZero, new D("3")))).toBe(exact(negZero.plus(new D("3"))));
  });

  it("withinAbs is abs().lte()", () => {
    fc.assert(fc.property(decimals, decimals, (a, b) => {
      const bound = new D(b).abs();
      expect(withinAbs(new D(a), bound)).toBe(new D(a).abs().lte(bound));
    }), { numRuns: 2000 });
  });

  it("envelopes are (n + 1) × 0.005 and (n − 1) × 0.01", () => {
    for (const n of [0, 1, 2, 3, 4, 10, 255, 256, 1000]) {
      expect(envelope(n).toFixed()).toBe(new D(n + 1).times("0.005").toFixed());
      expect(truncationGap(n).toFixed()).toBe(new D(n - 1).times("0.01").toFixed());
    }
  });
});

describe("formatting", () => {
  const digits = fc.stringMatching(/^[0-9]{1,45}$/);
  const values = fc.oneof(
    fc.tuple(fc.boolean(), digits, fc.integer({ min: -30, max: 30 })).map(([neg, ds, exp]) => new D(`${neg ? "-" : ""}${ds}e${exp}`)),
    fc.tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, dp]) => new D(n).div(10 ** dp)),
    fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 })).map(([a, b]) => new D(a).div(b).times(100)),
    fc.constantFrom(new D("-0"), new D("0"), new D("0.00"), new D("-0.00"), new D("1e-40"), new D("123456789012345678901234567890.005"),
      new D(Infinity), new D(-Infinity), new D(NaN), new D("0.005"), new D("-0.005"), new D("99.995"), new D("10000000"), new D("1e21")),
  );

  it("fmt is toFixed(2); fmtAmount is toFixed() beyond 2 decimals, toFixed(2) otherwise", () => {
    fc.assert(fc.property(values, (x) => {
      expect(fmt(x)).toBe(x.toFixed(2));
      expect(fmtAmount(x)).toBe(x.decimalPlaces() > 2 ? x.toFixed() : x.toFixed(2));
    }), { numRuns: 20000 });
  });
});

describe("comparisons", () => {
  const base = fc.oneof(
    fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,20}$/), fc.integer({ min: -12, max: 12 })).map(([neg, ds, exp]) => new D(`${neg ? "-" : ""}${ds}e${exp}`)),
    fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([a, b]) => new D(a).div(b)),
    fc.constantFrom(new D("0"), new D("-0"), new D("0.00"), new D(Infinity), new D(-Infinity), new D(NaN), new D("1e9000000000000000"),
      new D("5"), new D("5.00"), new D("-5"), new D("5.0000001"), new D("4.9999999"), new D("10000000"), new D("9999999.9999999")),
  );
  // Near-equal pairs: the same value, a neighbour, the value negated.
  const pairs = fc.oneof(
    fc.tuple(base, base),
    base.map((x) => [x, new D(x)] as const),
    base.map((x) => [x, x.plus("1e-30")] as const),
    base.map((x) => [x, x.neg()] as const),
  );

  it("compare, eq, lt, lte, gt, gte are cmp, eq, lt, lte, gt, gte", () => {
    fc.assert(fc.property(pairs, ([x, y]) => {
      expect(Object.is(compare(x, y), x.cmp(y))).toBe(true);
      expect([eq(x, y), lt(x, y), lte(x, y), gt(x, y), gte(x, y)]).toEqual([x.eq(y), x.lt(y), x.lte(y), x.gt(y), x.gte(y)]);
    }), { numRuns: 20000 });
  });
});

describe("paths", () => {
  const oldParent = (path: string) => {
    const m = /^(.*)(\.[^.[\]]+|\[\d+\])$/.exec(path);
    return m ? m[1] : undefined;
  };
  const oldRowOrder = (path: string): [number, number] => {
    const m = /^(funding|indicators)(?:\[(\d+)\])?/.exec(path);
    if (m) return m[2] === undefined ? (m[1] === "funding" ? [0, 1e6] : [2, 1]) : [m[1] === "funding" ? 0 : 1, Number(m[2])];
    if (path.startsWith("total")) return [2, 0];
    if (path === "grade") return [3, 0];
    return [9, 0];
  };
  const parts = fc.constantFrom("funding", "indicators", "total", "grade", "[", "]", ".", "0", "12", "score", "level1Subtotal", "x", "");
  const paths = fc.array(parts, { maxLength: 7 }).map((a) => a.join(""));

  it("parentPath and rowOrder read paths as the regular expressions did", () => {
    const fixed = ["funding[0].rate", "funding[12].adjustedBudget", "indicators[3].score", "indicators[3]", "indicators",
      "total.weight", "total.score", "grade", "funding", "indicators[x]", "indicators[]", "a.b[3]", ".x", "x.", "[7]", ""];
    for (const p of fixed) {
      expect(parentPath(p), p).toBe(oldParent(p));
      expect(rowOrder(p), p).toEqual(oldRowOrder(p));
    }
    fc.assert(fc.property(paths, (p) => {
      expect(parentPath(p)).toBe(oldParent(p));
      expect(rowOrder(p)).toEqual(oldRowOrder(p));
    }), { numRuns: 5000 });
  });
});

describe("per-form sums", () => {
  // Figures as forms print them, and some no form prints: many decimals, huge, negative zero.
  const figure = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(0, 1, 2)).map(([n, dp]) => new D(n).div(10 ** dp).toFixed(dp)) },
    // 40 digits, and parts below its last digit that only add up to something when added together first.
    { weight: 2, arbitrary: fc.constantFrom("0", "0.00", "-0.00", "-3.50", "12345678901234.5", "0.123456789", "99999999999.9999999",
      "123456789012345678901234567890.123456", "1234567890123456789012345678901234567890", "0.3", "0.25") },
  );
  const level1 = fc.constantFrom("产出指标", "效益指标", "满意度指标", "成本指标", "满 意 度指标", "其他");
  const row = fc.record({ level1, weight: fc.option(figure, { nil: null }), score: fc.option(figure, { nil: null }) });

  it("Σ weights, Σ scores and the split sums are what adding row by row gives", async () => {
    const { facts } = await import("../../src/verify/facts.js");
    const { splitGroupOf } = await import("../../src/verify/weights.js");
    const plain = (xs: (string | null)[]) => xs.reduce<Dec>((acc, v) => (v === null ? acc : acc.plus(v)), new D(0));
    fc.assert(fc.property(fc.array(row, { maxLength: 15 }), (rows) => {
      const form = {
        funding: [], indicators: rows.map((r, i) => ({
          level1: r.level1, level1Subtotal: null, level2: "数量指标", name: `指标${i}`,
          target: { raw: "", op: null, value: null, unit: null, qualitative: null },
          actual: { raw: "", op: null, value: null, unit: null, qualitative: null },
          weight: r.weight, score: r.score, deviation: null,
        })),
      } as unknown as Parameters<typeof facts>[0];
      const f = facts(form, "either");
      expect(exact(f.weightSum)).toBe(exact(plain(rows.map((r) => r.weight))));
      expect(exact(f.scoreSum)).toBe(exact(plain(rows.map((r) => r.score))));
      // The split sums of the original code: the first weight as it is, then plus.
      if (f.split !== undefined && f.split !== null) {
        for (const [g, entry] of f.split) {
          const members = rows.filter((r) => splitGroupOf(r.level1) === g);
          const expected = members.slice(1).reduce<Dec>((acc, r) => acc.plus(r.weight ?? 0), new D(members[0]!.weight ?? 0));
          expect(entry.weight.eq(expected) && entry.weight.isNeg() === expected.isNeg()).toBe(true);
        }
      }
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

describe("roundingMatch", () => {
  it("is { truncate: printed = truncate2(exact), halfUp: printed = halfUp2(exact) }", async () => {
    const { roundingMatch, truncate2, halfUp2 } = await import("../../src/verify/decimal.js");
    const quotient = fc.tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 1, max: 3_000_000 }), fc.integer({ min: -3, max: 3 }))
      .map(([a, b, k]) => new D(a).div(b).times(new D(10).pow(k)));
    const exact = fc.oneof(quotient,
      fc.tuple(fc.stringMatching(/^[0-9]{1,40}$/), fc.integer({ min: -45, max: 35 })).map(([ds, e]) => new D(`${ds}e${e}`)),
      fc.constantFrom(new D("0.005"), new D("0.015"), new D("99.995"), new D("-0.005"), new D("0"), new D("-0"), new D("1e-50"), new D("9.9999999999999999999999999999999999999999")));
    // Printed figures near the exact value (its roundings and their neighbours) and elsewhere.
    const pair = fc.oneof(
      fc.tuple(exact, fc.integer({ min: -2, max: 2 }), fc.constantFrom("down", "half")).map(([x, k, m]) =>
        [(m === "down" ? truncate2(x) : halfUp2(x)).plus(new D(k).div(100)), x] as const),
      fc.tuple(exact, exact).map(([p, x]) => [p, x] as const),
      fc.tuple(exact, fc.constantFrom("0", "-0", "0.00", "0.001", "100", "-1.23", "1e31")).map(([x, p]) => [new D(p), x] as const),
    );
    fc.assert(fc.property(pair, ([printed, x]) => {
      expect(roundingMatch(printed, x)).toEqual({ truncate: printed.eq(truncate2(x)), halfUp: printed.eq(halfUp2(x)) });
    }), { numRuns: 30000 });
  });
});
