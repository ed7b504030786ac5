import type { CellRef, RawIndicatorRow, RawRow } from "../../grammars/self-evaluation/index.js";
import { orderedAssignment } from "./align.js";
import { parseMeasure } from "./measure.js";

/** What a column of the indicator table holds, from its header cell. */
export type ColumnField =
  | "level1" | "level2" | "name" | "nature" | "target" | "unit" | "actual" | "weight" | "score" | "deviation" | "core"
  | "weightShare" | "weightedScore" | "unknown";

const HEADER_FIELD: Record<string, ColumnField> = {
  Level1Header: "level1",
  Level2Header: "level2",
  Level3Header: "name",
  NatureHeader: "nature",
  TargetHeader: "target",
  UnitHeader: "unit",
  ActualHeader: "actual",
  WeightHeader: "weight",
  ScoreHeader: "score",
  DeviationHeader: "deviation",
  CoreHeader: "core",
  WeightShareHeader: "weightShare",
  WeightedScoreHeader: "weightedScore",
};

/**
 * Fields a table prints beside the seed's columns, whose cells are placed
 * under their headers only: 指标性质, 计量单位, 是否核心指标, Hebei's 权重占比
 * and 折算得分 (with them, the two numbers at a row's right are 得分 and
 * 折算得分, not 分值 and 得分), and columns jixiao does not know.
 */
const BY_HEADER_ONLY = new Set<ColumnField>(["nature", "unit", "core", "weightShare", "weightedScore", "unknown"]);

/** One column of the indicator table: its header cell and what it holds. */
export interface Column {
  field: ColumnField;
  header: CellRef;
}

/** The columns of an indicator header row, left to right; a header no token knows is "unknown". */
export function headerColumns(header: RawRow): Column[] {
  return header.cells.map((c) => ({ field: HEADER_FIELD[c.token] ?? "unknown", header: c }));
}

/**
 * True when the header has columns the seed's layout lacks (指标性质, 计量单位,
 * or one jixiao does not know): then cells must be placed under their headers,
 * because a blank 指标性质 or 计量单位 cell (a qualitative row) leaves no token
 * and counting cells from the right would shift every cell left of it.
 */
export function needsColumns(columns: Column[]): boolean {
  return columns.some((c) => BY_HEADER_ONLY.has(c.field)) || !inSeedOrder(columns);
}

/** needsColumns(headerColumns(header)), without making the columns. */
export function headerNeedsColumns(header: RawRow): boolean {
  let last = -1;
  for (const c of header.cells) {
    const field = HEADER_FIELD[c.token] ?? "unknown";
    if (BY_HEADER_ONLY.has(field)) return true;
    const at = SEED_ORDER.indexOf(field);
    if (at < last) return true;
    last = at;
  }
  return false;
}

/** The columns of the seed's table, left to right. */
const SEED_ORDER: ColumnField[] = ["level1", "level2", "name", "target", "actual", "weight", "score", "deviation"];

/**
 * True when the known columns stand in the seed's order. A table that prints
 * 分值 before 年度指标值 (绩效目标自评表) is not: there the two numbers at the
 * right of a row are the actual and the 得分, not 分值 and 得分, so cells are
 * placed under their headers only (see placeUnderColumns), never from the right.
 */
export function inSeedOrder(columns: Column[]): boolean {
  let last = -1;
  for (const c of columns) {
    if (c.field === "weightShare" || c.field === "weightedScore") return false;
    const at = SEED_ORDER.indexOf(c.field);
    if (at < 0) continue;
    if (at < last) return false;
    last = at;
  }
  return true;
}

const centre = (b: [number, number, number, number]): number => (b[0] + b[2]) / 2;

/**
 * The column a cell stands under. With geometry (PDF): the header whose
 * x-range holds the cell's centre, else the nearest one. Without (text): the
 * header nearest the cell's column after shifting the row by `shift` columns
 * (a row that lost its leading cells at a page break), the left one on a tie
 * (a header over merged columns names its first).
 */
export function columnOf(cell: CellRef, columns: Column[], shift: number): Column | undefined {
  const box = cell.cell.bbox;
  if (box && columns.every((c) => c.header.cell.bbox)) {
    const x = centre(box);
    const inside = columns.find((c) => c.header.cell.bbox![0] <= x && x <= c.header.cell.bbox![2]);
    if (inside) return inside;
    return [...columns].sort((a, b) => Math.abs(centre(a.header.cell.bbox!) - x) - Math.abs(centre(b.header.cell.bbox!) - x))[0];
  }
  const col = cell.cell.col - shift;
  let best: Column | undefined;
  for (const c of columns) {
    if (!best || Math.abs(c.header.cell.col - col) < Math.abs(best.header.cell.col - col)) best = c;
  }
  return best;
}

/**
 * How many columns a text row is shifted against its header: the distance
 * from the 得分 header to the row's 得分 cell, when that also puts the 分值
 * cell under its header (a row that lost its leading cells keeps its columns'
 * spacing); else 0, and cells go to the nearest header.
 */
function textShift(row: RawIndicatorRow, columns: Column[], anchor: CellRef | undefined): number {
  const score = columns.find((c) => c.field === "score");
  const weight = columns.find((c) => c.field === "weight");
  if (!anchor || !score || anchor.cell.bbox) return 0;
  const shift = anchor.cell.col - score.header.cell.col;
  if (shift === 0 || !weight) return 0;
  const at = row.values.indexOf(anchor);
  const before = at > 0 ? row.values[at - 1] : undefined;
  return before && before.cell.col - shift === weight.header.cell.col ? shift : 0;
}

/** The cells of one row, grouped by the column they stand under. */
export type ColumnCells = Map<ColumnField, CellRef[]>;

/** Cells the right-hand rule already knows: 分值, 得分 and 偏差原因 found from the right. */
export interface Pins {
  weight?: CellRef | undefined;
  score?: CellRef | undefined;
  deviation?: CellRef | undefined;
  /** 权重占比 and 折算得分 (Hebei), found from the right with 得分 between them. */
  weightShare?: CellRef | undefined;
  weightedScore?: CellRef | undefined;
}

/**
 * Places a row's value cells under the header's columns. `pins` are the cells
 * the right-hand rule found (two numbers at the right are 分值 and 得分,
 * whatever their x); the 得分 cell also tells how far a text row is shifted.
 *
 * Without geometry, cells keep their left-to-right order: each goes to its own
 * column, the assignment that puts cells nearest their headers overall, with
 * the pinned cells fixed. That is exact for a tab export (cells stand at their
 * header's column) and holds for `pdftotext -layout` text too, whose columns
 * are only approximate.
 */
export function placeUnderColumns(row: RawIndicatorRow, columns: Column[], pins: Pins = {}): ColumnCells {
  const shift = textShift(row, columns, pins.score);
  const geometry = row.values.every((v) => v.cell.bbox) && columns.every((c) => c.header.cell.bbox);
  const ordered = geometry ? null : pinnedAssignment(row.values, columns, shift, pins);
  const out: ColumnCells = new Map();
  row.values.forEach((v, i) => {
    const c = ordered ? columns[ordered[i]!] : columnOf(v, columns, shift);
    const field = c?.field ?? "unknown";
    out.set(field, [...(out.get(field) ?? []), v]);
  });
  return out;
}

/** Column index of each cell: pinned cells at their field's column, the runs between them by orderedAssignment. */
function pinnedAssignment(values: CellRef[], columns: Column[], shift: number, pins: Pins): number[] | null {
  const fixed: Array<[number, number]> = [];
  for (const field of ["weight", "weightShare", "score", "weightedScore", "deviation"] as const) {
    const cell = pins[field];
    const col = columns.findIndex((c) => c.field === field);
    const at = cell ? values.indexOf(cell) : -1;
    if (at >= 0 && col >= 0) fixed.push([at, col]);
  }
  fixed.sort((a, b) => a[0] - b[0]);
  // Pins that contradict each other's order are dropped: better unpinned than wrong.
  const pinsInOrder = fixed.every(([, c], k) => k === 0 || c > fixed[k - 1]![1]);
  const anchors = pinsInOrder ? fixed : [];
  const out: number[] = new Array<number>(values.length);
  let cellFrom = 0;
  let colFrom = 0;
  for (const [at, col] of [...anchors, [values.length, columns.length] as [number, number]]) {
    const run = values.slice(cellFrom, at).map((v) => v.cell.col - shift);
    const slots = columns.slice(colFrom, col).map((c) => c.header.cell.col);
    const placed = orderedAssignment(run, slots);
    if (!placed) return null;
    placed.forEach((k, i) => (out[cellFrom + i] = colFrom + k));
    if (at < values.length) out[at] = col;
    cellFrom = at + 1;
    colFrom = col + 1;
  }
  return out;
}

/** True when a cell's whole text is a comparison operator (≥, ＝, 不低于 …). */
export function isOperator(text: string): boolean {
  const m = parseMeasure(`${text}1`);
  return m.op !== null && m.value === "1" && m.unit === null;
}

/**
 * A target printed over several cells, 指标性质 | 指标值 | 计量单位
 * (≥ | 500 | 人次), as one text: the pieces joined in reading order without
 * a separator ("≥500人次"), which parseMeasure then reads as if printed in one
 * cell. A 指标性质 that is not an operator (正向, 定性) is left out, and a
 * 计量单位 is left out when the value cell prints a unit of its own.
 */
export function joinTarget(nature: CellRef | undefined, value: CellRef | undefined, unit: CellRef | undefined): string {
  if (!value) return "";
  const valueText = value.cell.text.trim();
  const op = nature && isOperator(nature.cell.text.trim()) ? nature.cell.text.trim() : "";
  const own = parseMeasure(valueText);
  const unitText = unit && own.value !== null && own.unit === null ? unit.cell.text.trim() : "";
  return op + valueText + unitText;
}

/** The 指标性质 and 计量单位 cells joinTarget puts into the target's text (the others it leaves out). */
export function targetPieces(nature: CellRef | undefined, value: CellRef | undefined, unit: CellRef | undefined): CellRef[] {
  if (!value) return [];
  const out: CellRef[] = [];
  if (nature && isOperator(nature.cell.text.trim())) out.push(nature);
  const own = parseMeasure(value.cell.text.trim());
  if (unit && unit.cell.text.trim() !== "" && own.value !== null && own.unit === null) out.push(unit);
  return out;
}
