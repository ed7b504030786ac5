/**
 * Text of a cut cell painted outside its ruled fragment.
 *
 * A producer that cuts a merged cell at a page break does not always keep its
 * text inside the fragment it rules on each page:
 * - Chromium paints the text of a cut cell under its fragment when the
 *   fragment is shorter than the text;
 * - LibreOffice Calc lays the text out once, for the cell as if it were
 *   whole, and paints that block on every page the cell reaches, clipped only
 *   by the paper: so a line may land in the bottom margin of the first page
 *   (below the table), in the top margin of the next (above it), on both, or
 *   on a page in between where Calc rules nothing in that column at all.
 *
 * So, per page, a run outside every table is claimed for a cut cell when it
 * lies within the cell's column and on the cut side of the table: below the
 * page's lowest table under a cell open at its foot, or, in a column the page
 * before left open, above the first table that covers that column (or
 * anywhere, when no table of the page covers it: the page is inside the cell).
 * Nothing is claimed below a page's last table when no page follows or the
 * next opens with a form's title (opensWithTitle): the table ended there.
 * A line shaped like a page number or a form's title is never claimed, nor a
 * run that a running header or footer repeats at one place on the pages
 * (repeatedRuns): Calc's spill can share a line with the running header.
 * Claimed lines stay marked as spill until furniture is dropped (a running
 * header can sit in a cut cell's column too), then join their cell
 * (joinSpills); stitch.ts then joins the pages' pieces of each cut cell.
 */
import type { CellLine, PageCell, PageRow } from "./rows.js";
import { BAND, isPageNumber, key } from "./furniture.js";
import type { Box } from "./geometry.js";
import { slotAt, type Table } from "./grid.js";
import { runAnchor, runBox, type Run } from "./items.js";
import { joinLines, lineText, toLines } from "./join.js";

/** Slack in points when deciding that a run lies within a column. */
const SLACK = 2;

/** A form's title or year line is a new form's start, never the rest of a cut cell. */
const FORM_LINE = /自评表|^[(（]?\s*\d{4}\s*年度?\s*[)）]?$/u;

/** A cell the page before left open at its foot: its column, and its col index. */
export interface Carried {
  frame: Box;
  col: number;
}

export interface Claimed {
  /** Runs still outside every cell. */
  rest: Run[];
  /** Per table, per cell: the runs claimed for it (above or below the cell, as their place shows). */
  perCell: Run[][][];
  /** Per carried column that no table covers at the page's top: the runs claimed for it, and whether a table below closes it. */
  through: { carried: Carried; runs: Run[]; closed: boolean }[];
}

const within = (r: Run, f: Box) => r.x0 >= f[0] - SLACK && r.x1 <= f[2] + SLACK;
const overlaps = (a: Box, b: Box) => Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > SLACK;

/**
 * Runs that stand with the same text (digits aside) at the same place in the
 * top or bottom band of at least half the pages, two at least, outside every
 * table: pieces of a running header or footer (furniture.ts drops them as
 * lines).
 */
export function repeatedRuns(pages: readonly { runs: readonly Run[]; tables: readonly Table[] }[], bottoms: readonly number[], heights: readonly number[]): Set<Run> {
  const at = new Map<string, { pages: Set<number>; runs: Run[] }>();
  pages.forEach(({ runs, tables }, p) => {
    const y0 = bottoms[p] ?? 0, h = heights[p] ?? 0;
    for (const r of runs) {
      if (r.y > y0 + h * BAND && r.y < y0 + h * (1 - BAND)) continue;
      // Only text outside the tables can be a running header (a table's numbers repeat column by column).
      const [ax, ay] = runAnchor(r);
      if (tables.some((t) => slotAt(t, ax, ay) >= 0)) continue;
      const k = `${key(r.text)}@${Math.round(r.x0)}@${Math.round(r.y)}`;
      let e = at.get(k);
      if (!e) at.set(k, (e = { pages: new Set(), runs: [] }));
      e.pages.add(p);
      e.runs.push(r);
    }
  });
  const need = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...at.values()].filter((e) => e.pages.size >= need).flatMap((e) => e.runs));
}

/** Claims the runs outside every table that belong to a cut cell (see the module comment); runs in `furniture` never. */
export function claimSpills(loose: readonly Run[], tables: readonly Table[], carried: readonly Carried[], furniture: ReadonlySet<Run> = new Set(), goesOn = true): Claimed {
  const perCell: Claimed["perCell"] = tables.map((t) => t.cells.map(() => []));
  const through: Claimed["through"] = [];
  // A run goes to the first target that wants it; each target's runs are checked line by line at the end.
  const wanted = new Set<Run>();
  const pending = new Map<string, { runs: Run[]; apply: (runs: Run[]) => void }>();
  const want = (key: string, r: Run, apply: (runs: Run[]) => void) => {
    if (wanted.has(r) || furniture.has(r)) return;
    wanted.add(r);
    let p = pending.get(key);
    if (!p) pending.set(key, (p = { runs: [], apply }));
    p.runs.push(r);
  };

  // Below the lowest table, under a cell open at its foot.
  let lowest = -1;
  tables.forEach((t, i) => {
    if (lowest < 0 || t.box[1] < tables[lowest]!.box[1]) lowest = i;
  });
  if (lowest >= 0 && goesOn) {
    const t = tables[lowest]!;
    const open = t.cells.map((c, ci) => ({ c, ci })).filter(({ c }) => c.openBelow);
    for (const r of loose) {
      if (runAnchor(r)[1] >= t.box[1]) continue;
      const hit = open.find(({ c }) => within(r, c.box));
      if (hit) want(`${lowest}:${hit.ci}`, r, (runs) => perCell[lowest]![hit.ci]!.push(...runs));
    }
  }

  // Above the first table covering a column the page before left open.
  for (const c of carried) {
    let cover = -1;
    tables.forEach((t, i) => {
      if (overlaps(t.box, c.frame) && (cover < 0 || t.box[3] > tables[cover]!.box[3])) cover = i;
    });
    const top = cover >= 0 ? tables[cover]!.box[3] : -Infinity;
    // The covering table's cell that goes on from the page before, if its top row has one in this column.
    const t = cover >= 0 ? tables[cover]! : undefined;
    const ci = t ? t.cells.findIndex((cell) => cell.row === 0 && cell.openAbove && overlaps(cell.box, c.frame)) : -1;
    const entry = ci < 0 ? { carried: c, runs: [] as Run[], closed: cover >= 0 } : undefined;
    if (entry) through.push(entry);
    for (const r of loose) {
      if (runAnchor(r)[1] <= top || !within(r, c.frame)) continue;
      if (ci >= 0) want(`${cover}:${ci}`, r, (runs) => perCell[cover]![ci]!.push(...runs));
      else want(`through:${through.length - 1}`, r, (runs) => entry!.runs.push(...runs));
    }
  }

  // Lines shaped like a page number or a title are not a cell's text.
  const taken = new Set<Run>();
  for (const p of pending.values()) {
    const keep = toLines(p.runs).filter((line) => {
      const text = lineText(line);
      return !isPageNumber(text) && !FORM_LINE.test(text);
    });
    const runs = keep.flat();
    for (const r of runs) taken.add(r);
    p.apply(runs);
  }
  // A column a table covers needs no piece of its own when nothing stood above that table.
  return { rest: loose.filter((r) => !taken.has(r)), perCell, through: through.filter((t) => !t.closed || t.runs.length > 0) };
}

/**
 * True when a page opens with a form's title above its first table (or has
 * a title and no table): the page before ended its table there, so nothing
 * of that page's cells goes on here (a table's last row unruled at its foot
 * is then just unruled, and the text under it, a signature line or a note,
 * is no cell's).
 */
export function opensWithTitle(runs: readonly Run[], tables: readonly Table[]): boolean {
  const top = Math.max(-Infinity, ...tables.map((t) => t.box[3]));
  return toLines(runs.filter((r) => runAnchor(r)[1] > top || tables.length === 0)).some((l) => /自评表/u.test(lineText(l)));
}

/** Baselines of one cell's wrapped lines stand at most this many ems apart. */
const LINE_PITCH = 1.6;

/**
 * Chromium continues a cut cell's text at the top of its fragment on the next
 * page; when the fragment is a sliver shorter than a line, the text overflows
 * it and is painted over the row below, where the runs land in that row's
 * cells (度指 / 标 in the 总分 row under a 4-point fragment of 服务对象满意度指标).
 * A line that reaches up into a fragment continued from the page before
 * (openAbove, in the table's first grid row), and the lines stacked under it
 * at the line pitch in the fragment's column in that same cell, are the fragment's: moved to it
 * in `perCell`. A row's own text starts below its top rule, so it never
 * reaches into the row above.
 */
export function claimOverflow(tables: readonly Table[], perCell: Run[][][]): void {
  tables.forEach((t, ti) => {
    if (!t.openTop) return;
    t.cells.forEach((frag, fi) => {
      if (frag.row !== 0 || !frag.openAbove) return;
      const bottom = frag.box[1];
      const others: { r: Run; ci: number }[] = [];
      t.cells.forEach((c, ci) => {
        if (ci === fi || c.row === 0) return;
        for (const r of perCell[ti]![ci]!) if (within(r, frag.box)) others.push({ r, ci });
      });
      others.sort((a, b) => b.r.y - a.r.y);
      const taken: { r: Run; ci: number }[] = [];
      let lastY = NaN;
      for (const o of others) {
        const reaches = runBox(o.r)[3] > bottom;
        // Overflow covers the row under the fragment, not the rows under that.
        const stacked = taken.length > 0 && o.ci === taken[0]!.ci && lastY - o.r.y <= LINE_PITCH * o.r.size;
        if (!reaches && !stacked) break;
        taken.push(o);
        lastY = o.r.y;
      }
      for (const { r, ci } of taken) {
        const list = perCell[ti]![ci]!;
        list.splice(list.indexOf(r), 1);
        perCell[ti]![fi]!.push(r);
      }
    });
  });
}

/** The cells open at a page's foot: those of its last table that run into the bottom edge, and columns no table closed. */
export function openAtFoot(rows: readonly PageRow[]): PageCell[] {
  const last = Math.max(-1, ...rows.map((r) => r.table));
  return rows.flatMap((r) => (r.table === last && last >= 0) || r.through ? r.cells.filter((c) => c.continuesBelow) : []);
}

/** The cells of a page open at its foot, as the next page's assembly needs them. */
export function carriedFrom(rows: readonly PageRow[]): Carried[] {
  return openAtFoot(rows).map((c) => ({ frame: c.frame, col: c.col }));
}

/** Text of a cell from its lines: spill lines (not yet joined) left out unless `all`. */
export function textOf(lines: readonly CellLine[], all = false): string {
  const kept = all ? lines : lines.filter((l) => !l.spill);
  return joinLines(kept.map((l) => l.text), kept.map((l) => l.brk));
}

/**
 * Joins every cell's spill lines left after furniture into its text (they
 * stop being spill). Mutates and returns `pages`.
 */
export function joinSpills(pages: PageRow[][]): PageRow[][] {
  for (const rows of pages) {
    for (const r of rows) {
      for (const c of r.cells) {
        if (!c.lines?.some((l) => l.spill)) continue;
        c.text = textOf(c.lines, true);
        c.lines = c.lines.map((l) => ({ text: l.text, brk: l.brk, box: l.box }));
      }
    }
  }
  return pages;
}
