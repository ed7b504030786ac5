import type { CellRef, RawForm } from "../../grammars/self-evaluation/index.js";
import type { FundingRow, FundingRowKind } from "../model/form.js";
import { cellKey, cleanLabel, isSpace, keyIncludes } from "../text/chars.js";
import { alignInOrder } from "./align.js";
import { itemPaths, type FormContext, type ItemPaths } from "./context.js";
import { cleanFreeText } from "./free-text.js";
import { parseDecimal } from "./number.js";
import { FUNDING_LABELS } from "./vocabulary.js";

type Field = "initialBudget" | "adjustedBudget" | "executed" | "received" | "weight" | "rate" | "score" | "reason" | "scoreMethod";

const COLUMN_FIELD: Record<string, Field> = {
  InitialBudgetHeader: "initialBudget",
  AdjustedBudgetHeader: "adjustedBudget",
  ExecutedHeader: "executed",
  ReceivedHeader: "received",
  WeightHeader: "weight",
  RateHeader: "rate",
  ScoreHeader: "score",
  ReasonHeader: "reason",
  ScoreMethodHeader: "scoreMethod",
};

const ROW_KIND: Record<string, FundingRowKind> = {
  TotalFundsLabel: "total",
  FiscalFundsLabel: "fiscal",
  CarryoverFundsLabel: "carryover",
  OtherFundsLabel: "other",
  SpecialAccountFundsLabel: "special-account",
  UnitFundsLabel: "unit",
  BasicSpendingLabel: "basic",
  ProjectSpendingLabel: "project",
  GeneralBudgetLabel: "general-budget",
  FundBudgetLabel: "fund-budget",
};

// The seed's order, used when a form lost its column header.
const DEFAULT_COLUMNS: Field[] = ["initialBudget", "adjustedBudget", "executed", "weight", "rate", "score"];

/** The unit of the funding amounts: as the form states it, else 万元 (see statedFundingUnit). */
export function fundingUnit(raw: RawForm): "万元" | "元" {
  return statedFundingUnit(raw) ?? "万元";
}

/** The unit of the funding amounts as the form states it: in the block's label, its header, a 金额单位 field or a 单位：元 row; null where nothing states it. */
export function statedFundingUnit(raw: RawForm): "万元" | "元" | null {
  // The label's key (cellKey) searched without making it, as the patterns
  // /\((?:单位:)?元\)/ and /\((?:单位:)?万元\)/ would; both end 元), and
  // most labels are let go by that one search.
  // A funding block by source (criteria templates) prints its unit the same way.
  const label = (raw.funding ?? raw.sourceFunding)?.label.cell.text ?? "";
  if (keyIncludes(label, "元)")) {
    if (keyIncludes(label, "(元)") || keyIncludes(label, "(单位:元)")) return "元";
    if (keyIncludes(label, "(万元)") || keyIncludes(label, "(单位:万元)")) return "万元";
  }
  // 年度预算数(万元): the unit in the header over the budget columns (Sichuan 2023).
  for (const c of raw.funding?.columns ?? []) {
    if (c.token !== "BudgetGroupHeader") continue;
    if (keyIncludes(c.cell.text, "(万元)")) return "万元";
    if (keyIncludes(c.cell.text, "(元)")) return "元";
  }
  // 金额单位 | 万元 (Hebei), a field of the 基本情况 section.
  const printed = raw.amountUnit?.values[0] ? cellKey(raw.amountUnit.values[0].cell.text) : "";
  if (printed === "万元" || printed === "元") return printed;
  for (const row of raw.headerExtras) {
    for (const c of row.cells) {
      const m = keyIncludes(c.cell.text, "单位:") ? /单位:(万元|元)/.exec(cellKey(c.cell.text)) : null;
      if (m) return m[1] as "万元" | "元";
    }
  }
  return null;
}

/**
 * The funding rows. Values are matched to the column headers by order when
 * the counts agree (the usual case), else by horizontal position (x in a PDF,
 * the column in text), since exports shift whole rows by a cell or two.
 */
export function normalizeFunding(raw: RawForm, ctx: FormContext): FundingRow[] {
  if (!raw.funding) return [];
  const columns = withSubColumns(raw.funding.columns, raw.funding.subColumns);
  // The seed's six headers in its order, the usual case, are their own list.
  let headers: CellRef[] = columns;
  let fields: Field[] = DEFAULT_COLUMNS;
  if (!hasDefaultColumns(columns)) {
    headers = [];
    fields = [];
    for (const c of columns) {
      const f = COLUMN_FIELD[c.token];
      if (f) {
        headers.push(c);
        fields.push(f);
      }
    }
    if (!headers.length) fields = DEFAULT_COLUMNS;
  }
  const rows = raw.funding.rows;
  const unit = fundingUnit(raw);
  // The number columns, when every text column stands after them (see below); else -1.
  const isText = (f: Field) => f === "reason" || f === "scoreMethod";
  const firstText = fields.findIndex(isText);
  const numericCount = firstText > 0 && fields.slice(firstText).every(isText) ? firstText : -1;
  const numericFields = fields.slice(0, Math.max(0, numericCount));
  const out = new Array<FundingRow>(rows.length);
  // 资金到位情况 (Hebei): every row of a block with the column says what reached it, null for a blank cell.
  const hasReceived = fields.includes("received");
  // The grouping in force: printed on a group's first row, a merged cell over the rest.
  let group: string | undefined;
  let groupRef: CellRef | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const kind = ROW_KIND[row.label.token] ?? "unknown";
    const item: FundingRow = {
      kind,
      label: rowLabel(row.label.cell.text),
      initialBudget: null, adjustedBudget: null, executed: null, weight: null, rate: null, score: null,
    };
    if (hasReceived) item.received = null;
    if (row.group) {
      group = rowLabel(row.group.cell.text);
      groupRef = row.group;
    }
    if (kind === "total") group = undefined;
    else if (group !== undefined) {
      item.group = group;
      ctx.at(`funding[${i}].group`, groupRef);
    }
    ctx.atPath(LABEL_PATHS, i, row.label);
    const values = row.values;
    if (values.length === numericCount && values.length < fields.length && values.every((v) => parseDecimal(v.cell.text) !== undefined)) {
      // Numbers only, one under each number column: the row leaves its text
      // columns (原因, 得分计算方法) blank, as sub-rows do. In the headers' order.
      for (let k = 0; k < values.length; k++) readValue(item, i, numericFields[k]!, values[k]!, ctx, unit);
    } else if (values.length === fields.length || headers.length === 0) {
      // The usual case: values in the headers' order.
      const n = Math.min(values.length, fields.length);
      for (let k = 0; k < n; k++) readValue(item, i, fields[k]!, values[k]!, ctx, unit);
    } else {
      for (const [field, ref] of assign(values, headers, fields, row.label)) readValue(item, i, field, ref, ctx, unit);
    }
    out[i] = item;
  }
  return out;
}

/**
 * The column headers in the order their columns stand: a header spanning the
 * columns of a second header row (年度预算数 over 年初预算 | 调整后预算数) gives
 * way to them, in their order.
 */
function withSubColumns(columns: CellRef[], subColumns: CellRef[]): CellRef[] {
  if (subColumns.length === 0) return columns;
  const at = columns.findIndex((c) => c.token === "BudgetGroupHeader");
  if (at < 0) return [...columns, ...subColumns];
  return [...columns.slice(0, at), ...subColumns, ...columns.slice(at + 1)];
}

const DEFAULT_HEADER_TOKENS = DEFAULT_COLUMNS.map((f) => Object.keys(COLUMN_FIELD).find((t) => COLUMN_FIELD[t] === f)!);

/** True when the header cells are the seed's six column headers in its order, and nothing else. */
function hasDefaultColumns(columns: CellRef[]): boolean {
  if (columns.length !== DEFAULT_HEADER_TOKENS.length) return false;
  for (let k = 0; k < columns.length; k++) if (columns[k]!.token !== DEFAULT_HEADER_TOKENS[k]) return false;
  return true;
}

const LABEL_PATHS = itemPaths("funding", "label");
const INITIAL_BUDGET_PATHS = itemPaths("funding", "initialBudget");
const ADJUSTED_BUDGET_PATHS = itemPaths("funding", "adjustedBudget");
const EXECUTED_PATHS = itemPaths("funding", "executed");
const RECEIVED_PATHS = itemPaths("funding", "received");
const WEIGHT_PATHS = itemPaths("funding", "weight");
const RATE_PATHS = itemPaths("funding", "rate");
const SCORE_PATHS = itemPaths("funding", "score");

function readValue(item: FundingRow, i: number, field: Field, ref: CellRef, ctx: FormContext, unit: "万元" | "元"): void {
  if (field === "reason" || field === "scoreMethod") {
    const text = cleanFreeText(ref.cell.text);
    if (text === "") return;
    item[field] = text;
    ctx.at(`funding[${i}].${field}`, ref);
    return;
  }
  let v = parseDecimal(ref.cell.text);
  if (v === undefined && AMOUNT_FIELDS.has(field)) v = amountInUnit(item, field, ref, ctx, unit);
  if (v === undefined) {
    ctx.warn("funding.not-a-number", `${item.label}: ${field} "${ref.cell.text}" is not a number`, ref, "warning", [ref]);
    return;
  }
  // A store by name for each field (item[field] = v is a store by key).
  let paths: ItemPaths;
  switch (field) {
    case "initialBudget": item.initialBudget = v; paths = INITIAL_BUDGET_PATHS; break;
    case "adjustedBudget": item.adjustedBudget = v; paths = ADJUSTED_BUDGET_PATHS; break;
    case "executed": item.executed = v; paths = EXECUTED_PATHS; break;
    case "received": item.received = v; paths = RECEIVED_PATHS; break;
    case "weight": item.weight = v; paths = WEIGHT_PATHS; break;
    case "rate": item.rate = v; paths = RATE_PATHS; break;
    case "score": item.score = v; paths = SCORE_PATHS; break;
  }
  ctx.atPath(paths, i, ref);
}

const AMOUNT_FIELDS = new Set<Field>(["initialBudget", "adjustedBudget", "executed", "received"]);

/**
 * An amount printed with its unit attached (150万, 125.25万元, 85000元): the
 * number, when the unit is the form's own (万 is 万元). An amount in the other
 * unit is not converted: it is reported and left null, since which of the two
 * the office meant is a guess. Undefined when the cell is no such amount.
 */
function amountInUnit(item: FundingRow, field: Field, ref: CellRef, ctx: FormContext, unit: "万元" | "元"): string | null | undefined {
  const m = /^(.*?\d)(万元|万|元)$/.exec(cellKey(ref.cell.text));
  if (!m) return undefined;
  const v = parseDecimal(m[1]!);
  if (v === undefined || v === null) return undefined;
  const printed = m[2] === "元" ? "元" : "万元";
  if (printed === unit) return v;
  ctx.warn("funding.unit-mismatch", `${item.label}: ${field} "${cleanLabel(ref.cell.text)}" is in ${printed}, the block's amounts in ${unit}: not read`, ref);
  return null;
}

/**
 * A row label as it should read (cleanLabel), without the 其中: that
 * introduces sub-rows and without a closing colon.
 */
function rowLabel(text: string): string {
  const s = cleanLabel(text);
  // As /^其中[:：]?\s*/ then /[:：]$/ would remove them.
  let from = 0;
  if (s.startsWith("其中")) {
    from = 2;
    const c = s.charCodeAt(from);
    if (c === 0x3a || c === 0xff1a) from++;
    while (from < s.length && isSpace(s.charCodeAt(from))) from++;
  }
  let to = s.length;
  if (to > from) {
    const last = s.charCodeAt(to - 1);
    if (last === 0x3a || last === 0xff1a) to--;
  }
  return FUNDING_LABELS.slice(s, from, to);
}

function assign(values: CellRef[], headers: CellRef[], fields: Field[], rowLabel: CellRef): Array<[Field, CellRef]> {
  if (values.length === fields.length || headers.length === 0) {
    return values.slice(0, fields.length).map((v, i) => [fields[i]!, v]);
  }
  // Counts differ: a cell was left blank.
  if (values.every((v) => v.cell.bbox) && headers.every((h) => h.cell.bbox)) return byX(values, headers, fields);
  // No geometry: line cells up with headers in order (align.ts), counting
  // columns two ways and keeping the better fit. From the row's label and the
  // header's first column (tab exports put a different number of empty cells
  // before each, but keep the columns' spacing), or as they stand (pdftotext
  // text, whose character columns only approximate the printed ones).
  const firstHeaderCol = headers[0]!.cell.col;
  const relative = alignInOrder(values.map((v) => v.cell.col - rowLabel.cell.col - 1), headers.map((h) => h.cell.col - firstHeaderCol));
  const absolute = alignInOrder(values.map((v) => v.cell.col), headers.map((h) => h.cell.col));
  // On a tie the columns as they stand win: a tab export aligned with its
  // header fits both ways exactly, and pdftotext text only absolutely.
  const best = relative && (!absolute || relative.cost < absolute.cost) ? relative : absolute;
  if (!best) return values.slice(0, fields.length).map((v, i) => [fields[i]!, v]);
  return values.map((v, i) => [fields[best.slots[i]!]!, v]);
}

// With geometry, each value goes to the header nearest its centre; a second
// value for the same column is not read.
function byX(values: CellRef[], headers: CellRef[], fields: Field[]): Array<[Field, CellRef]> {
  const centre = (r: CellRef) => (r.cell.bbox![0] + r.cell.bbox![2]) / 2;
  const out: Array<[Field, CellRef]> = [];
  for (const v of values) {
    let best = -1;
    let bestDist = Infinity;
    headers.forEach((h, i) => {
      const d = Math.abs(centre(v) - centre(h));
      if (d < bestDist) {
        bestDist = d;
        best = i;
      }
    });
    if (best >= 0 && !out.some(([f]) => f === fields[best])) out.push([fields[best]!, v]);
  }
  return out;
}
