import type { CellRef, RawIndicatorRow, RawRow } from "../../grammars/self-evaluation/index.js";
import { parseMeasure } from "./measure.js";

/** What a column of the indicator table holds, from its header cell. */
export type ColumnField =
  | "level1" | "level2" | "name" | "nature" | "target" | "unit" | "actual" | "weight" | "score" | "deviation" | "unknown";

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
};

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
  return columns.some((c) => c.field === "nature" || c.field === "unit" || c.field === "unknown");
}

const centre = (b: [number, number, number, number]): number => (b[0] + b[2]) / 2;

/**
 * The column a cell stands under. With geometry (PDF): the header whose
 * x-range holds the cell's centre, else the nearest one. Without (text): the
 * last header at or left of the cell's column, after shifting the row by
 * `shift` columns (a row that lost its leading cells at a page break).
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
  for (const c of columns) if (c.header.cell.col <= col && (!best || c.header.cell.col > best.header.cell.col)) best = c;
  return best ?? columns[0];
}

/** The cells of one row, grouped by the column they stand under. */
export type ColumnCells = Map<ColumnField, CellRef[]>;

/**
 * Places a row's value cells under the header's columns. `anchor` is the row's
 * 得分 cell when the right-hand rule found one: in a text export it fixes how
 * far the row is shifted against the header.
 */
export function placeUnderColumns(row: RawIndicatorRow, columns: Column[], anchor: CellRef | undefined): ColumnCells {
  const scoreColumn = columns.find((c) => c.field === "score");
  const shift = anchor && scoreColumn && !anchor.cell.bbox ? anchor.cell.col - scoreColumn.header.cell.col : 0;
  const out: ColumnCells = new Map();
  for (const v of row.values) {
    const c = columnOf(v, columns, shift);
    const field = c?.field ?? "unknown";
    out.set(field, [...(out.get(field) ?? []), v]);
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
