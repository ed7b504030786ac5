import type { Measure, MeasureOp } from "../model/form.js";
import { collapseSpacesAndHanGaps, foldWidth, isSpace } from "../text/chars.js";
import { decimalText } from "./number.js";
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
 */
export function parseMeasure(text: string): Measure {
  // The shape nearly every printed measure has (≥250(人), 5.00(人), 100%,
  // ≥50个) is read by one scan (readPlainMeasure); anything else takes the
  // general path below.
  const plain = readPlainMeasure(text);
  if (plain) return plain;
  // raw keeps what was printed (full-width signs included); only layout whitespace goes.
  const raw = collapseSpacesAndHanGaps(text);
  // No number without a digit: most text that is no plain measure is a statement (全年正常运营).
  if (!hasDigit(raw)) return qualitative(raw);
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

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** True when s holds a digit, ASCII or full width (which foldWidth makes ASCII). */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

/**
 * The measure when `text` has the common shape, exactly as the pattern
 * `^(>=|<=|[=≥≤><])?(\d+(?:\.\d+)?)(?:\(U{1,8}\)|V{1,8})?$` reads it, where
 * U is any code unit but ( ) digits whitespace and full-width ASCII, and V
 * any of those but . , + - too; else null. A bare unit ending 以上, 以内 or
 * 以下 is an operator in words, for the general path.
 */
function readPlainMeasure(text: string): Measure | null {
  const n = text.length;
  if (n === 0) return null;
  let i = 0;
  let op: MeasureOp | null = null;
  const c0 = text.charCodeAt(0);
  if (c0 === 0x3e /* > */ || c0 === 0x3c /* < */) {
    const orEqual = n > 1 && text.charCodeAt(1) === 0x3d;
    op = c0 === 0x3e ? (orEqual ? ">=" : ">") : orEqual ? "<=" : "<";
    i = orEqual ? 2 : 1;
  } else if (c0 === 0x3d /* = */) {
    op = "=";
    i = 1;
  } else if (c0 === 0x2265 /* ≥ */) {
    op = ">=";
    i = 1;
  } else if (c0 === 0x2264 /* ≤ */) {
    op = "<=";
    i = 1;
  }
  const start = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === start) return null;
  if (i + 1 < n && text.charCodeAt(i) === 0x2e /* . */ && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  const value = decimalText(text, start, i);
  if (i === n) return { raw: text, op, value, unit: null, qualitative: null };
  let unit: string;
  if (text.charCodeAt(i) === 0x28 /* ( */) {
    // (U{1,8}) closing the text
    const from = i + 1;
    let j = from;
    while (j < n && j - from <= 8 && isUnitChar(text.charCodeAt(j), false)) j++;
    if (j === from || j - from > 8 || j !== n - 1 || text.charCodeAt(j) !== 0x29 /* ) */) return null;
    unit = UNITS.slice(text, from, j);
  } else {
    // V{1,8} closing the text
    if (n - i > 8) return null;
    for (let j = i; j < n; j++) if (!isUnitChar(text.charCodeAt(j), true)) return null;
    const last = text.charCodeAt(n - 1);
    if (n - i >= 2 && text.charCodeAt(n - 2) === 0x4ee5 /* 以 */ && (last === 0x4e0a /* 上 */ || last === 0x5185 /* 内 */ || last === 0x4e0b /* 下 */)) {
      return null;
    }
    unit = UNITS.slice(text, i, n);
  }
  return { raw: text, op, value, unit, qualitative: null };
}

/** A code unit a plain measure's unit may hold: not ( ) a digit, whitespace or full-width ASCII (nor . , + - bare). */
function isUnitChar(c: number, bare: boolean): boolean {
  if (c === 0x28 || c === 0x29 || isDigit(c) || isSpace(c) || (c >= 0xff01 && c <= 0xff5e)) return false;
  return !bare || !(c === 0x2e || c === 0x2c || c === 0x2b || c === 0x2d);
}
