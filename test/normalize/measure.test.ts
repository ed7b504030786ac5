import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Measure } from "../../src/model/form.js";
import { parseMeasure } from "../../src/normalize/measure.js";

const m = (raw: string, op: string | null, value: string | null, unit: string | null) =>
  ({ raw, op, value, unit, qualitative: null });

describe("parseMeasure", () => {
  it.each([
    ["=5(人)", m("=5(人)", "=", "5", "人")],
    ["≥250(人)", m("≥250(人)", ">=", "250", "人")],
    ["≤24.00(小时)", m("≤24.00(小时)", "<=", "24.00", "小时")],
    ["=0.00(%)", m("=0.00(%)", "=", "0.00", "%")],
    ["≥50个", m("≥50个", ">=", "50", "个")],
    ["≥100百分比", m("≥100百分比", ">=", "100", "百分比")],
    [">=90%", m(">=90%", ">=", "90", "%")],
    ["不低于95%", m("不低于95%", ">=", "95", "%")],
    ["不高于5%", m("不高于5%", "<=", "5", "%")],
    ["大于等于3次", m("大于等于3次", ">=", "3", "次")],
    ["≤90万元", m("≤90万元", "<=", "90", "万元")],
    ["100%", m("100%", null, "100", "%")],
    ["5.00(人)", m("5.00(人)", null, "5.00", "人")],
    ["16400.00(人)", m("16400.00(人)", null, "16400.00", "人")],
    ["95%以上", m("95%以上", ">=", "95", "%")],
    ["24小时以内", m("24小时以内", "<=", "24", "小时")],
    ["≧1,800(人)", m("≧1,800(人)", ">=", "1800", "人")],
    ["＝１００（％）", m("＝１００（％）", "=", "100", "%")],
    ["12", m("12", null, "12", null)],
  ])("%s", (raw, want) => {
    expect(parseMeasure(raw)).toEqual(want);
  });

  it.each(["全年正常运营", "达成指标", "部分达成指标并具有一定效果", "在项目计划完成时间内完成", "2023年12月31日前完成", "效果明显"])(
    "qualitative: %s",
    (raw) => {
      expect(parseMeasure(raw)).toEqual({ raw, op: null, value: null, unit: null, qualitative: raw });
    },
  );

  it("an empty cell is an empty measure", () => {
    expect(parseMeasure("  ")).toEqual({ raw: "", op: null, value: null, unit: null, qualitative: null });
  });

  it("never throws, and always yields a valid Measure (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[=≥≤<>不低于]{0,3}[-\d.,]{0,8}[(（]?[人%个次]{0,2}[)）]?$/)), (s) => {
        const r = parseMeasure(s);
        expect(Measure.safeParse(r).success).toBe(true);
        if (r.value !== null) expect(r.value).toMatch(/^-?\d+(\.\d+)?$/);
      }),
      { numRuns: 2000 },
    );
  });
});
