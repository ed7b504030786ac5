/**
 * fixtures/corpus/known-gaps.json: the committed renderings that jixiao does
 * not yet read field for field, each with its failure kinds, a diagnosis of
 * the cause, and the first differing fields. The corpus test asserts that
 * exactly these fail.
 */
import type { FailureKind } from "./classify.js";
import type { RenderingKind } from "./check.js";
import type { Renderer } from "./rendering.js";

export const KNOWN_GAPS_FILE = "known-gaps.json";

export interface KnownGap {
  kinds: FailureKind[];
  /** Why it fails: the loader behaviour behind the differences. */
  cause: string;
  /** matched/fields */
  fields: string;
  /** The first differing fields, as compareForms names them. */
  differences: string[];
  /** How many more differences there are. */
  more?: number;
  /**
   * Wrong values (a value the form does not hold) no field-level
   * `layout.inferred-*` diagnostic flags: a ceiling test/corpus/flagged.test.ts
   * holds, to be lowered as flagging improves and brought to 0.
   */
  unflagged?: number;
}

/**
 * Diagnosis by failure kind and input, from reading the failing renderings
 * (fixtures/corpus/FINDINGS.md has an example seed of each). The first kind
 * that applies explains most of a rendering's differences; the others are
 * usually its consequences (a form cut early loses its 总分 and its rows).
 */
const CAUSES: Array<[FailureKind, RenderingKind | "any", string]> = [
  ["funding-row-lost", "any", "page break inside the funding block or after a header row: 项目资金(单位) is a merged cell that Calc reprints (or Chromium splits) on the next page as fragments (项目资金（ / 元）), and the rows after the break are not stitched into the form, so they end in grammar.unplaced-row and the form is cut (form.incomplete)"],
  ["form-lost", "any", "a form's start is not recognised after a page break, so the whole form is missing"],
  ["form-cut", "pdf", "page break inside the indicator table or before 总分/评分等级: the rows after the break (often under a level-1/level-2 merged cell continued on the new page, or after a repeated header) are not stitched to the table, so the form ends early (form.incomplete, indicator.short-row)"],
  ["form-cut", "layout.txt", "pdftotext -layout text of a page break inside the form: the continuation lines (page furniture, a repeated or wrapped header, a merged label's fragments) stop the layout loader's table, the form ends early"],
  ["goal-text", "any", "the goals rows (年度总体目标, a tall wrapped row) are split by a page break or interleaved in layout text; the goal text is lost or mixed with the neighbour column"],
  ["indicator-lost", "any", "indicator rows after a page break or under a continued merged level cell are dropped"],
  ["level-label", "pdf", "a level-1/level-2 label wrapped in a narrow merged cell is read as fragments: cut by a page break (可持 / 续影 / 响指标), spilling into the neighbouring group's cell (生态效益指标服务 / 对象满意度指), or the label of the previous group carried on (质量指标 for 时效指标); indicator.label-fragment"],
  ["level-label", "layout.txt", "in layout text a level label's group is misplaced: the labels' wrapped pieces (数量/指标, 服务/对象/满意/度指/标) are joined, but the group each label starts is chosen from where pdftotext set the label's lines, and a label cut by a page break (Chromium: text flowing on; Calc: printed again on the next page), a centred label beside one-row groups, or a page whose character grid differs from the header's make that guess land a row off (the previous group's label carried on, or the next group's taken early); pdf/layout/levels.ts placeLevels"],
  ["indicator-extra", "any", "more indicator rows than printed: a wrapped cell's line (a name's or a measure's second line, a level label's piece left unplaced) is read as a row of its own, so one indicator comes out as two, the extra one mostly null"],
  ["indicator-cell", "any", "indicator cells shifted a column (a wrapped label or a wrapped measure/number starting a new line), or a wrapped cell's text cut"],
  ["funding-value", "layout.txt", "a funding value taken for its neighbour column's: pdftotext drifts a line's later columns by several characters (a row with fewer Han characters, 其他资金 0.00, stands right of the full row's values), so neither the header's nor the full row's columns say which column a short value is in (layout/columns.ts leaves such a row as printed)"],
  ["funding-value", "any", "amounts wrapped inside narrow numeric cells (42962578.2 / 4) are read as two values, or a funding cell lands in the wrong column"],
  ["unit-wrong", "any", "项目资金(元) wraps or is cut by a page break (项目资金（ / 元）), so the unit is not read and 万元 is assumed"],
  ["header-lost", "any", "a page break or wrap around 项目名称/主管部门/实施单位 separates the label from its value; the value comes out null"],
  ["total-grade", "any", "总分 or 评分等级 not read (a consequence of the form being cut, or a break just before them)"],
  ["title-year", "any", "the title or year line is separated from the form by a page break (a form starting at the foot of a page) and not recognised"],
];

/**
 * A diagnosis from the failure kinds: the cause of the first kind that applies,
 * in the order above. Every kind has a cause for either input; differences
 * sorted into no kind are named by the first of them, so that no failing
 * rendering goes without one.
 */
export function proposeCause(kinds: FailureKind[], renderer: Renderer, input: RenderingKind, differences: string[] = []): string {
  for (const [kind, where, cause] of CAUSES) {
    if (kinds.includes(kind) && (where === "any" || where === input)) return `${renderer} ${input}: ${cause}`;
  }
  return `${renderer} ${input}: a difference no failure kind describes (scripts/corpus/classify.ts): ${differences[0] ?? kinds.join(", ")}`;
}
