import type { Measure, MeasureOp } from "../model/form.js";
import { collapseSpacesAndHanGaps, foldWidth } from "../text/chars.js";
import { UNITS } from "./vocabulary.js";

// Longest spellings first, so 大于等于 is not read as 大于.
const PREFIX_OPS: ReadonlyArray<readonly [string, MeasureOp]> = ([
  [">=", ">="], ["=>", ">="], ["<=", "<="], ["=<", "<="], ["==", "="],
  ["≥", ">="], ["≤", "<="], ["=", "="], [">", ">"], ["<", "<"],
  ["大于等于", ">="], ["大于或等于", ">="], ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["至少", ">="],
  ["小于等于", "<="], ["小于或等于", "<="], ["不高于", "<="], ["不超过", "<="], ["不大于", "<="], ["不多于", "<="],
  ["等于", "="], ["大于", ">"], ["高于", ">"], ["多于", ">"], ["超过", ">"], ["小于", "<"], ["低于", "<"], ["少于", "<"],
] as Array<[string, MeasureOp]>).sort((a, b) => b[0].length - a[0].length);

const OP_OF = new Map<string, MeasureOp>(PREFIX_OPS);
// One alternation, longest spelling first: one regex test per cell instead of
// a startsWith per spelling.
const PREFIX_OP = new RegExp(`^(?:${PREFIX_OPS.map(([w]) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`);

const SUFFIX_OPS: Array<[RegExp, MeasureOp]> = [
  [/(?:及)?以上$/, ">="],
  [/(?:及)?以(?:内|下)$/, "<="],
];

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/**
 * Parses a target (年度指标值) or actual (实际完成值): an optional operator in
 * symbols or words, a number, and a unit in parentheses or attached:
 * `≥250(人)`, `≤24.00(小时)`, `≥50个`, `≥100百分比`, `>=90%`, `不低于95%`,
 * `95%以上`. Anything else is a qualitative statement (全年正常运营, 达成指标).
 * Never throws.
 *
 * Regular expressions only: the char-code scan for the common shape
 * (≥250(人), 5.00(人), 100%) that stood in front of them saved 1.2 % of
 * `jixiao parse` on the 20 MB seed repetition, within noise (issue 12).
 */
export function parseMeasure(text: string): Measure {
  // raw keeps what was printed (full-width signs included); only layout whitespace goes.
  const raw = collapseSpacesAndHanGaps(text);
  // No number without a digit: most text that is no plain measure is a statement (全年正常运营).
  if (!/[0-9０-９]/.test(raw)) return qualitative(raw);
  const folded = foldWidth(raw);
  const s = /[\s\u2212]/.test(folded) ? folded.replace(/\s+/g, "").replace(/\u2212/g, "-") : folded;
  const word = PREFIX_OP.exec(s)?.[0];
  let op: MeasureOp | null = word ? OP_OF.get(word)! : null;
  const rest = word ? s.slice(word.length) : s;
  const num = NUMBER.exec(rest);
  if (!num) return qualitative(raw);
  const value = num[0].replace(/,/g, "").replace(/^\+/, "");
  let unit = rest.slice(num[0].length);
  for (const [re, o] of SUFFIX_OPS) {
    if (re.test(unit)) {
      if (op === null) op = o;
      unit = unit.replace(re, "");
      break;
    }
  }
  const paren = /^\((.*)\)$/.exec(unit);
  if (paren) unit = paren[1]!;
  // A "unit" that holds digits or runs long is a sentence that merely starts
  // with a number (2023年12月前完成): qualitative, not a measure.
  if (/\d/.test(unit) || unit.length > 8 || /[()]/.test(unit)) return qualitative(raw);
  return { raw, op, value, unit: unit === "" ? null : UNITS.slice(unit, 0, unit.length), qualitative: null };
}

function qualitative(raw: string): Measure {
  return { raw, op: null, value: null, unit: null, qualitative: raw === "" ? null : raw };
}
