import type { CellRef, RawForm } from "../../grammars/self-evaluation/index.js";
import type { Form } from "../model/form.js";
import type { FormContext } from "./context.js";
import { cleanFreeText } from "./free-text.js";

/**
 * 年度总体目标: the text under 预期目标 is the expected goal, under 实际完成情况
 * the achieved one. Two text cells are the two goals in order; otherwise
 * (a goal split over cells, one goal left blank) a text belongs to the header
 * it stands under, by x for PDFs and by column for text.
 */
export function normalizeGoals(raw: RawForm, ctx: FormContext): Form["goals"] {
  const goals = raw.goals;
  if (!goals) return { expected: null, actual: null };
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
  const texts: CellRef[] = [];
  for (const c of goals.header) if (c.token !== "AchievedGoalHeader" && c.token !== "ExpectedGoalHeader") texts.push(c);
  for (const r of goals.rows) for (const c of r.cells) texts.push(c);
  const expected: CellRef[] = [];
  const actual: CellRef[] = [];
  if (!achievedHeader) {
    for (let i = 0; i < texts.length; i++) (i === 0 ? expected : actual).push(texts[i]!);
  } else {
    for (const t of texts) (underAchieved(t, achievedHeader) ? actual : expected).push(t);
  }
  const join = (cells: CellRef[]) => cleanFreeText(cells.length === 1 ? cells[0]!.cell.text : cells.map((c) => c.cell.text).join("\n")) || null;
  ctx.at("goals.expected", expected[0]);
  ctx.at("goals.actual", actual[0]);
  return { expected: join(expected), actual: join(actual) };
}

// True when cell t starts at or right of the 实际完成情况 header: the two goal
// texts sit side by side, each under its own header.
function underAchieved(t: CellRef, achieved: CellRef): boolean {
  if (t.cell.bbox && achieved.cell.bbox) return t.cell.bbox[0] >= achieved.cell.bbox[0] - 2;
  return t.cell.col >= achieved.cell.col;
}
