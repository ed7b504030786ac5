/**
 * Rows of a continued table that a page prints without any rule.
 *
 * Chromium can paint the rows a page break pushes onto a page of their own
 * with no border at all (the row before 总分 when 总分 is forced onto the
 * page after). Read as loose lines, such a row falls apart: its cells wrap
 * differently (设备维护数量 on one line, ≥100 / (%) on two), so their lines
 * sit at different baselines and become rows of their own.
 *
 * When a page has no table and the page before ended in a table that goes on
 * (cells open at its foot), the runs within that table's width are read as
 * its rows: a row is a band of lines whose glyph boxes overlap one another
 * (a cell's text is centred in the row, so a one-line cell overlaps the lines
 * of a two-line one; two rows of single-spaced text do not overlap), and a
 * cell is a column of the table before. Lines shaped like a page number or a
 * form's title, and a running header's runs, stay outside.
 */
import { isPageNumber } from "./furniture.js";
import { runAnchor, runBox, type Run } from "./items.js";
import { blockLines, lineText, toLines, unionBox } from "./join.js";
import type { PageRow } from "./rows.js";
import { textOf } from "./spill.js";

const FORM_LINE = /自评表|^[(（]?\s*\d{4}\s*年度?\s*[)）]?$/u;

/**
 * The rows of an unruled continuation of a table whose column edges are `xs`
 * (ascending), and the runs left outside it. Rows get table index `table`.
 */
export function unruledRows(runs: readonly Run[], xs: readonly number[], table: number, furniture: ReadonlySet<Run>): { rows: PageRow[]; rest: Run[] } {
  const x0 = xs[0]!, x1 = xs[xs.length - 1]!;
  const inside = runs.filter((r) => !furniture.has(r) && runAnchor(r)[0] >= x0 && runAnchor(r)[0] <= x1);
  // Bands: runs whose glyph boxes overlap vertically, transitively, top to bottom.
  const sorted = [...inside].sort((a, b) => runBox(b)[3] - runBox(a)[3]);
  const bands: Run[][] = [];
  let floor = Infinity;
  for (const r of sorted) {
    const [, lo, , hi] = runBox(r);
    if (bands.length > 0 && hi > floor) {
      bands[bands.length - 1]!.push(r);
      floor = Math.min(floor, lo);
    } else {
      bands.push([r]);
      floor = lo;
    }
  }
  const rows: PageRow[] = [];
  const rest = runs.filter((r) => !inside.includes(r));
  for (const band of bands) {
    const text = toLines(band).map(lineText).join(" ");
    if (isPageNumber(text) || FORM_LINE.test(text)) {
      rest.push(...band);
      continue;
    }
    const box = unionBox(band.map(runBox));
    const byCol = new Map<number, Run[]>();
    for (const r of band) {
      const x = runAnchor(r)[0];
      let c = 0;
      while (c < xs.length - 2 && x > xs[c + 1]!) c++;
      byCol.set(c, [...(byCol.get(c) ?? []), r]);
    }
    const cells = [...byCol].sort((a, b) => a[0] - b[0]).map(([col, rs]) => {
      const frame: [number, number, number, number] = [xs[col]!, box[1], xs[col + 1]!, box[3]];
      const { lines, tailGap } = blockLines(rs, frame);
      const cellLines = lines.map((l) => ({ text: l.text, brk: l.brk, box: unionBox(l.runs.map(runBox)) }));
      return { text: textOf(cellLines), col, box: frame, frame, continuesBelow: false, tailGap, lines: cellLines, runs: rs };
    });
    rows.push({ top: box[3], cells, table, gridRow: rows.length });
  }
  return { rows, rest };
}
