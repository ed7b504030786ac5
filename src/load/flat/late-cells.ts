/**
 * LibreOffice Calc's PDFs draw a block of rows' single-line cells first and
 * its wrapped or mixed-script cells (≥1384（条）, 服务 / 对象 / 满意 / 度指 / 标,
 * 25.0 / 0) after them, so a viewer's copy holds each indicator row without
 * its late cells, and the late cells, in row order, after the rows. Here the
 * indicator table is read into rows with holes (a row with no target, no
 * level label, no 分值 …), the late texts are aligned with the holes in
 * order by their shape (dynamic programming over the two sequences), and
 * each late text is put back into its row. Where two equally good
 * alignments place a text differently, it is left where it stands and said.
 */
import { Decimal } from "decimal.js";
import type { Diagnostic } from "../../model/document.js";
import type { Row } from "../../model/sheet.js";
import { matchAt, stripFundingKey } from "./match.js";
import { isAmountCell, isMeasure, isNumber, MEASURE, YEAR } from "./shapes.js";
import {
  FUNDING_BLOCK, FUNDING_HEADERS, FUNDING_ROWS, GOALS_HEADERS, GOALS_LABEL, GRADE, INDICATOR_HEADERS, LEVEL1, LEVEL2, NOTES, QUALITATIVE, TITLES, TOTAL,
} from "./vocabulary.js";
import { byLine } from "./lines.js";
import { joinWords, keyOf, widthOf, type Word } from "./words.js";

/** What a hole takes: a fixed label, the year, a level label, a name or field value, a target or actual, a figure, a goal text, a note. */
type HoleKind = "fixed" | "year" | "level1" | "level2" | "text" | "name" | "measure" | "number" | "goal" | "note";

interface Hole {
  kind: HoleKind;
  /** A hole the form may well leave empty (a level label a row continues, a note): skipping it costs nothing. */
  optional: boolean;
  /** The labels a fixed hole takes (compared as keys, after `strip`). */
  labels?: readonly string[];
  strip?: (key: string) => string;
  /** Index (in the form's words) of the row's last in-order word: a late text stands after it. */
  after: number;
  /** What the hole is, in words, for the diagnostic. */
  what: string;
}

/** A late text put back into a hole. */
export interface PlacedCell {
  /** The word standing in the rebuilt row (synthetic line and offset, remapped by `origin`). */
  word: Word;
  /** The late words it was made of, where they stand in the text. */
  pieces: Word[];
  what: string;
}

/** The form's words with the late cells put back, and what was put back or left. */
export interface LateCells {
  words: Word[];
  placed: PlacedCell[];
  /** Late texts two alignments place differently: left where they stand. */
  unsure: Word[][];
  /** The next form's words, less the late cells of this form taken from among them. */
  next: Word[];
}

/** The headers of the national template, in print order: a header line missing some of them has holes. */
const HEADER_ORDER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
const FUNDING_ORDER = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"];
/** The header fields' labels: a label with no value after it on its line has a hole. */
const FIELD_LABELS = ["项目名称", "主管部门", "实施单位"];

/** Offsets from here on in a rebuilt row stand for late cells (see PlacedCell). */
export const SYNTHETIC_OFFSET = 100_000;
/** Lines from here on stand for a line of its own made for late cells (the goal texts). */
const SYNTHETIC_LINE = 1_000_000;

const levelKey = (t: string) => keyOf(t).replace(/\(\d+(?:\.\d+)?分\)$/u, "");
const isLevel1 = (t: string) => LEVEL1.includes(levelKey(t));
const isLevel2 = (t: string) => LEVEL2.includes(levelKey(t));
const hasOperator = (t: string) => /^(?:[=＝≥≧≤≦>＞<＜]|不低于|不少于|不高于|不超过|大于|小于|等于)/u.test(t);
const VOCABULARY = new Set([...INDICATOR_HEADERS, ...FUNDING_HEADERS, ...FUNDING_BLOCK, ...GOALS_LABEL, ...GOALS_HEADERS, ...FIELD_LABELS, ...TOTAL, ...GRADE]);
const isText = (t: string) => !isNumber(t) && !isMeasure(t) && !isLevel1(t) && !isLevel2(t) && !VOCABULARY.has(keyOf(t)) && !YEAR.test(t)
  && !FUNDING_ROWS.includes(stripFundingKey(keyOf(t)));

/** A line read as an indicator row: what it holds. */
interface RowParts {
  level1?: Word;
  level2?: Word;
  name?: Word;
  target?: Word;
  actual?: Word;
  weight?: Word;
  score?: Word;
  note: Word[];
}

/** Reads a line as an indicator row (levels, name, target, actual, 分值 得分, note), or null when it is none. */
function rowOf(line: Word[]): RowParts | null {
  let k = 0;
  const parts: RowParts = { note: [] };
  if (k < line.length && isLevel1(line[k]!.text)) parts.level1 = line[k++];
  if (k < line.length && isLevel2(line[k]!.text)) parts.level2 = line[k++];
  // 分值 and 得分: the last two plain numbers, only text after them.
  let w = -1;
  for (let j = line.length - 2; j >= k; j--) {
    if (isNumber(line[j]!.text) && isNumber(line[j + 1]!.text)) {
      w = j;
      break;
    }
    if (isNumber(line[j + 1]!.text)) break;
  }
  const mid = line.slice(k, w >= 0 ? w : line.length);
  if (w >= 0) {
    parts.weight = line[w];
    parts.score = line[w + 1];
    parts.note = line.slice(w + 2);
  } else if (parts.level1 === undefined && parts.level2 === undefined) return null;
  if (mid.some((x) => isNumber(x.text) || VOCABULARY.has(keyOf(x.text)))) return null;
  if (mid.length > 3) return null;
  if (mid.length === 3) [parts.name, parts.target, parts.actual] = mid;
  else if (mid.length === 2) {
    if (isMeasure(mid[0]!.text)) [parts.target, parts.actual] = mid;
    else if (isMeasure(mid[1]!.text) && hasOperator(mid[1]!.text)) [parts.name, parts.target] = mid;
    else [parts.name, parts.actual] = mid;
  } else if (mid.length === 1) {
    const x = mid[0]!;
    if (QUALITATIVE.includes(keyOf(x.text))) parts.actual = x;
    else if (!isMeasure(x.text)) parts.name = x;
    else if (hasOperator(x.text)) parts.target = x;
    else parts.actual = x;
  }
  return parts;
}

/** A late text placed in a hole: late words [from, to) as one cell. */
interface Piece {
  from: number;
  to: number;
  text: string;
}

/** The cost of a late text in a hole (0 for a perfect fit), or null when it cannot stand there. */
function fits(h: Hole, words: readonly Word[], text: string): number | null {
  // A wrapped cell fills every line but its last: each piece that does not, or that is a cell of another shape, was a cell of its own (and costs more than leaving one unplaced, so a long text is no sink for other cells).
  const wrapped = () => breaks(words) * 1.5;
  switch (h.kind) {
    case "fixed": {
      const k = keyOf(text);
      return h.labels!.includes(h.strip ? h.strip(k) : k) ? 0 : null;
    }
    case "year":
      return YEAR.test(text) ? 0 : null;
    case "level1":
      return isLevel1(text) ? 0 : null;
    case "level2":
      return isLevel2(text) ? 0 : null;
    case "number":
      return words.length <= 4 && isNumber(text) ? 0 : null;
    case "measure":
      if (words.length <= 4 && MEASURE.test(text) && !isNumber(text)) return 0;
      if (QUALITATIVE.includes(keyOf(text))) return 0;
      return isText(text) && !/\d/u.test(text) ? 0.25 + wrapped() + runsInto(text) : null;
    case "text":
    case "name":
      return isText(text) && !hasOperator(text) ? wrapped() + runsInto(text) : null;
    case "goal":
      return isText(text) ? wrapped() : null;
    case "note":
      return isText(text) ? 0.1 + wrapped() + runsInto(text) : null;
  }
}

/**
 * 1.5 when a short text holds a statement of the vocabulary (全年正常运营,
 * 部分达成指标并具有一定效果) and more: two cells of equal width wrapped one
 * after the other fill their lines alike, and only the statement tells where
 * one ends.
 */
function runsInto(text: string): number {
  const k = keyOf(text);
  return QUALITATIVE.some((q) => q.length >= 4 && k !== q && k.includes(q)) ? 1.5 : 0;
}

/** How many of a wrapped text's pieces cannot be inside one cell: a line narrower than a later one or than the widest, or a figure, measure or label. */
function breaks(words: readonly Word[]): number {
  if (words.length <= 1) return 0;
  const widths = words.map((w) => widthOf(w.text));
  const full = Math.max(...widths.slice(0, -1));
  let n = 0;
  for (let k = 0; k < words.length; k++) {
    const t = words[k]!.text;
    if (k > 0 && (isNumber(t) || MEASURE.test(t) || YEAR.test(t) || isLevel1(t) || isLevel2(t) || VOCABULARY.has(keyOf(t)))) n++;
    else if (k < words.length - 1 && (widths[k]! < full - 2 || widths[k]! < widths[words.length - 1]!)) n++;
  }
  return n;
}

/** The text of late words as one cell: figures and measures join as printed, other text as joinWords joins a wrapped cell. */
function cellText(words: readonly Word[]): string {
  const plain = words.map((w) => w.text).join("");
  return isNumber(plain) || MEASURE.test(plain) ? plain : joinWords(words.map((w, k) => (k ? { ...w, before: "break" as const } : w)));
}

/**
 * Aligns late words with holes in order, fewest holes left and texts
 * unplaced; on a tie the earliest hole (`early`) or the latest. Returns, per
 * hole, the piece placed there.
 */
function align(holes: readonly Hole[], late: readonly Word[], early: boolean): Map<number, Piece> {
  const m = holes.length;
  const n = late.length;
  const INF = Number.POSITIVE_INFINITY;
  // cost[i][j]: the least cost of aligning holes i.. with late words j..
  const cost: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(n + 1).fill(INF));
  const choice: Int32Array[] = Array.from({ length: m + 1 }, () => new Int32Array(n + 1));
  // A cell's later pieces: each on a line of its own, right after the one before in the text.
  const ends = late.map((_, j) => {
    let t = j + 1;
    while (t < n && t - j < 40 && late[t]!.before === "break" && late[t]!.index === late[t - 1]!.index + 1) t++;
    return t;
  });
  const texts = new Map<number, string>();
  const textOf = (j: number, t: number) => {
    const key = j * 100_000 + t;
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = cellText(late.slice(j, t))));
    return text;
  };
  // On a tie: a text in this hole or a later one (`early` or not); leaving a text unplaced last.
  const rank = (p: number) => (p === -2 ? 0 : p === -1 ? (early ? 1 : 3) : 2 + p / (n + 1));
  for (let i = m; i >= 0; i--) {
    for (let j = n; j >= 0; j--) {
      if (i === m && j === n) {
        cost[i]![j] = 0;
        continue;
      }
      let best = INF;
      let pick = 0;
      const consider = (c: number, p: number) => {
        if (c < best - 1e-9 || (Math.abs(c - best) <= 1e-9 && rank(p) > rank(pick))) {
          best = c;
          pick = p;
        }
      };
      if (i < m) consider((holes[i]!.optional ? 0 : 1) + cost[i + 1]![j]!, -1);
      if (j < n) consider(1 + cost[i]![j + 1]!, -2);
      if (i < m && j < n && holes[i]!.after < late[j]!.index) {
        for (let t = j + 1; t <= ends[j]!; t++) {
          const f = fits(holes[i]!, late.slice(j, t), textOf(j, t));
          if (f !== null) consider(f + cost[i + 1]![t]!, t);
        }
      }
      cost[i]![j] = best;
      choice[i]![j] = pick;
    }
  }
  const out = new Map<number, Piece>();
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    const c = choice[i]![j]!;
    if (c === -1) i++;
    else if (c === -2) j++;
    else {
      out.set(i, { from: j, to: c, text: textOf(j, c) });
      i++;
      j = c;
    }
  }
  return out;
}

type LineKind = "title" | "field" | "fundingLabel" | "fundingHeader" | "fundingRow" | "goalsLabel" | "goalsHeader" | "header" | "levels" | "row" | "total" | "other" | "goalText" | "late";

/** The order the parts of a form are printed in, by the kind of line each starts with. */
const PRINT_RANK: Record<LineKind, number> = {
  title: 0, field: 1, fundingLabel: 2, fundingHeader: 2, fundingRow: 2, goalsLabel: 3, goalsHeader: 3, goalText: 3, header: 4, levels: 4, row: 4, total: 5, other: 5, late: 0,
};

interface Line {
  words: Word[];
  kind: LineKind;
  row?: RowParts;
  /** A goals header line's two texts as drawn in order (expected, actual), where they were. */
  goals?: Array<Word | undefined>;
  /** The holes of the line, in print order, each with where its text goes in the rebuilt line. */
  holes: Array<{ hole: number; at: "start" | "end" | number | string }>;
}

/** Reads the form's lines into in-order lines (with their holes) and late lines. */
function readLines(words: readonly Word[], lines: Word[][]): Line[] {
  let part: "head" | "funding" | "goals" | "table" = "head";
  const out = lines.map((l, k): Line => {
    const at = l[0]!.index;
    const line = (kind: LineKind): Line => ({ words: l, kind, holes: [] });
    // A label that starts the line and ends in it: a wrapped label's first piece (一级 / 指标) is a late cell's.
    const within = (labels: readonly string[], strip?: (k: string) => string) => {
      const m = matchAt(words, at, labels, strip);
      return m !== null && m.to <= at + l.length ? m : null;
    };
    if (k === 0 && within(TITLES)) return line("title");
    if (part === "head" && FIELD_LABELS.includes(keyOf(l[0]!.text))) return line("field");
    if (part !== "table" && within(FUNDING_BLOCK)?.to === at + l.length) {
      part = "funding";
      return line("fundingLabel");
    }
    if (part !== "table" && within(GOALS_LABEL) && l.length === 1) {
      part = "goals";
      return line("goalsLabel");
    }
    if (part !== "table" && within(GOALS_HEADERS)) {
      part = "goals";
      return line("goalsHeader");
    }
    if (part !== "goals" && part !== "table" && l.every((w) => FUNDING_HEADERS.includes(keyOf(w.text)))) {
      part = "funding";
      return line("fundingHeader");
    }
    if (part === "funding" && (within(FUNDING_ROWS, stripFundingKey) || (l.length >= 2 && l.every((w) => isAmountCell(w.text))))) return line("fundingRow");
    if (within(["一级指标", "三级指标"]) || (part === "table" && within(INDICATOR_HEADERS))) {
      part = "table";
      return line("header");
    }
    if (within(TOTAL)) return line("total");
    if (within(GRADE) || within(NOTES)) return line("other");
    if (part === "table" && l.every((w) => isLevel1(w.text) || isLevel2(w.text))) return line("levels");
    if (part === "table") {
      const row = rowOf(l);
      if (row) return { ...line("row"), row };
    }
    return line("late");
  });
  // A merged level cell is centred on its rows, so its single-line label stands on a line of its own before its first row: that row's.
  out.forEach((l, k) => {
    if (l.kind !== "levels") return;
    const next = out.slice(k + 1).find((x) => x.kind !== "late");
    if (next?.kind !== "row" || next.row!.level1 || next.row!.level2) return void (l.kind = "late");
    for (const w of l.words) {
      if (isLevel1(w.text) && !next.row!.level1 && !next.row!.level2) next.row!.level1 = w;
      else if (isLevel2(w.text) && !next.row!.level2) next.row!.level2 = w;
      else return void (l.kind = "late");
    }
  });
  return out;
}

/**
 * Where a funding row's late amounts go among its values (positions in the
 * row of six): where 执行率 = 全年执行数 / 全年预算数 holds, else from 全年执行数
 * on (the narrow column whose figures wrap).
 */
function fundingPlaces(values: readonly string[], late: readonly string[]): number[] {
  const n = values.length + late.length;
  const fallback = late.map((_, k) => Math.min(n - late.length + k, 2 + k));
  if (n !== 6) return fallback;
  const tries: number[][] = [];
  const choose = (from: number, acc: number[]) => {
    if (acc.length === late.length) return void tries.push(acc);
    for (let p = from; p < n; p++) choose(p + 1, [...acc, p]);
  };
  choose(0, []);
  const amount = (t: string | undefined) => (t !== undefined && isNumber(t) ? new Decimal(t.replace(/,/g, "")) : null);
  const holds = (places: number[]) => {
    const row: string[] = [];
    let v = 0;
    let m = 0;
    for (let p = 0; p < n; p++) row.push(places.includes(p) ? late[m++]! : values[v++]!);
    const [adjusted, executed, rate] = [amount(row[1]), amount(row[2]), amount(row[4])];
    return adjusted !== null && executed !== null && rate !== null && !adjusted.isZero() && executed.div(adjusted).mul(100).toDecimalPlaces(rate.decimalPlaces()).eq(rate);
  };
  return holds(fallback) ? fallback : tries.find(holds) ?? fallback;
}

/**
 * Puts the late cells of a Calc copy back into their rows: the lines read
 * into in-order rows with holes, the late words aligned with the holes.
 * Returns the words unchanged (and nothing placed) when nothing fits.
 */
export function putBackLateCells(words: readonly Word[], next: readonly Word[] = []): LateCells {
  const lines = byLine(words);
  const unchanged = (unsure: Word[][] = []): LateCells => ({ words: [...words], placed: [], unsure, next: [...next] });
  const read = readLines(words, lines);
  const holes: Hole[] = [];
  const add = (line: Line, at: Line["holes"][number]["at"], h: Omit<Hole, "after">) => {
    line.holes.push({ hole: holes.length, at });
    holes.push({ ...h, after: line.words[line.words.length - 1]!.index });
  };
  let rowNo = 0;
  let fundingLabel = false;
  read.forEach((line, k) => {
    const keys = line.words.map((w) => keyOf(w.text));
    switch (line.kind) {
      case "title":
        if (!YEAR.test(read[k + 1]?.words.map((w) => w.text).join("") ?? "")) add(line, "end", { kind: "year", optional: false, what: "the year under the title" });
        break;
      case "field":
        line.words.forEach((w, j) => {
          const next = line.words[j + 1];
          if (FIELD_LABELS.includes(keyOf(w.text)) && (!next || FIELD_LABELS.includes(keyOf(next.text)))) add(line, j, { kind: "text", optional: false, what: `the value of ${keyOf(w.text)}` });
        });
        break;
      case "fundingLabel":
        fundingLabel = true;
        break;
      case "fundingHeader":
        if (!fundingLabel) add(line, "start", { kind: "fixed", optional: false, labels: FUNDING_BLOCK, what: "the funding block's label" });
        fundingLabel = true;
        if (keys.every((x) => FUNDING_ORDER.includes(x))) {
          for (const h of FUNDING_ORDER) if (!keys.includes(h)) add(line, h, { kind: "fixed", optional: true, labels: [h], what: `the funding header ${h}` });
        }
        break;
      case "fundingRow": {
        const labelled = matchAt(words, line.words[0]!.index, FUNDING_ROWS, stripFundingKey);
        if (!labelled) add(line, "start", { kind: "fixed", optional: false, labels: FUNDING_ROWS, strip: stripFundingKey, what: "a funding row's label" });
        const values = line.words.filter((w) => isAmountCell(w.text)).length;
        for (let v = values; v < 6; v++) add(line, "value", { kind: "number", optional: true, what: "a funding row's amount" });
        break;
      }
      case "goalsHeader":
        if (read[k - 1]?.kind !== "goalsLabel" && !keys.includes("年度总体目标")) add(line, "start", { kind: "fixed", optional: false, labels: GOALS_LABEL, what: "the 年度总体目标 label" });
        for (const h of GOALS_HEADERS) if (!keys.includes(h)) add(line, h, { kind: "fixed", optional: false, labels: [h], what: `the goal header ${h}` });
        {
          // A goal text on the line right before the indicator header was drawn in order: a single-line cell. Alone, it is
          // 实际完成情况's, the wider column; the other, wrapped, was drawn late.
          const text = read[k + 1];
          if (text?.kind === "late" && read[k + 2]?.kind === "header" && text.words.length <= 2 && text.words.every((w) => isText(w.text))) {
            text.kind = "goalText";
            line.goals = text.words.length === 2 ? text.words : [undefined, text.words[0]];
          }
          if (!line.goals?.[0]) add(line, "goal", { kind: "goal", optional: false, what: "the 预期目标 text" });
          if (!line.goals?.[1]) add(line, "goal", { kind: "goal", optional: false, what: "the 实际完成情况 text" });
        }
        break;
      case "header":
        // Only a header every word of which the template prints: another template's columns are not guessed.
        if (keys.every((x) => HEADER_ORDER.includes(x))) for (const h of HEADER_ORDER) if (!keys.includes(h)) add(line, h, { kind: "fixed", optional: true, labels: [h], what: `the header ${h}` });
        break;
      case "total": {
        const n = line.words.slice(1).filter((w) => isNumber(w.text)).length;
        for (let v = n; v < 2; v++) add(line, "end", { kind: "number", optional: false, what: v === 0 ? "总分's 分值" : "总分's 得分" });
        break;
      }
      case "row": {
        const r = line.row!;
        rowNo++;
        const what = (p: string) => `indicator row ${rowNo}'s ${p}`;
        if (!r.level1) add(line, "level1", { kind: "level1", optional: true, what: what("一级指标") });
        if (!r.level2) add(line, "level2", { kind: "level2", optional: true, what: what("二级指标") });
        if (!r.name) add(line, "name", { kind: "name", optional: false, what: what("三级指标 (name)") });
        if (!r.target) add(line, "target", { kind: "measure", optional: false, what: what("年度指标值 (target)") });
        if (!r.actual) add(line, "actual", { kind: "measure", optional: false, what: what("实际完成值 (actual)") });
        if (!r.weight) add(line, "weight", { kind: "number", optional: false, what: what("分值") });
        if (!r.score) add(line, "score", { kind: "number", optional: false, what: what("得分") });
        // A 偏差原因 note is written where the row lost points (or where 得分 is not in the row to tell).
        const lost = r.weight && r.score ? Number(r.score.text.replace(/,/g, "")) < Number(r.weight.text.replace(/,/g, "")) : true;
        if (r.note.length === 0 && lost) add(line, "note", { kind: "note", optional: true, what: what("偏差原因 (note)") });
        break;
      }
      default:
    }
  });
  // Calc draws a page's late cells after all the page's other cells, so a form's late cells may stand after the next form's title:
  // the next form's late lines before its own first late cell (its year line, the first cell Calc draws late) are candidates too.
  const nextRead = next.length ? readLines(next, byLine(next)) : [];
  // Its late lines, and all its lines from the first of a part printed above the one before it (drawn late, read as its own).
  const year = nextRead.findIndex((l) => l.kind === "late" && l.words.some((w) => YEAR.test(w.text)));
  let highest = 0;
  const from = nextRead.findIndex((l) => {
    const rank = PRINT_RANK[l.kind];
    if (l.kind === "late") return false;
    if (rank < highest) return true;
    highest = rank;
    return false;
  });
  const borrowed = (year < 0 ? [] : nextRead.slice(0, year)).filter((l, k) => l.kind === "late" || (from >= 0 && k >= from))
    .flatMap((l) => l.words).map((w) => ({ ...w, index: words.length + w.index }));
  const late = [...read.filter((l) => l.kind === "late").flatMap((l) => l.words), ...borrowed];
  if (holes.length === 0 || late.length === 0) return unchanged();
  const a = align(holes, late, true);
  const b = align(holes, late, false);
  const sure = new Map<number, Piece>();
  const unsure: Word[][] = [];
  for (const [h, p] of a) {
    const q = b.get(h);
    if (q && q.from === p.from && q.to === p.to) sure.set(h, p);
    else unsure.push(late.slice(p.from, p.to));
  }
  if (sure.size === 0) return unchanged(unsure);
  const used = new Set<number>();
  for (const p of sure.values()) for (let k = p.from; k < p.to; k++) used.add(late[k]!.index);
  const placed: PlacedCell[] = [];
  let synthetic = SYNTHETIC_OFFSET;
  const put = (line: Line, h: number): Word | undefined => {
    const p = sure.get(h);
    if (!p) return undefined;
    const pieces = late.slice(p.from, p.to);
    const anchor = line.words[line.words.length - 1]!;
    const word: Word = { ...pieces[0]!, text: p.text, line: anchor.line, page: anchor.page, offset: synthetic++, before: "space" };
    placed.push({ word, pieces, what: holes[h]!.what });
    return word;
  };
  const rebuilt: Word[] = [];
  for (const line of read) {
    // A levels line's labels stand in the row they start, a goal text line's texts on the goals' line.
    if (line.kind === "levels" || line.kind === "goalText") continue;
    if (line.kind === "late") {
      rebuilt.push(...line.words.filter((w) => !used.has(w.index)));
      continue;
    }
    const filled = line.holes.map((h) => ({ at: h.at, word: put(line, h.hole) }));
    const got = (at: Line["holes"][number]["at"]) => filled.filter((f) => f.at === at && f.word).map((f) => f.word!);
    let out: Word[];
    if (line.kind === "row") {
      const r = line.row!;
      const one = (w: Word | undefined, at: string) => w ?? got(at)[0];
      out = [one(r.level1, "level1"), one(r.level2, "level2"), one(r.name, "name"), one(r.target, "target"), one(r.actual, "actual"), one(r.weight, "weight"), one(r.score, "score"), ...(r.note.length ? r.note : got("note"))]
        .filter((w): w is Word => w !== undefined);
    } else if (line.kind === "header" || line.kind === "fundingHeader") {
      const order = line.kind === "header" ? HEADER_ORDER : FUNDING_ORDER;
      const byKey = new Map(line.words.map((w) => [keyOf(w.text), w] as const));
      for (const f of filled) if (f.word && typeof f.at === "string") byKey.set(f.at, f.word);
      out = [...got("start"), ...(line.words.every((w) => order.includes(keyOf(w.text))) ? order.flatMap((h) => (byKey.has(h) ? [byKey.get(h)!] : [])) : line.words)];
    } else if (line.kind === "fundingRow") {
      const labelled = matchAt(words, line.words[0]!.index, FUNDING_ROWS, stripFundingKey);
      const head = labelled ? line.words.slice(0, labelled.to - labelled.from) : got("start");
      const values = line.words.slice(labelled ? labelled.to - labelled.from : 0);
      const more = got("value");
      const places = fundingPlaces(values.map((w) => w.text), more.map((w) => w.text));
      const row: Word[] = [];
      let v = 0;
      let m = 0;
      for (let p = 0; p < values.length + more.length; p++) row.push(places.includes(p) ? more[m++]! : values[v++]!);
      out = [...head, ...row];
    } else if (line.kind === "goalsHeader") {
      const byKey = new Map(line.words.map((w) => [keyOf(w.text), w] as const));
      for (const f of filled) if (f.word && typeof f.at === "string" && f.at !== "goal") byKey.set(f.at, f.word);
      const late = got("goal");
      const goals = (line.goals ?? [undefined, undefined]).map((w) => w ?? late.shift()).filter((w): w is Word => w !== undefined);
      out = [...got("start"), ...GOALS_HEADERS.flatMap((h) => (byKey.has(h) ? [byKey.get(h)!] : []))];
      rebuilt.push(...out.map((w, k) => ({ ...w, before: k === 0 ? line.words[0]!.before : ("space" as const) })));
      // The goal texts a line of their own, the two side by side as a row prints them.
      goals.forEach((w, k) => rebuilt.push({ ...w, line: SYNTHETIC_LINE + w.line, before: k === 0 ? "break" : "space" }));
      continue;
    } else {
      out = [...got("start")];
      line.words.forEach((w, j) => out.push(w, ...got(j)));
      out.push(...got("end"));
    }
    rebuilt.push(...out.map((w, k) => ({ ...w, before: k === 0 ? line.words[0]!.before : ("space" as const) })));
  }
  // The goal texts moved to a line of their own: their place is looked up by it.
  for (const p of placed) {
    const w = rebuilt.find((x) => x.offset === p.word.offset && x.text === p.word.text);
    if (w) p.word = w;
  }
  const rest = next.filter((w) => !used.has(words.length + w.index)).map((w, index) => ({ ...w, index }));
  return { words: rebuilt.map((w, index) => ({ ...w, index })), placed, unsure, next: rest };
}

/**
 * The rows read from rebuilt words, with every late cell's place taken back
 * to where its text stands (its first piece's page, line and offset), and a
 * `layout.inferred-cell` warning for each one put back and each one left.
 */
export function restoreLateCells<T extends { rows: Row[]; diagnostics: Diagnostic[] }>(read: T, late: LateCells, form: number): T {
  const origin = new Map<string, Word>();
  for (const p of late.placed) origin.set(`${p.word.page}:${p.word.line}:${p.word.offset}`, p.pieces[0]!);
  const back = <P extends { page?: number; line?: number; cell?: number }>(at: P, offsetKey: "cell" | "offset"): P => {
    const o = origin.get(`${at.page ?? 1}:${at.line}:${(at as Record<string, unknown>)[offsetKey]}`);
    return o ? { ...at, page: o.page, line: o.line, [offsetKey]: o.offset } : at;
  };
  const rows = read.rows.map((r) => {
    const cells = r.cells.map((c) => back(c, "offset"));
    return { ...r, cells, page: cells[0]?.page ?? r.page, line: cells[0]?.line ?? r.line };
  });
  const diagnostics = read.diagnostics.map((d) => ({ ...back(d, "cell"), ...(d.quotes ? { quotes: d.quotes.map((q) => back(q, "cell")) } : {}) }));
  for (const p of late.placed) {
    const o = p.pieces[0]!;
    diagnostics.push({
      code: "layout.inferred-cell", severity: "warning", form, line: o.line, cell: o.offset, page: o.page,
      message: `"${p.word.text}" stands after the rows it belongs to (LibreOffice Calc draws wrapped and mixed-script cells after the others); put back as ${p.what}, the hole its shape and its place in order fit`,
      quotes: [{ text: p.word.text, line: o.line, cell: o.offset, page: o.page }],
    });
  }
  for (const u of late.unsure) {
    const o = u[0]!;
    const text = joinWords(u);
    diagnostics.push({
      code: "layout.unplaced-text", severity: "warning", form, line: o.line, cell: o.offset, page: o.page,
      message: `"${text}" stands after the rows it belongs to (LibreOffice Calc draws wrapped cells last), and fits more than one of their holes equally well: not put back`,
      quotes: [{ text, line: o.line, cell: o.offset, page: o.page }],
    });
  }
  return { ...read, rows, diagnostics };
}
