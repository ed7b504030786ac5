import { describe, expect, it } from "vitest";
import { cleanFreeText, MAY_NEED_CLEANING } from "../../src/normalize/free-text.js";
import { isHan } from "../../src/text/chars.js";

// cleanFreeText returns text its quick check finds nothing in as it is: the
// check must find every space cleaning removes, between two Han characters
// of any Unicode block the engine knows (and may find more).
describe("cleanFreeText's quick check", () => {
  it("finds a space between any two Han characters, in the BMP and beyond", () => {
    for (let c = 0; c < 0x10000; c++) {
      if (!isHan(c)) continue;
      const s = String.fromCharCode(c);
      expect(MAY_NEED_CLEANING.test(`${s} ${s}`), `U+${c.toString(16)}`).toBe(true);
      expect(cleanFreeText(`a${s} ${s}a`)).toBe(`a${s}${s}a`);
    }
    for (let c = 0x20000; c < 0x32000; c += 0x3f) {
      if (!isHan(c)) continue;
      const s = String.fromCodePoint(c);
      expect(cleanFreeText(`${s} ${s} 汉 ${s}`)).toBe(`${s}${s}汉${s}`);
    }
  });

  it("finds nothing in tidy text, which is returned as it is", () => {
    for (const s of ["", "完成辅助工作较好,保障就餐就好。", "依据社保规定, 按时足额缴纳", "张江 AI 产业", "a b", "（1）完成"]) {
      expect(MAY_NEED_CLEANING.test(s), s).toBe(false);
      expect(cleanFreeText(s)).toBe(s);
    }
    for (const s of [" a", "a ", "a  b", "汉 字", "a\tb", "a\nb", "a\u3000b", "<p>a", "a&amp;b", "𠀀 字"]) {
      expect(MAY_NEED_CLEANING.test(s), JSON.stringify(s)).toBe(true);
    }
  });
});
