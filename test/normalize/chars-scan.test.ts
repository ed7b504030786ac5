import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanFreeText } from "../../src/normalize/free-text.js";
import {
  cellKey, cleanLabel, collapseSpaces, collapseSpacesAndHanGaps, foldWidth, isHan, isSpace, removeHanGaps,
} from "../../src/text/chars.js";

// The clean-up functions scan char codes instead of running regular
// expressions. These are the regular-expression definitions they replaced:
// each scan must give exactly what its definition gives.
const ref = {
  foldWidth(s: string): string {
    let out = "";
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
      else if (c === 0x3000 || c === 0xa0 || (c >= 0x2002 && c <= 0x200a)) out += " ";
      else if (c === 0x200b || c === 0xfeff) continue;
      else if (c === 0x2267) out += "≥";
      else if (c === 0x2266) out += "≤";
      else out += ch;
    }
    return out;
  },
  removeHanGaps: (s: string) => s.replace(/(?<=[\p{Script=Han}])\s+(?=[\p{Script=Han}])/gu, ""),
  collapseSpaces: (s: string) => s.replace(/\s+/g, " ").trim(),
  cleanLabel: (s: string) => ref.removeHanGaps(ref.collapseSpaces(ref.foldWidth(s))),
  cellKey: (s: string) => ref.foldWidth(s).replace(/\s+/g, ""),
};

// Characters where the scans have cases: whitespace of every kind, what
// foldWidth changes or drops, Han in and out of the BMP, lone surrogates.
const PIECES = [
  " ", "  ", "\t", "\n", "\r", "\u00a0", "\u1680", "\u2000", "\u2003", "\u200a", "\u200b", "\u2028", "\u202f", "\u205f", "\u3000", "\ufeff",
  "汉", "字", "々", "〇", "㐀", "𠀀", "\ud840", "\udc00", "、", "。", "a", "Z", "5", ".", ",", "-", "(", ")", "（", "）", "１", "＝", "％",
  "≧", "≦", "≥", "人", "以上", "<p>", "&nbsp;",
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join("")),
  fc.string({ unit: "binary" }),
);

describe("char-code scans agree with the regular expressions they replaced", () => {
  it("isSpace is \\s, for every code unit", () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpace(c), `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it("isHan is \\p{Script=Han}, for every BMP code point and the astral planes' blocks", () => {
    const han = /^\p{Script=Han}$/u;
    for (let c = 0; c < 0x10000; c++) expect(isHan(c), `U+${c.toString(16)}`).toBe(han.test(String.fromCharCode(c)));
    for (let c = 0x10000; c < 0x40000; c += 0x3f) expect(isHan(c), `U+${c.toString(16)}`).toBe(han.test(String.fromCodePoint(c)));
  });

  it("foldWidth, removeHanGaps, collapseSpaces, cleanLabel, cellKey (property)", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(foldWidth(s)).toBe(ref.foldWidth(s));
        expect(removeHanGaps(s)).toBe(ref.removeHanGaps(s));
        expect(collapseSpaces(s)).toBe(ref.collapseSpaces(s));
        expect(collapseSpacesAndHanGaps(s)).toBe(ref.removeHanGaps(ref.collapseSpaces(s)));
        expect(cleanLabel(s)).toBe(ref.cleanLabel(s));
        expect(cellKey(s)).toBe(ref.cellKey(s));
      }),
      { numRuns: 5000 },
    );
  });

  it("return their input itself when there is nothing to change", () => {
    for (const s of ["服务对象满意度", "张江 AI 产业", "5.00(人)", ""]) {
      expect(foldWidth(s)).toBe(s);
      expect(collapseSpaces(s)).toBe(s);
      expect(removeHanGaps(s)).toBe(s);
    }
  });

  it("edge cases", () => {
    expect(cleanLabel("汉\u200b 字")).toBe("汉字");
    expect(cleanLabel("\ud840\u200b\udc00")).toBe("𠀀");
    expect(cleanLabel("𠀀 字")).toBe("𠀀字");
    expect(cleanLabel("a\ufeffb")).toBe("ab");
    expect(removeHanGaps("汉 \t 字 a 字")).toBe("汉字 a 字");
    expect(cellKey("其中：\u3000当年 财政拨款\u2003")).toBe("其中:当年财政拨款");
  });
});

// parseDecimal is written with regular expressions itself (its scan saved nothing the command shows, issue 12).
describe("cleanFreeText agrees with its regular-expression definition", () => {
  const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'" };
  function refFreeText(t: string): string {
    const withBreaks = t.replace(/<\/p\s*>\s*<p(?:\s[^<>]*)?>|<br\s*\/?>|<\/(?:div|li|tr)\s*>/gi, "\n").replace(/<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/g, "");
    const decoded = withBreaks.replace(/&(?:nbsp|amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e);
    return decoded.split("\n").map((line) => ref.removeHanGaps(ref.collapseSpaces(line))).filter((line) => line !== "").join("\n");
  }

  it("cleanFreeText (property)", () => {
    const html = fc.array(fc.constantFrom(...PIECES, "</p>", "<br/>", "<BR>", "</div >", "<b>", "&amp;", "&lt;", "&#39;", "\n", "\n\n", " \n "), { maxLength: 12 })
      .map((a) => a.join(""));
    fc.assert(fc.property(fc.oneof(html, text), (s) => {
      expect(cleanFreeText(s)).toBe(refFreeText(s));
    }), { numRuns: 5000 });
  });
});
