/**
 * `pdftotext -layout` text as a Sheet.
 *
 * pdftotext prints each text line of the page at its position: columns become
 * runs of spaces, and a table row whose cells wrap spreads over several lines,
 * each cell's lines vertically centred (or top-aligned) around the row. Merged
 * label cells (一级指标 over a whole group of rows) land mid-span, their pieces
 * (满意/度指/标) interleaved with neighbouring rows. This module re-assembles
 * what pdftotext split:
 *
 * 1. Lines are cut into chunks at runs of two or more spaces, at a single
 *    space where two cells merely touch (between Han characters, after a
 *    closing parenthesis, between columns of numbers), and where a squeezed
 *    neighbouring column starts (pdf/layout/chunks.ts).
 * 2. In an indicator table (from its 三级指标 header to 总分) the pieces of the
 *    level-1 and level-2 labels are taken out by column and joined until they
 *    read as a whole label: …指标, or a subtotal in parentheses (pdf/layout/levels.ts).
 * 3. Core lines carry a value (a number, a measure, a dash) or three short
 *    cells; core lines that touch without overlapping columns are one row (a
 *    row whose wrapped cells straddle its middle line); the goal texts under
 *    预期目标 are one row; every other line is a fragment and joins the nearest
 *    core row, cell by overlapping columns (pdf/layout/rows.ts).
 *    Numbers wrapped around a one-line label's line (100. / 总分 / 00) go into
 *    that label's row (layout/straddle.ts).
 * 4. A level cell cut by a page break and printed on both pages is one label
 *    whose group crosses the break (layout/levels.ts). A level label goes to the first row of its group: top-aligned labels start
 *    it; centred ones sit in its middle, the groups tiling the rows, chosen by
 *    dynamic programming; a group cut by a page break carries its label on its
 *    first fragment only (pdf/layout/levels.ts).
 * 5. Row-group labels printed over several rows (年度/总体/目标, 项目资金/(万元))
 *    are completed and moved to their header row; text cells take the column of
 *    the header above them (pdf/layout/labels.ts).
 * 6. An indicator row's measure wrapped onto a line of its own, without 分值/得分,
 *    joins the row it goes on from (layout/continuations.ts); where a table's
 *    rows still lose their shape, every row from there on may be one row off,
 *    and a `layout.inferred-rows` warning quotes them (layout/shifted.ts).
 *
 * Page furniture (page numbers, a running header on the first line of each
 * page) is dropped. `line` is the source line of a row's first line; `col` is
 * the character column where the cell starts, moved right under a header cell
 * it stands beneath (headers are centred, texts left-aligned).
 */
import type { Diagnostic } from "../model/diagnostic.js";
import type { DroppedText } from "../model/ledger.js";
import type { Cell, Row, Sheet } from "../model/sheet.js";
import { joinLines } from "./pdf/join.js";
import { chunksOf, joinSplitHeaders, splitAtColumns, splitValues } from "./pdf/layout/chunks.js";
import { dropFurniture } from "./pdf/layout/furniture.js";
import { joinWrappedHeaders } from "./layout/headers.js";
import { dropRepeatedHeaderLines } from "./pdf/layout/repeats.js";
import { alignUnderHeaders, completeWrappedLabels, hoistGroupLabels } from "./pdf/layout/labels.js";
import { placeLevels, takeLevelPieces } from "./pdf/layout/levels.js";
import type { Chunk, Doubt, Draft, Piece } from "./pdf/layout/model.js";
import { buildRows } from "./pdf/layout/rows.js";
import { CJK_GAP } from "./pdf/layout/vocabulary.js";
import { alignFundingValues } from "./layout/columns.js";
import { dropRepeatedGroupLabels } from "./layout/labels.js";
import { joinReprintedLevels } from "./layout/levels.js";
import { joinWrappedNumbers } from "./layout/numbers.js";
import { joinStraddlingValues } from "./layout/straddle.js";
import { joinWrappedMeasureRows } from "./layout/continuations.js";
import { shiftedFunding, shiftedRows } from "./layout/shifted.js";
import { doubtSubtotals } from "./layout/subtotals.js";
import { doubtNesting } from "./layout/nesting.js";

/**
 * True for text that looks like `pdftotext -layout` output: no tabs, and
 * columns separated by runs of two or more spaces on a good share of its lines
 * (on a few, when form feeds mark its pages as pdftotext does).
 */
export function isLayoutText(text: string): boolean {
  if (text.includes("\t")) return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) return false;
  const columned = lines.filter((l) => / {2,}\S/.test(l.trimStart())).length;
  // pdftotext ends every page with a form feed: with one, a few columned lines suffice
  // (narrow tables wrap most cells onto lines of their own).
  const threshold = text.includes("\f") ? 2 : Math.max(2, lines.length * 0.2);
  return columned >= threshold;
}

/**
 * Reads `pdftotext -layout` output into a Sheet (kind "text-layout"); form
 * feeds separate pages. `diagnostics` holds a `layout.inferred-*` warning for
 * every cell placed by position where the positions did not settle it,
 * quoting that cell.
 */
export function layoutTextToSheet(text: string, source: string): Sheet & { diagnostics: Diagnostic[] } {
  const raw = text.replace(/^\ufeff/, "").split(/\r?\n/);
  let page = 1;
  const lines: Chunk[][] = raw.map((l, i) => {
    let line = l;
    while (line.includes("\f")) {
      page++;
      line = line.replace("\f", "");
    }
    return joinSplitHeaders(chunksOf(line, i + 1, page).flatMap(splitValues));
  });
  const furniture: DroppedText[] = [];
  const kept = joinWrappedHeaders(splitAtColumns(joinWrappedNumbers(dropRepeatedHeaderLines(dropFurniture(lines, furniture), furniture))));
  const doubts: Doubt[] = [];
  const rows = assemble(kept, furniture, doubts);
  const cellOf = new Map<Piece, Cell>();
  const sheetRows: Row[] = dropRepeatedHeaders(rows.map((d) => toRow(d, cellOf)), furniture);
  // pdftotext ends every page with a form feed, the last one too: count pages that hold text.
  const pages = Math.max(1, ...lines.flat().map((c) => c.page));
  const filled = sheetRows.filter((r) => r.cells.length > 0);
  const formOf = formsOfCells(filled);
  const diagnostics = [...doubtDiagnostics(doubts, cellOf, formOf), ...shiftedFunding(filled, (c) => formOf.get(c)!), ...shiftedRows(filled, (c) => formOf.get(c)!)];
  return { source, kind: "text-layout", pages, rows: filled, furniture, diagnostics };
}

/** A form's title cell: every form begins with one (自评表 ends it, the year may lead it). */
const TITLE = /自评表$/u;

/** The form each cell stands in: forms are counted by their title rows, as the grammar begins a form at its title. */
function formsOfCells(rows: Row[]): Map<Cell, number> {
  const formOf = new Map<Cell, number>();
  let form = 0;
  for (const r of rows) {
    if (r.cells.some((c) => TITLE.test(c.text.replace(/\s+/g, "")))) form++;
    for (const c of r.cells) formOf.set(c, Math.max(1, form));
  }
  return formOf;
}

/** One warning per doubted cell, with the form it stands in. */
function doubtDiagnostics(doubts: Doubt[], cellOf: Map<Piece, Cell>, formOf: Map<Cell, number>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of doubts) {
    const cell = cellOf.get(d.piece);
    const key = cell && `${d.code}\t${cell.page}:${cell.line}:${cell.col}`;
    if (!cell || seen.has(key!)) continue;
    seen.add(key!);
    const at = { line: cell.line!, cell: cell.col, page: cell.page };
    out.push({ code: d.code, severity: "warning", message: `"${cell.text}": ${d.why}`, ...at, form: formOf.get(cell)!, quotes: [{ text: cell.text, ...at }] });
  }
  return out;
}

/**
 * A table header printed again at the top of a continuation page (一级指标 …
 * 三级指标 …) is not content: dropped when it repeats the form's header row.
 */
function dropRepeatedHeaders(rows: Row[], dropped: DroppedText[]): Row[] {
  let seen: string | undefined;
  return rows.filter((r) => {
    const key = r.cells.map((c) => c.text.replace(/\s+/g, "")).join("\t");
    if (/自评表/.test(key)) seen = undefined;
    if (!key.includes("三级指标")) return true;
    if (key === seen) {
      for (const c of r.cells) dropped.push({ text: c.text, kind: "repeated-header", page: c.page, line: c.line! });
      return false;
    }
    seen = key;
    return true;
  });
}

function toRow(d: Draft, cellOf: Map<Piece, Cell>): Row {
  const line = Math.min(...d.lines) + 1;
  const cells: Cell[] = [];
  const pieces = [...d.pieces];
  for (const [, p] of d.levels) pieces.push(p);
  pieces.sort((a, b) => a.c0 - b.c0);
  for (const p of pieces) {
    // As in the PDF path, a space between two CJK characters is layout, not content.
    const text = joinLines(p.chunks.sort((a, b) => a.line - b.line || a.c0 - b.c0).map((c) => c.text)).replace(CJK_GAP, "");
    if (!text) continue;
    const cell: Cell = { text, col: p.c0, page: d.page, line };
    cells.push(cell);
    cellOf.set(p, cell);
  }
  return { page: d.page, line, cells };
}

/** Steps 2–5 of the module comment. */
function assemble(lines: Chunk[][], furniture: DroppedText[], doubts: Doubt[]): Draft[] {
  const levels = takeLevelPieces(lines);
  const drafts = joinWrappedMeasureRows(levels, joinStraddlingValues(buildRows(lines)));
  joinReprintedLevels(levels, drafts, furniture);
  // A level label no row takes stays a row of its own: the grammar then reports it, never loses it.
  const left = placeLevels(levels, drafts, doubts);
  doubtSubtotals(levels, drafts, doubts);
  doubtNesting(levels, drafts, doubts);
  if (left.length) {
    // A label no group took says the groups were not found where the labels stand: each label
    // of its table was placed on that failed reading.
    for (const table of levels) {
      if (!table.levels.some((l) => left.includes(l.piece))) continue;
      for (const l of table.levels) {
        if (!left.includes(l.piece)) doubts.push({ code: "layout.inferred-level", piece: l.piece, why: "a level label of this table fits no group of rows (it stands as a row of its own), so the groups the other labels were given are a guess" });
      }
    }
    for (const piece of left) {
      const first = piece.chunks[0]!;
      drafts.push({ lines: piece.chunks.map((c) => c.line - 1), page: first.page, pieces: [piece], levels: new Map() });
    }
    drafts.sort((a, b) => Math.min(...a.lines) - Math.min(...b.lines));
  }
  completeWrappedLabels(drafts, furniture);
  dropRepeatedGroupLabels(drafts, furniture);
  hoistGroupLabels(drafts);
  alignUnderHeaders(drafts);
  alignFundingValues(drafts, doubts);
  return drafts;
}
