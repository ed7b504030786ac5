import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ProvenanceLog } from "../../src/model/provenance-log.js";
import { completeLabel } from "../../src/normalize/label-fragments.js";
import { decimalText } from "../../src/normalize/number.js";
import {
  FUNDING_LABELS, GRADES, LEVEL1_LABELS, LEVEL2_LABELS, LEVEL_LABELS, NOTES, TITLES, UNITS, Vocabulary,
} from "../../src/normalize/vocabulary.js";
import { recognise } from "../../grammars/self-evaluation/index.js";
import { mostValues, normalizeForm } from "../../src/normalize/form.js";
import { textSheet } from "../../src/parse.js";
import { cellKey, cleanLabel, cleansTo, isHan, keyIncludes } from "../../src/text/chars.js";
import { fixture, SEED_TEXT } from "../helpers.js";

// The normaliser gives a value that reads as a known word (a level label, a
// unit, a common number) that word's own string, read off the cell without
// making the value first. These check that it is only ever the same text.

const HAN_ONLY = [LEVEL_LABELS, TITLES, GRADES, NOTES];
const around = ["", " ", "  ", "\u3000", "\t", "\n", "\u00a0", "\u200b", "\ufeff"];
const others = ["汉", "a", "(", "（", "１", "≧", "𠀀", "\ud840", ":", "分)", "(50分)"];

/** Texts made of a word's characters with whitespace and other characters around and between them. */
function textsNear(word: string): fc.Arbitrary<string> {
  const pieces = [...word, ...around, ...others];
  return fc.oneof(
    fc.array(fc.constantFrom(...pieces), { maxLength: word.length + 5 }).map((a) => a.join("")),
    fc.tuple(fc.array(fc.constantFrom(...around), { maxLength: word.length + 1 }), fc.constantFrom(...around, ...others))
      .map(([gaps, extra]) => [...word].map((c, i) => (gaps[i] ?? "") + c).join("") + (extra === "" ? "" : gaps.length % 2 ? extra : "")),
  );
}

describe("cleansTo and Vocabulary", () => {
  it("the words read off cells are Han characters only (what cleansTo asks of them)", () => {
    for (const v of HAN_ONLY) for (const w of v.words) for (const c of w) expect(isHan(c.codePointAt(0)!), w).toBe(true);
    expect(LEVEL_LABELS.words).toEqual([...new Set([...LEVEL1_LABELS, ...LEVEL2_LABELS])]);
  });

  it("cleansTo(s, w) is cleanLabel(s) === w (property)", () => {
    for (const v of HAN_ONLY) {
      for (const w of v.words) {
        fc.assert(fc.property(textsNear(w), (s) => {
          expect(cleansTo(s, w), JSON.stringify(s)).toBe(cleanLabel(s) === w);
        }), { numRuns: 300 });
      }
    }
  });

  it("cleaned(text) is the word cleanLabel(text) is, if any (property)", () => {
    for (const v of HAN_ONLY) {
      const texts = fc.oneof(...v.words.map(textsNear));
      fc.assert(fc.property(texts, (s) => {
        expect(v.cleaned(s), JSON.stringify(s)).toBe(v.words.find((w) => cleanLabel(s) === w));
      }), { numRuns: 2000 });
    }
    expect(LEVEL_LABELS.cleaned("产出 指标")).toBe("产出指标");
    expect(LEVEL_LABELS.cleaned(" 服务 对象 满意 度指 标 ")).toBe("服务对象满意度指标");
    expect(LEVEL_LABELS.cleaned("产出指标(50分)")).toBeUndefined();
    expect(GRADES.cleaned("")).toBeUndefined();
  });

  it("slice(s, from, to) is s.slice(from, to) (property)", () => {
    for (const v of [UNITS, FUNDING_LABELS, new Vocabulary(["a", "ab", "b"])]) {
      const text = fc.array(fc.constantFrom(...v.words, "x", "人", "(", ")", ""), { maxLength: 5 }).map((a) => a.join(""));
      fc.assert(fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const from = a % (s.length + 1);
        const to = from + (b % (s.length - from + 1));
        expect(v.slice(s, from, to)).toBe(s.slice(from, to));
      }), { numRuns: 3000 });
    }
  });
});

describe("keyIncludes", () => {
  it("is cellKey(s).includes(part) (property)", () => {
    const parts = ["元)", "(元)", "(单位:元)", "(万元)", "(单位:万元)", "单位:", "a", "aa", "≥"];
    const pieces = [..."()（）:：单位万元a", " ", "\u3000", "\t", "\u200b", "\ufeff", "≧", "项目资金", "（单位：万元）", "(元)"];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((a) => a.join(""));
    fc.assert(fc.property(text, fc.constantFrom(...parts), (s, part) => {
      expect(keyIncludes(s, part), JSON.stringify([s, part])).toBe(cellKey(s).includes(part));
    }), { numRuns: 5000 });
    expect(keyIncludes("项目资金 （万 元）", "(万元)")).toBe(true);
    expect(keyIncludes("项目资金", "")).toBe(true);
  });
});

describe("decimalText", () => {
  it("is the slice, for every number of up to six characters around the common ones", () => {
    const ints: string[] = [];
    for (let n = 0; n <= 1100; n++) ints.push(String(n), "0" + String(n));
    for (const int of ints) {
      for (const fraction of ["", ".0", ".00", ".5", ".05", ".50", ".000", ".01", ".10"]) {
        const s = int + fraction;
        expect(decimalText(s, 0, s.length)).toBe(s);
        const framed = `≥${s}(人)`;
        expect(decimalText(framed, 1, 1 + s.length)).toBe(s);
      }
    }
  });
});

describe("completeLabel", () => {
  // What it was: subsets compared by their sorted characters.
  function reference(label: string, pieces: string[], level: 1 | 2): { label: string; used: string[] } | null {
    const known = level === 1 ? LEVEL1_LABELS : LEVEL2_LABELS;
    if (known.includes(label) || pieces.length === 0) return null;
    const sort = (s: string) => [...s].sort().join("");
    for (const k of known.filter((k) => k.length > label.length && k.startsWith(label))) {
      const need = k.slice(label.length);
      if (pieces.length > 12) continue;
      for (let mask = 1; mask < 1 << pieces.length; mask++) {
        const chosen = pieces.filter((_, i) => mask & (1 << i));
        if (chosen.join("").length === need.length && sort(chosen.join("")) === sort(need)) return { label: k, used: chosen };
      }
    }
    return null;
  }

  it("finds the pieces the sorted comparison found (property)", () => {
    const chars = [..."服务对象满意度指标社会效益产出数量可持续影响生态环境成本", "𠀀", "\ud840", "a"];
    const piece = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 3 }).map((a) => a.join(""));
    const labels = [...LEVEL1_LABELS, ...LEVEL2_LABELS].flatMap((k) => [...k].map((_, i) => k.slice(0, i)));
    fc.assert(fc.property(fc.constantFrom(...labels), fc.array(piece, { maxLength: 6 }), fc.constantFrom(1 as const, 2 as const), (label, pieces, level) => {
      expect(completeLabel(label, pieces, level)).toEqual(reference(label, pieces, level));
    }), { numRuns: 3000 });
    expect(completeLabel("服务对象满意", ["标", "度指"], 2)).toEqual({ label: "服务对象满意度指标", used: ["标", "度指"] });
  });
});

describe("the provenance log", () => {
  it("is made big enough for a form at once: no form records more values than mostValues says", () => {
    const record = vi.spyOn(ProvenanceLog.prototype, "record");
    try {
      const texts = [SEED_TEXT];
      const walk = (dir: string) => {
        for (const f of readdirSync(dir)) {
          const p = join(dir, f);
          if (statSync(p).isDirectory()) walk(p);
          else if (f.endsWith(".txt")) texts.push(readFileSync(p, "utf8"));
        }
      };
      walk(fixture("variants"));
      let forms = 0;
      for (const text of texts) {
        recognise(textSheet(text, "fixture").sheet).forms.forEach((raw, i) => {
          record.mockClear();
          normalizeForm(raw, i);
          expect(record.mock.calls.length).toBeGreaterThan(0);
          expect(record.mock.calls.length).toBeLessThanOrEqual(mostValues(raw));
          forms++;
        });
      }
      expect(forms).toBeGreaterThan(20);
    } finally {
      record.mockRestore();
    }
  });
});
