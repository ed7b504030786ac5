/**
 * Paper and column widths shared by both renderers, so a case prints with the
 * same geometry whether Chromium or Calc draws it.
 */
import type { Rendering } from "./rendering.js";

/** Margins in mm: room for a running header and a footer. */
export const MARGIN = { top: 16, right: 12, bottom: 16, left: 12 };

/** The printable area of an A4 page, in mm. */
export function pageSize(o: Rendering): { width: number; height: number } {
  const [w, h] = o.landscape ? [297, 210] : [210, 297];
  return { width: w - MARGIN.left - MARGIN.right, height: h - MARGIN.top - MARGIN.bottom };
}

/** Relative widths of c2..c9 (indicator name … deviation note). */
const REST = [22, 18, 21, 21, 13, 13, 24, 24];

/**
 * Widths of the ten columns in mm, summing to just under the printable width. Narrow
 * level columns make 一级指标 and 服务对象满意度指标 wrap a character or two a
 * line; wide ones hold most labels on one line.
 */
export function columnWidths(o: Rendering): number[] {
  // 3 mm short of the printable width: Calc rounds column widths to its own units, and a
  // table a hair too wide prints its last column on a page of its own.
  const width = pageSize(o).width - 3;
  const lead = o.labelColumns === "narrow" ? [Math.ceil(o.fontSize * 0.72) + 2, Math.ceil(o.fontSize * 0.72) + 3] : [24, 34];
  const left = width - lead[0]! - lead[1]!;
  const sum = REST.reduce((s, x) => s + x, 0);
  const rest = REST.map((x) => Math.floor((x * left * 10) / sum) / 10);
  rest[rest.length - 1]! += Math.round((left - rest.reduce((s, x) => s + x, 0)) * 10) / 10;
  return [...lead, ...rest.map((x) => Math.round(x * 10) / 10)];
}
