import type { CellRef, RawForm, RawRow } from "../../grammars/self-evaluation/index.js";
import type { Form } from "../model/form.js";
import type { FormContext } from "./context.js";
import { cleanFreeText } from "./free-text.js";
import { parseDecimal } from "./number.js";

/**
 * 年度总体目标: the text under 预期目标 is the expected goal, under 实际完成情况
 * the achieved one. Two text cells are the two goals in order; otherwise
 * (a goal split over cells, one goal left blank) a text belongs to the header
 * it stands under, by x for PDFs and by column for text.
 */
export function normalizeGoals(raw: RawForm, ctx: FormContext): Form["goals"] {
  const printed = raw.goals;
  if (!printed) return { expected: null, actual: null };
  const rateHeader = printed.header.find((c) => c.token === "CompletionRateHeader");
  if (!rateHeader) return readGoals(printed, ctx);
  // 总体完成率(%) (Hebei): the cell under its header is the rate; the texts
  // beside it are the goals, read as in any other form.
  let rateCell: CellRef | undefined;
  const rows = printed.rows.map((r) => {
    const last = r.cells[r.cells.length - 1];
    if (rateCell || !last || r.cells.length < 2 || !underAchieved(last, rateHeader)) return r;
    rateCell = last;
    return { ...r, cells: r.cells.slice(0, -1) };
  });
  const header = printed.header.filter((c) => c !== rateHeader);
  const goals = readGoals({ ...printed, header, rows }, ctx);
  const rate = rateCell ? parseDecimal(rateCell.cell.text) ?? null : null;
  if (rateCell && rate === null && cleanFreeText(rateCell.cell.text) !== "") {
    ctx.warn("goals.not-a-number", `总体完成率 "${cleanFreeText(rateCell.cell.text)}" is not a number: not read`, rateCell);
  }
  ctx.at("goals.completionRate", rateCell);
  return { ...goals, completionRate: rate };
}

function readGoals(goals: NonNullable<RawForm["goals"]>, ctx: FormContext): Form["goals"] {
  // The texts, counted, the first two kept: no more is the usual case.
  let achievedHeader: CellRef | undefined;
  let count = 0;
  let first: CellRef | undefined;
  let second: CellRef | undefined;
  for (const c of goals.header) {
    if (c.token === "AchievedGoalHeader") achievedHeader ??= c;
    else if (c.token === "ExpectedGoalHeader") continue;
    else if (++count === 1) first = c;
    else if (count === 2) second = c;
  }
  for (const r of goals.rows) {
    for (const c of r.cells) {
      if (++count === 1) first = c;
      else if (count === 2) second = c;
    }
  }
  if (count > 2) return manyTexts(goals, achievedHeader, ctx);
  let expected: CellRef | undefined;
  let actual: CellRef | undefined;
  if (count === 2 || !achievedHeader) {
    // Two texts are the two goals, whatever columns an export shifted them to.
    expected = first;
    actual = second;
  } else if (first) {
    if (underAchieved(first, achievedHeader)) actual = first;
    else expected = first;
  }
  ctx.at("goals.expected", expected);
  ctx.at("goals.actual", actual);
  return {
    expected: expected ? cleanFreeText(expected.cell.text) || null : null,
    actual: actual ? cleanFreeText(actual.cell.text) || null : null,
  };
}

/** normalizeGoals for more than two texts: each goal is those of its texts joined. */
function manyTexts(goals: NonNullable<RawForm["goals"]>, achievedHeader: CellRef | undefined, ctx: FormContext): Form["goals"] {
  const expected: CellRef[] = [];
  const actual: CellRef[] = [];
  const continued: CellRef[] = [];
  let i = 0;
  const place = (t: CellRef, side: "expected" | "actual") => {
    (side === "expected" ? expected : actual).push(t);
    i++;
  };
  for (const c of goals.header) {
    if (c.token === "AchievedGoalHeader" || c.token === "ExpectedGoalHeader") continue;
    place(c, sideOf(c, i, achievedHeader));
  }
  let last: "expected" | "actual" | null = null;
  for (const r of goals.rows) {
    if (last === "actual" && continuesCell(r, achievedHeader)) {
      // A browser's copy breaks a cell's paragraphs onto lines of their own,
      // with no tab: such a line goes on with the 实际完成情况 text the line
      // before ended in, not with the first column it now starts in.
      actual.push(...r.cells);
      continued.push(...r.cells);
      continue;
    }
    if (r.cells.length >= 2 && !r.cells[0]!.cell.bbox) {
      // Text without positions: a row of two texts is the two goals side by
      // side, whatever column the merged 年度总体目标 label shifted them to.
      r.cells.forEach((c, k) => place(c, k === 0 ? "expected" : "actual"));
      last = "actual";
      continue;
    }
    for (const c of r.cells) place(c, sideOf(c, i, achievedHeader));
    const end = r.cells[r.cells.length - 1];
    last = end ? sideOf(end, i - 1, achievedHeader) : last;
  }
  const join = (cells: CellRef[]) => cleanFreeText(cells.length === 1 ? cells[0]!.cell.text : cells.map((c) => c.cell.text).join("\n")) || null;
  ctx.at("goals.expected", expected[0]);
  ctx.pieces("goals.expected", expected);
  ctx.at("goals.actual", actual[0]);
  ctx.pieces("goals.actual", actual);
  if (continued.length > 0) {
    const first = continued[0]!;
    ctx.warn(
      "layout.continued-cell",
      `${continued.length} line(s) without cell breaks after the goals row (from line ${first.cell.line ?? "?"}) are taken as further paragraphs of the 实际完成情况 text the row before ended in`,
      first,
      "info",
    );
  }
  return { expected: join(expected), actual: join(actual) };
}

/** Which goal text `t`, the `i`-th of the block, belongs to. */
function sideOf(t: CellRef, i: number, achieved: CellRef | undefined): "expected" | "actual" {
  if (!achieved) return i === 0 ? "expected" : "actual";
  return underAchieved(t, achieved) ? "actual" : "expected";
}

// A row of one cell in the first column, in text without positions, after a
// row that reached the 实际完成情况 column: the shape of a paragraph break
// inside that row's last cell. With positions (PDF) cells say where they stand.
function continuesCell(r: RawRow, achieved: CellRef | undefined): boolean {
  if (!achieved || achieved.cell.bbox || r.cells.length !== 1) return false;
  const only = r.cells[0]!;
  return !only.cell.bbox && only.cell.col === 0 && achieved.cell.col > 0;
}

// True when cell t starts at or right of the 实际完成情况 header: the two goal
// texts sit side by side, each under its own header.
function underAchieved(t: CellRef, achieved: CellRef): boolean {
  if (t.cell.bbox && achieved.cell.bbox) return t.cell.bbox[0] >= achieved.cell.bbox[0] - 2;
  return t.cell.col >= achieved.cell.col;
}
