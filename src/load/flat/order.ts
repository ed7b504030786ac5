/**
 * Whether a form's words are out of the table's reading order in a way the
 * row-by-row reader cannot undo: a PDF viewer copies text in the order the
 * PDF draws it, and LibreOffice Calc draws the cells of a page that wrap or
 * mix scripts (（2023年度）, ≥95.00（%）, 全年执行/数) after all its other cells.
 * Such a copy holds the parts of the form out of their printed order, or
 * figures after the form's last row; the text no longer says which row a
 * late cell came from.
 */
import { matchAt } from "./match.js";
import { isMeasure, isNumber, YEAR } from "./shapes.js";
import { FUNDING_BLOCK, GOALS_HEADERS, GOALS_LABEL, GRADE, TOTAL } from "./vocabulary.js";
import type { Word } from "./words.js";

/** The parts of a form in the order every template prints them, each by the labels that start it. */
const PARTS: ReadonlyArray<{ name: string; labels: readonly string[] }> = [
  { name: "项目名称", labels: ["项目名称"] },
  { name: "项目资金", labels: FUNDING_BLOCK },
  { name: "年度总体目标", labels: [...GOALS_LABEL, ...GOALS_HEADERS] },
  { name: "the indicator table", labels: ["一级指标", "三级指标"] },
  { name: "总分", labels: TOTAL },
  { name: "评分等级", labels: GRADE },
];

/** Why the form's words are out of reading order, in words; null when they are not. */
export function outOfOrder(words: readonly Word[]): string | null {
  const first: Array<number | undefined> = PARTS.map(() => undefined);
  for (let i = 0; i < words.length; i++) {
    PARTS.forEach((p, k) => {
      if (first[k] === undefined && matchAt(words, i, p.labels)) first[k] = i;
    });
  }
  // A part that starts before one printed above it.
  let latest = -1;
  let latestName = "";
  for (let k = 0; k < PARTS.length; k++) {
    const at = first[k];
    if (at === undefined) continue;
    if (at < latest) return `${PARTS[k]!.name} stands after ${latestName}`;
    latest = at;
    latestName = PARTS[k]!.name;
  }
  // The year line, printed under the title, standing after the funding block's label.
  const funding = first[1];
  if (funding !== undefined) {
    const year = words.findIndex((w) => YEAR.test(w.text) && /^[(（]/u.test(w.text));
    if (year > funding) return `the year line "${words[year]!.text}" stands after 项目资金`;
  }
  // The year line, printed under the title, standing after 项目名称: Calc draws it (mixed script) after the cells of its block.
  const named = first[0];
  if (named !== undefined) {
    const year = words.findIndex((w) => YEAR.test(w.text) && /^[(（]/u.test(w.text));
    if (year > named) return `the year line "${words[year]!.text}" stands after 项目名称`;
  }
  // Figures after the grade: cells of rows above, drawn last.
  const grade = first[5];
  if (grade !== undefined) {
    const late = words.slice(grade + 2).filter((w) => isMeasure(w.text) && !isNumber(w.text) && /[(（≥≤=<>＝＞＜]/u.test(w.text));
    if (late.length >= 2) return `measures stand after 评分等级 ("${late[0]!.text}" on line ${late[0]!.line})`;
  }
  return null;
}
