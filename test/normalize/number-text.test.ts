import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanFreeText } from "../../src/normalize/free-text.js";
import { parseDecimal } from "../../src/normalize/number.js";
import { cellKey, cleanLabel, foldWidth } from "../../src/text/chars.js";

describe("parseDecimal", () => {
  it.each([
    ["1,121.92", "1121.92"], ["2,821.57", "2821.57"], ["88.15", "88.15"], ["0.00", "0.00"], ["10", "10"],
    ["(12.50)", "-12.50"], ["-3.2", "-3.2"], ["88.15%", "88.15"], ["１２３．４５", "123.45"], [" 1,000 ", "1000"],
    ["89.974", "89.974"], ["-0.00", "0.00"], ["1,234,567.8", "1234567.8"],
  ])("%s → %s", (text, want) => expect(parseDecimal(text)).toBe(want));

  it.each(["", "-", "/", "—", "－", " "])("%j means no value", (text) => expect(parseDecimal(text)).toBeNull());
  it.each(["abc", "1,12.5", "12a", "1.2.3", "≥5"])("%j is not a number", (text) => expect(parseDecimal(text)).toBeUndefined());

  it("never throws, and a value is always a decimal string (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[(-]?[\d,]{0,9}(\.\d{0,3})?%?\)?$/)), (s) => {
        const r = parseDecimal(s);
        if (typeof r === "string") expect(r).toMatch(/^-?\d+(\.\d+)?$/);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("text clean-up", () => {
  it("removes the gaps a wrapped cell leaves between Han characters, not others", () => {
    expect(cleanLabel("满意 度指 标")).toBe("满意度指标");
    expect(cleanLabel("服务 对象 满意 度指 标")).toBe("服务对象满意度指标");
    expect(cleanLabel("张江 AI 产业")).toBe("张江 AI 产业");
    expect(cleanLabel("项目资金 （万元）")).toBe("项目资金 (万元)");
  });
  it("folds full-width ASCII and spaces", () => {
    expect(foldWidth("（２０２３　年度）")).toBe("(2023 年度)");
    expect(cellKey("其中： 当年财政拨款")).toBe("其中:当年财政拨款");
  });
  it("strips stray HTML from goals, keeping paragraphs", () => {
    expect(cleanFreeText("<p>一是守正创新。</p> <p>二是 锐意进取。</p>")).toBe("一是守正创新。\n二是锐意进取。");
    expect(cleanFreeText("目标&nbsp;A &lt; B<br/>下一行")).toBe("目标 A < B\n下一行");
    expect(cleanFreeText("≤ 5% and a < b > c")).toBe("≤ 5% and a < b > c");
  });
  it("never throws (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        cleanLabel(s);
        cleanFreeText(s);
        cellKey(s);
      }),
      { numRuns: 2000 },
    );
  });
});
