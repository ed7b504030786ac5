/**
 * Tables from ruling lines: the grid, and the cells of the grid (merged cells
 * included).
 *
 * Rules that touch each other form one table, so two forms on one page are two
 * tables. The distinct x of its vertical rules and the distinct y of its
 * horizontal rules cut a table into grid slots; two neighbouring slots belong
 * to the same cell when no rule separates them — that is how a rowspan or a
 * colspan looks on paper.
 */
import type { Box, HRule, Rules, VRule } from "./geometry.js";

/** Positions closer than this are the same line (borders are often drawn twice, offset by a hair). */
const SNAP = 2;
/** A boundary counts as ruled when rules cover this share of its length. */
const COVER = 0.5;

/** One cell of a table: a grid slot or several merged ones. */
export interface GridCell {
  /** Index of the cell's top grid row (0 = top of the table). */
  row: number;
  /** Index of the cell's left grid column. */
  col: number;
  /** Grid rows spanned. */
  rowSpan: number;
  /** Grid columns spanned. */
  colSpan: number;
  box: Box;
  /**
   * The cell runs into the table's cut edge: the table is open there, or no
   * rule closes this cell's own bottom (top) edge — a merged cell a producer
   * cut at a page break and printed on both pages.
   */
  openBelow: boolean;
  openAbove: boolean;
}

/** A ruled table on one page. */
export interface Table {
  box: Box;
  /** Vertical rule positions, ascending (left to right). */
  xs: number[];
  /** Horizontal rule positions, descending (top to bottom). */
  ys: number[];
  cells: GridCell[];
  /**
   * The table is cut by the page's bottom (top) edge: its vertical rules run
   * past the lowest (highest) horizontal rule. A row split across pages looks
   * like this; its text continues in the first row of the next page's table.
   */
  openBottom: boolean;
  openTop: boolean;
  /** For every grid slot (row * columns + col), the index of its cell in `cells`. */
  slotCell: Int32Array;
}

/** Finds the ruled tables of a page. */
export function buildTables(rules: Rules): Table[] {
  const h = mergeH(rules.h);
  const v = mergeV(rules.v);
  const tables: Table[] = [];
  for (const group of connected(h, v)) {
    const t = tableOf(group.h, group.v);
    if (t) tables.push(t);
  }
  // Top to bottom, so page reading order follows.
  return tables.sort((a, b) => b.box[3] - a.box[3]);
}

/** Joins collinear pieces: Skia draws one piece per cell edge. */
function mergeH(rules: HRule[]): HRule[] {
  const sorted = [...rules].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const bands: HRule[][] = [];
  for (const r of sorted) {
    const band = bands[bands.length - 1];
    if (band && r.y - band[0]!.y <= SNAP) band.push(r);
    else bands.push([r]);
  }
  const out: HRule[] = [];
  for (const band of bands) {
    const y = band.reduce((s, r) => s + r.y, 0) / band.length;
    band.sort((a, b) => a.x0 - b.x0);
    let cur: HRule | null = null;
    for (const r of band) {
      if (cur && r.x0 <= cur.x1 + SNAP) cur.x1 = Math.max(cur.x1, r.x1);
      else {
        if (cur) out.push(cur);
        cur = { y, x0: r.x0, x1: r.x1 };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function mergeV(rules: VRule[]): VRule[] {
  const asH = mergeH(rules.map((r) => ({ y: r.x, x0: r.y0, x1: r.y1 })));
  return asH.map((r) => ({ x: r.y, y0: r.x0, y1: r.x1 }));
}

/** Groups rules that touch (transitively) with union-find. */
function connected(h: HRule[], v: VRule[]): { h: HRule[]; v: VRule[] }[] {
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < h.length; i++) {
    const a = h[i]!;
    for (let j = 0; j < v.length; j++) {
      const b = v[j]!;
      if (b.x >= a.x0 - SNAP && b.x <= a.x1 + SNAP && a.y >= b.y0 - SNAP && a.y <= b.y1 + SNAP) {
        parent[find(i)] = find(h.length + j);
      }
    }
  }
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  const group = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((r, i) => group(i).h.push(r));
  v.forEach((r, j) => group(h.length + j).v.push(r));
  return [...groups.values()];
}

/** Distinct positions, snapped together, ascending. */
function positions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let sum = 0, n = 0, first = NaN;
  for (const x of sorted) {
    if (n > 0 && x - first > SNAP) {
      out.push(sum / n);
      sum = 0; n = 0;
    }
    if (n === 0) first = x;
    sum += x; n++;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** Length of [a, b] covered by the given intervals. */
function covered(intervals: [number, number][], a: number, b: number): number {
  let total = 0;
  for (const [s, e] of intervals) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  return total;
}

function nearest(sorted: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < sorted.length; i++) if (Math.abs(sorted[i]! - x) < Math.abs(sorted[best]! - x)) best = i;
  return best;
}

function tableOf(h: HRule[], v: VRule[]): Table | null {
  if (h.length < 2 || v.length < 2) return null;
  const xs = positions(v.map((r) => r.x));
  const ys = positions(h.map((r) => r.y)).reverse();
  if (xs.length < 2 || ys.length < 2) return null;
  // Close a table cut by the page edge with a virtual rule where its sides end.
  const vTop = Math.max(...v.map((r) => r.y1));
  const vBottom = Math.min(...v.map((r) => r.y0));
  const openTop = vTop - ys[0]! > 2 * SNAP;
  const openBottom = ys[ys.length - 1]! - vBottom > 2 * SNAP;
  if (openTop) ys.unshift(vTop);
  if (openBottom) ys.push(vBottom);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  // Rules indexed by the grid line they sit on.
  const vAt: [number, number][][] = xs.map(() => []);
  for (const r of v) vAt[nearest(xs, r.x)]!.push([r.y0, r.y1]);
  const hAt: [number, number][][] = ys.map(() => []);
  for (const r of h) hAt[nearest(ys, r.y)]!.push([r.x0, r.x1]);

  const parent = Int32Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let r = 0; r < rows; r++) {
    const top = ys[r]!, bottom = ys[r + 1]!;
    for (let c = 0; c < cols; c++) {
      const left = xs[c]!, right = xs[c + 1]!;
      if (c + 1 < cols && covered(vAt[c + 1]!, bottom, top) < COVER * (top - bottom)) {
        parent[find(r * cols + c)] = find(r * cols + c + 1);
      }
      if (r + 1 < rows && covered(hAt[r + 1]!, left, right) < COVER * (right - left)) {
        parent[find(r * cols + c)] = find((r + 1) * cols + c);
      }
    }
  }
  const byRoot = new Map<number, number>();
  const cells: GridCell[] = [];
  const slotCell = new Int32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      let idx = byRoot.get(root);
      if (idx === undefined) {
        idx = cells.length;
        byRoot.set(root, idx);
        cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, box: [xs[c]!, ys[r + 1]!, xs[c + 1]!, ys[r]!], openBelow: false, openAbove: false });
      }
      slotCell[r * cols + c] = idx;
      const cell = cells[idx]!;
      // Slots are visited top-left first, so the first slot is the cell's origin.
      cell.rowSpan = Math.max(cell.rowSpan, r - cell.row + 1);
      cell.colSpan = Math.max(cell.colSpan, c - cell.col + 1);
      cell.box = [Math.min(cell.box[0], xs[c]!), Math.min(cell.box[1], ys[r + 1]!), Math.max(cell.box[2], xs[c + 1]!), Math.max(cell.box[3], ys[r]!)];
    }
  }
  for (const cell of cells) {
    const [x0, , x1] = cell.box;
    const unruled = (at: number) => covered(hAt[at]!, x0, x1) < COVER * (x1 - x0);
    if (cell.row + cell.rowSpan === rows) cell.openBelow = openBottom || unruled(rows);
    if (cell.row === 0) cell.openAbove = openTop || unruled(0);
  }
  return { box: [xs[0]!, ys[rows]!, xs[cols]!, ys[0]!], xs, ys, cells, slotCell, openTop, openBottom };
}

/** The grid slot holding a point, or -1 when the point is outside the table. */
export function slotAt(t: Table, x: number, y: number): number {
  const { xs, ys } = t;
  if (x < xs[0]! || x > xs[xs.length - 1]! || y > ys[0]! || y < ys[ys.length - 1]!) return -1;
  let c = 0;
  while (c < xs.length - 2 && x > xs[c + 1]!) c++;
  let r = 0;
  while (r < ys.length - 2 && y < ys[r + 1]!) r++;
  return r * (xs.length - 1) + c;
}
