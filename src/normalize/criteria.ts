import type { CellRef, RawForm, RawRow } from "../../grammars/self-evaluation/index.js";
import type { Criterion, CriteriaSubtotal, FundingBySource, ProjectAttribute } from "../model/form.js";
import { cleanLabel } from "../text/chars.js";
import { orderedAssignment } from "./align.js";
import { itemPaths, type FormContext } from "./context.js";
import { cleanFreeText } from "./free-text.js";
import { parseDecimal } from "./number.js";

/*
 * The parts only the evaluation-criteria templates print (Hubei
 * 财政预算支出项目绩效目标自评表, Ningxia): the criteria table, 自评总分,
 * 项目属性 and the funding block by source. Cells are placed under their
 * header's columns, as the indicator table's extra columns are: a blank
 * 复核分 or 评价标准 cell leaves no token, so counting cells would shift them.
 */

/** What a column of a criteria table holds. */
type CriteriaField = "level1" | "level2" | "content" | "weight" | "selfScore" | "reviewScore" | "basis" | "unknown";

const CRITERIA_FIELD: Record<string, CriteriaField> = {
  Level1Header: "level1",
  Level2Header: "level2",
  // 三级指标 in a criteria table names what is judged, as 评价内容 does.
  Level3Header: "content",
  ContentHeader: "content",
  WeightHeader: "weight",
  SelfScoreHeader: "selfScore",
  // 得分 beside 复核分 is the unit's own score.
  ScoreHeader: "selfScore",
  ReviewScoreHeader: "reviewScore",
  BasisHeader: "basis",
};

/** What a column of a funding block by source holds. */
type SourceField = keyof FundingBySource | "unknown";

const SOURCE_FIELD: Record<string, SourceField> = {
  CentralSourceHeader: "central",
  ProvincialSourceHeader: "provincial",
  LocalSourceHeader: "local",
  OtherFundsLabel: "other",
  TotalFundsLabel: "total",
  ExecutedHeader: "executed",
  RateHeader: "rate",
};

interface Column<F> {
  field: F;
  header: CellRef;
}

const centre = (b: readonly [number, number, number, number]): number => (b[0] + b[2]) / 2;

/**
 * Each cell's column. With geometry (PDF): the header whose x-range holds the
 * cell's centre, else the nearest. Without (text): cells keep their order,
 * each under a column of its own, nearest their headers overall.
 */
function underColumns<F>(cells: readonly CellRef[], columns: readonly Column<F>[]): Array<Column<F> | undefined> {
  const geometry = cells.every((c) => c.cell.bbox) && columns.every((c) => c.header.cell.bbox);
  if (geometry) {
    return cells.map((c) => {
      const x = centre(c.cell.bbox!);
      const inside = columns.find((k) => k.header.cell.bbox![0] <= x && x <= k.header.cell.bbox![2]);
      if (inside) return inside;
      let best: Column<F> | undefined;
      for (const k of columns) if (!best || Math.abs(centre(k.header.cell.bbox!) - x) < Math.abs(centre(best.header.cell.bbox!) - x)) best = k;
      return best;
    });
  }
  const order = orderedAssignment(cells.map((c) => c.cell.col), columns.map((k) => k.header.cell.col));
  if (order) return order.map((k) => columns[k]);
  // More cells than columns: each to its nearest header; the extra ones are reported by the caller.
  return cells.map((c) => {
    let best: Column<F> | undefined;
    for (const k of columns) if (!best || Math.abs(k.header.cell.col - c.cell.col) < Math.abs(best.header.cell.col - c.cell.col)) best = k;
    return best;
  });
}

/** The cells of a row by field; cells beyond the first under a column go to `extra`. */
function byField<F extends string>(row: RawRow, columns: readonly Column<F>[], numeric?: ReadonlySet<F>): { cells: Map<F, CellRef>; extra: CellRef[] } {
  const cells = new Map<F, CellRef>();
  const extra: CellRef[] = [];
  const put = (refs: readonly CellRef[], cols: readonly Column<F>[]) => {
    underColumns(refs, cols).forEach((col, i) => {
      const ref = refs[i]!;
      if (!col || cells.has(col.field)) extra.push(ref);
      else cells.set(col.field, ref);
    });
  };
  const geometry = row.cells.every((c) => c.cell.bbox) && columns.every((c) => c.header.cell.bbox);
  // A tab export puts every cell at its header's column: nothing to work out.
  const exact = row.cells.every((r) => columns.some((c) => c.header.cell.col === r.cell.col));
  if (geometry || exact || !numeric) {
    put(row.cells, columns);
    return { cells, extra };
  }
  // Without geometry, numbers go to the number columns and texts to the
  // others, each in order: right-aligned figures under centred headers
  // (pdftotext -layout) would otherwise drift into the next column.
  const isNumber = (r: CellRef) => parseDecimal(r.cell.text) !== undefined;
  const numberCols = columns.filter((c) => numeric.has(c.field));
  const textCols = columns.filter((c) => !numeric.has(c.field));
  const numbers = row.cells.filter(isNumber);
  const texts = row.cells.filter((r) => !isNumber(r));
  if (numbers.length > numberCols.length || texts.length > textCols.length) put(row.cells, columns);
  else {
    put(numbers, numberCols);
    put(texts, textCols);
  }
  return { cells, extra };
}

const SCORE_FIELDS: ReadonlySet<CriteriaField> = new Set(["weight", "selfScore", "reviewScore"]);

/** A number cell: its decimal string, null when blank or a dash; undefined (not a number) is said so and read as null. */
function numberAt(ref: CellRef | undefined, what: string, ctx: FormContext): string | null {
  if (!ref) return null;
  const d = parseDecimal(ref.cell.text);
  if (d !== undefined) return d;
  ctx.warn("criteria.not-a-number", `${what} "${cleanLabel(ref.cell.text)}" (line ${ref.cell.line ?? "?"}) is not a number: not read`, ref, "warning", [ref]);
  return null;
}

const CRITERIA_PATHS = {
  level1: itemPaths("criteria", "level1"),
  level2: itemPaths("criteria", "level2"),
  content: itemPaths("criteria", "content"),
  weight: itemPaths("criteria", "weight"),
  selfScore: itemPaths("criteria", "selfScore"),
  reviewScore: itemPaths("criteria", "reviewScore"),
  basis: itemPaths("criteria", "basis"),
};
const SUBTOTAL_PATHS = {
  level1: itemPaths("criteriaSubtotals", "level1"),
  weight: itemPaths("criteriaSubtotals", "weight"),
  selfScore: itemPaths("criteriaSubtotals", "selfScore"),
  reviewScore: itemPaths("criteriaSubtotals", "reviewScore"),
};

/**
 * The criteria table, row by row, and its 小计 rows. A level cell left blank
 * under a merged cell takes the label above it: 一级指标 from the row
 * above, 二级指标 from the row above within the same 一级指标.
 */
export function normalizeCriteria(raw: RawForm, ctx: FormContext): { criteria: Criterion[]; subtotals: CriteriaSubtotal[] } {
  const criteria: Criterion[] = [];
  const subtotals: CriteriaSubtotal[] = [];
  const table = raw.criteria;
  if (!table) return { criteria, subtotals };
  const header = table.headers[0]!;
  const columns: Column<CriteriaField>[] = header.cells.map((c) => ({ field: CRITERIA_FIELD[c.token] ?? "unknown", header: c }));
  for (const c of columns) {
    if (c.field === "unknown") ctx.warn("layout.unknown-column", `a column jixiao does not know, "${cleanLabel(c.header.cell.text)}" (line ${c.header.cell.line ?? "?"}, cell ${c.header.cell.col}): its cells are not read`, c.header, "warning", [c.header]);
  }
  const hasLevel2 = columns.some((c) => c.field === "level2");
  let level1 = "";
  let level2: string | null = hasLevel2 ? "" : null;
  let level1Ref: CellRef | undefined;
  let level2Ref: CellRef | undefined;
  for (const row of table.rows) {
    const subtotalCell = row.cells.find((c) => c.token === "SubtotalRowLabel");
    // A 小计 row stands under the level columns: place the rest of it by header.
    const rest = subtotalCell ? { ...row, cells: row.cells.filter((c) => c !== subtotalCell) } : row;
    const { cells, extra } = byField(rest, columns, SCORE_FIELDS);
    const unknown = columns.some((c) => c.field === "unknown") ? [...cells].filter(([f]) => f === "unknown").map(([, r]) => r) : [];
    if (unknown.length) ctx.quoteIn("layout.unknown-column", unknown);
    if (extra.length) {
      ctx.warn("criteria.extra-cells", `more cells than the criteria header has columns for (line ${row.line ?? "?"}): ${extra.map((r) => `"${cleanLabel(r.cell.text)}"`).join(", ")}; not read`, extra[0], "warning", extra);
    }
    if (subtotalCell) {
      const i = subtotals.length;
      ctx.atPath(SUBTOTAL_PATHS.level1, i, subtotalCell);
      const s: CriteriaSubtotal = {
        level1,
        weight: numberAt(cells.get("weight"), "分值", ctx),
        selfScore: numberAt(cells.get("selfScore"), "自评分", ctx),
        reviewScore: numberAt(cells.get("reviewScore"), "复核分", ctx),
      };
      ctx.atPath(SUBTOTAL_PATHS.weight, i, cells.get("weight"));
      ctx.atPath(SUBTOTAL_PATHS.selfScore, i, cells.get("selfScore"));
      ctx.atPath(SUBTOTAL_PATHS.reviewScore, i, cells.get("reviewScore"));
      // Text under the level or content columns of a 小计 row belongs to no criterion.
      const stray = (["level1", "level2", "content", "basis"] as const).map((f) => cells.get(f)).filter((r): r is CellRef => r !== undefined);
      if (stray.length) ctx.warn("criteria.subtotal-text", `text on a 小计 row (line ${row.line ?? "?"}): ${stray.map((r) => `"${cleanLabel(r.cell.text)}"`).join(", ")}; not read`, stray[0], "warning", stray);
      subtotals.push(s);
      continue;
    }
    // Level labels alone on a row, no criterion and no score: a merged cell
    // printed on a line of its own between its rows (pdftotext -layout
    // centres it mid-span). Which rows it spans cannot be told from the
    // text: it is read as the label of the rows after it, and said so.
    if (!cells.has("content") && !(["weight", "selfScore", "reviewScore", "basis"] as const).some((f) => cells.has(f))) {
      const labels = (["level1", "level2"] as const).map((f) => cells.get(f)).filter((r): r is CellRef => r !== undefined);
      if (labels.length) {
        ctx.warn(
          "criteria.level-row",
          `level labels on a row of their own (line ${row.line ?? "?"}): ${labels.map((r) => `"${cleanLabel(r.cell.text)}"`).join(", ")}; ` +
            "a merged cell printed between its rows, read as the label of the rows after it: the rows it spans are a guess",
          labels[0],
          "warning",
          labels,
        );
      }
    }
    const l1 = cells.get("level1");
    if (l1) {
      level1 = cleanLabel(l1.cell.text);
      level1Ref = l1;
      if (hasLevel2) {
        level2 = "";
        level2Ref = undefined;
      }
    }
    const l2 = cells.get("level2");
    if (l2) {
      level2 = cleanLabel(l2.cell.text);
      level2Ref = l2;
    }
    if (!cells.has("content") && !(["weight", "selfScore", "reviewScore", "basis"] as const).some((f) => cells.has(f))) continue;
    const i = criteria.length;
    const content = cells.get("content");
    if (level1 === "" && columns.some((c) => c.field === "level1")) {
      const at = content ?? row.cells[0];
      ctx.warn("criteria.no-level", `a criterion before any 一级指标 label (line ${row.line ?? "?"}): its level1 is left blank, not guessed`, at, "warning");
    }
    const basis = cells.get("basis");
    const weight = cells.get("weight");
    const self = cells.get("selfScore");
    const review = cells.get("reviewScore");
    ctx.atPath(CRITERIA_PATHS.level1, i, level1Ref);
    if (hasLevel2) ctx.atPath(CRITERIA_PATHS.level2, i, level2Ref);
    ctx.atPath(CRITERIA_PATHS.content, i, content);
    ctx.atPath(CRITERIA_PATHS.weight, i, weight);
    ctx.atPath(CRITERIA_PATHS.selfScore, i, self);
    ctx.atPath(CRITERIA_PATHS.reviewScore, i, review);
    ctx.atPath(CRITERIA_PATHS.basis, i, basis);
    criteria.push({
      level1,
      level2,
      content: content ? cleanLabel(content.cell.text) : "",
      weight: numberAt(weight, "分值", ctx),
      selfScore: numberAt(self, "自评分", ctx),
      reviewScore: numberAt(review, "复核分", ctx),
      basis: basis ? cleanFreeText(basis.cell.text) || null : null,
    });
  }
  return { criteria, subtotals };
}

/**
 * Funding by source: the row of amounts under 中央 | 省、地 | 本级 | 其他 |
 * 合计 | 执行数 | 执行率, each cell under its header. A second row of
 * amounts is not guessed at: it is reported, not read.
 */
export function normalizeSourceFunding(raw: RawForm, ctx: FormContext): FundingBySource | undefined {
  const block = raw.sourceFunding;
  if (!block) return undefined;
  const columns: Column<SourceField>[] = block.columns.map((c) => ({ field: SOURCE_FIELD[c.token] ?? "unknown", header: c }));
  const out: FundingBySource = { central: null, provincial: null, local: null, other: null, total: null, executed: null, rate: null };
  const [row, ...more] = block.rows;
  if (row) {
    const { cells, extra } = byField(row, columns);
    for (const [field, ref] of cells) {
      if (field === "unknown") continue;
      out[field] = numberAt(ref, cleanLabel(columns.find((c) => c.field === field)!.header.cell.text), ctx);
      ctx.at(`fundingBySource.${field}`, ref);
    }
    const left = [...extra, ...[...cells].filter(([f]) => f === "unknown").map(([, r]) => r)];
    if (left.length) ctx.warn("funding.source-extra-cells", `cells of the funding block by source under no column jixiao reads (line ${row.line ?? "?"}): ${left.map((r) => `"${cleanLabel(r.cell.text)}"`).join(", ")}`, left[0], "warning", left);
  }
  for (const r of more) {
    const first = r.cells[0];
    ctx.warn("grammar.unplaced-row", `a second row of amounts in the funding block by source, starting "${first ? cleanLabel(first.cell.text) : ""}" (line ${r.line ?? "?"}): its values are not read`, first, "warning", r.cells);
  }
  return out;
}

const ATTRIBUTES: readonly ProjectAttribute[] = ["常年性", "延续性", "一次性", "新增性"];
/** A ticked box: ☑ ☒ ■ √ ✓ ✔ ▣. */
const TICKED = /[☑☒■√✓✔▣]/;
/** An empty box: □ ☐ ▢. */
const EMPTY = /[□☐▢]/;

/**
 * 项目属性: the one attribute whose box is ticked. The boxes may stand in one
 * cell (☑常年性 □延续性 …) or one per cell, or the label may print them after
 * a colon. A bare word (延续性, printed without boxes) is the attribute. No
 * box ticked, or more than one, is said so and read as null, never guessed.
 */
export function normalizeProjectAttribute(raw: RawForm, ctx: FormContext): ProjectAttribute | null | undefined {
  const field = raw.projectAttribute;
  if (!field) return undefined;
  const label = cleanLabel(field.label.cell.text);
  const colon = label.search(/[:：]/);
  const inline = colon < 0 ? "" : label.slice(colon + 1);
  const refs = inline ? [field.label, ...field.values] : field.values;
  const text = [inline, ...field.values.map((v) => v.cell.text)].join(" ").replace(/\s+/g, "");
  const ticked: ProjectAttribute[] = [];
  const boxes = /([☑☒■√✓✔▣□☐▢])([\u4e00-\u9fff]{3})/gu;
  let boxed = false;
  for (const m of text.matchAll(boxes)) {
    boxed = true;
    const word = m[2] as ProjectAttribute;
    if (TICKED.test(m[1]!) && ATTRIBUTES.includes(word)) ticked.push(word);
  }
  if (!boxed && !EMPTY.test(text) && ATTRIBUTES.includes(text as ProjectAttribute)) ticked.push(text as ProjectAttribute);
  if (ticked.length === 1) {
    ctx.at("projectAttribute", refs[0]);
    ctx.pieces("projectAttribute", refs.slice(1));
    return ticked[0]!;
  }
  const why = ticked.length === 0 ? "no box ticked" : `${ticked.length} boxes ticked (${ticked.join(", ")})`;
  ctx.warn("form.project-attribute", `项目属性 "${text}": ${why}; read as null`, refs[0] ?? field.label, "warning", refs);
  return null;
}

/**
 * 自评总分: the number after the label's colon (自评总分：86.5) or in the
 * cell after it; null when that is not a number (said so).
 */
export function normalizeSelfTotal(raw: RawForm, ctx: FormContext): string | null | undefined {
  const field = raw.selfTotal;
  if (!field) return undefined;
  const label = cleanLabel(field.label.cell.text);
  const colon = label.search(/[:：]/);
  const inline = colon < 0 ? "" : label.slice(colon + 1).replace(/分$/, "");
  const ref = inline ? field.label : field.values[0];
  const text = inline || (ref ? cleanLabel(ref.cell.text).replace(/分$/, "") : "");
  const value = text ? parseDecimal(text) : null;
  const rest = inline ? field.values : field.values.slice(1);
  if (rest.length) ctx.warn("form.unread-cells", `cells after 自评总分 (line ${field.label.cell.line ?? "?"}): ${rest.map((r) => `"${cleanLabel(r.cell.text)}"`).join(", ")}; not read`, rest[0], "warning", rest);
  if (value === undefined || value === null) {
    ctx.warn("form.self-total", `自评总分 "${text}" is not a number: read as null`, ref ?? field.label, "warning", ref ? [ref] : [field.label]);
    return null;
  }
  ctx.at("selfEvaluationTotal", ref);
  return value;
}
