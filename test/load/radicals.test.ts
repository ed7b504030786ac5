import { describe, expect, it } from "vitest";
import { hasRadicals, mapRadicals } from "../../src/load/radicals.js";

describe("mapRadicals", () => {
  it("maps Kangxi radicals (NFKC block) to ideographs", () => {
    expect(mapRadicals("项\u2F6C名称")).toBe("项目名称"); // ⽬
    expect(mapRadicals("\u2F08员")).toBe("人员"); // ⼈
    expect(mapRadicals("\u2F40出")).toBe("支出"); // ⽀
    expect(mapRadicals("\u2F83评表")).toBe("自评表"); // ⾃
  });

  it("maps CJK Radicals Supplement code points, which NFKC leaves alone", () => {
    expect("\u2ED4".normalize("NFKC")).toBe("\u2ED4"); // the reason for the table
    expect(mapRadicals("主管部\u2ED4")).toBe("主管部门"); // ⻔
    expect(mapRadicals("\u2ED3期")).toBe("长期"); // ⻓
    expect(mapRadicals("\u2EDB险")).toBe("风险"); // ⻛
    expect(mapRadicals("\u2EC5解")).toBe("见解"); // ⻅
    expect(mapRadicals("\u2EAB标")).toBe("目标"); // ⺫
    expect(mapRadicals("\u2EE2上")).toBe("马上"); // ⻢
  });

  it("maps supplement radicals outside the BMP correctly", () => {
    expect(mapRadicals("\u2E87")).toBe(String.fromCodePoint(0x20628));
  });

  it("maps every Kangxi radical to a unified ideograph", () => {
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
      const mapped = mapRadicals(String.fromCodePoint(cp)).codePointAt(0)!;
      expect(mapped >= 0x3400, cp.toString(16)).toBe(true);
    }
  });

  it("leaves ordinary text, full-width punctuation and unmapped radicals as they are", () => {
    const s = "年度资金总额：1,121.92（万元）≥95(%)";
    expect(mapRadicals(s)).toBe(s);
    expect(mapRadicals("\u2E80")).toBe("\u2E80"); // no equivalent in the UCD
    expect(hasRadicals(s)).toBe(false);
    expect(hasRadicals("\u2F6C")).toBe(true);
  });
});
