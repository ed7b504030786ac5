/**
 * Rows of pdftotext text (step 3 of the re-assembly).
 */
import { overlaps, pieceText, shared, type Chunk, type Draft, type Piece } from "./model.js";
import { HEADERS, isValue, unbalanced, UNIT, VALUE, YEAR_LINE } from "./vocabulary.js";

/** A piece of running text: three Han characters or more, nothing else. */
const TEXT = /^\p{Script=Han}{3,}$/u;

/** Labels of the header rows whose value cells wrap around them. */
const ROW_LABELS = new Set(["项目名称", "主管部门", "实施单位"]);

/**
 * Rows from lines (step 3): core lines carry a value or three cells; touching
 * core lines with disjoint columns are one row; goal texts are one row; every
 * other line is a fragment and joins the nearest core row, cell by overlapping
 * columns. Returns the rows top to bottom.
 */
export function buildRows(lines: Chunk[][]): Draft[] {
  const n = lines.length;
  // Core lines: values, or three cells or more none of which is running text (a goal's
  // wrapped lines beside its label are text, not a row of their own).
  const goal = goalLines(lines);
  splitGoalColumns(lines, goal);
  // A line of one chunk is never a core: a lone number is a wrapped piece (2,584.5 / 2).
  // A line of nothing but header rows' labels (主管部门 … 实施单位) is that row's middle line:
  // its values wrapped and straddle it (某市卫生健康委员 / 主管部门 / 会).
  // Short cells that all continue the cells of the line above or below (units and notes wrapped
  // below a row: (次) (次) 完成) are that row's fragments, not a row of three cells.
  const continued = (i: number) => lines[i]!.every((c) => [-1, -2, 1, 2].some((d) => {
    const k = i + d;
    const between = d === -2 ? i - 1 : d === 2 ? i + 1 : i;
    return (lines[k]?.length ?? 0) > 0 && (lines[between]?.length ?? 0) > 0 && lines[k]!.some((o) => overlaps(o, c));
  }));
  const core = lines.map((cs, i) => !goal[i] && (cs.length > 0 && cs.every((c) => ROW_LABELS.has(c.text.replace(/\s+/g, ""))) ||
    cs.length > 1 && (cs.some(isValue) || (cs.length >= 3 && cs.every((c) => Array.from(c.text).length <= 16) && !continued(i)))));
  // Rows from core lines; touching core lines with disjoint columns are one row.
  const rowOf = new Array<Draft | undefined>(n);
  const drafts: Draft[] = [];
  for (let i = 0; i < n; i++) {
    if (!core[i]) continue;
    const prev = i > 0 ? rowOf[i - 1] : undefined;
    const cs = lines[i]!;
    const disjoint = cs.every((c) => prev?.pieces.every((p) => !overlaps(p, c)));
    // Lines of wrapped text (no values) whose every chunk continues a cell of the row above.
    // (A short label piece beside them, 年度总体目标 printed mid-block, does not count.)
    const texts = cs.filter((c) => Array.from(c.text).length > 6);
    const wrapped = !!prev && texts.length > 0 && !cs.some(isValue) && !prev.pieces.some((p) => p.chunks.some(isValue)) &&
      texts.every((c) => prev.pieces.some((p) => overlaps(p, c)));
    const headerLine = cs.some((c) => HEADERS.has(c.text.replace(/\s+/g, "")));
    if (prev && core[i - 1] && !headerLine && !continuesHeader(prev, cs) && (disjoint || wrapped)) {
      addChunks(prev, cs);
      prev.lines.push(i);
      rowOf[i] = prev;
    } else {
      const d: Draft = { lines: [i], page: cs[0]!.page, pieces: [], levels: new Map() };
      addChunks(d, cs);
      drafts.push(d);
      rowOf[i] = d;
    }
  }
  // Fragment lines join the nearest core row (two lines away at most), else stand alone.
  let goalRow: Draft | undefined;
  for (let i = 0; i < n; i++) {
    const cs = lines[i]!;
    if (core[i] || cs.length === 0) continue;
    // The goal texts under 预期目标 / 实际完成情况, with the 年度/总体/目标 pieces beside them, are one row.
    if (goal[i]) {
      // A goal cut by a page break goes on on the next page: its region (goalLines) spans the break.
      if (goalRow && goal[goalRow.lines[0]!] === goal[i]) {
        addChunks(goalRow, cs);
      } else {
        goalRow = { lines: [i], page: cs[0]!.page, pieces: [], levels: new Map() };
        addChunks(goalRow, cs);
        drafts.push(goalRow);
      }
      rowOf[i] = goalRow;
      continue;
    }
    // A line holding nothing but the year line ((2023年度)) is the form's year row, never a
    // wrapped piece of the row beside it (自评总分 | 92 printed right under it).
    const yearLine = cs.length === 1 && YEAR_LINE.test(cs[0]!.text);
    const isHeader = yearLine || cs.some((c) => HEADERS.has(c.text.replace(/\s+/g, "")));
    const target = isHeader ? undefined : nearestRow(i, cs, lines, rowOf, core);
    if (target) {
      addChunks(target, cs);
      continue;
    }
    const above = i > 0 ? rowOf[i - 1] : undefined;
    const standalone = (t: string) => /自评表/.test(t) || YEAR_LINE.test(t);
    // A lone label between two rows of a core-less block (年度总体目标 between its header and text) joins the row above
    // (never a form's title: 评分等级 优 at a page's foot, the next form's title atop the next page).
    if (!isHeader && above && above.pieces.length >= 2 && cs.length === 1 && !standalone(cs[0]!.text) && !above.pieces.some((p) => overlaps(p, cs[0]!))) {
      addChunks(above, cs);
      rowOf[i] = above;
      continue;
    }
    // Consecutive lines of text with no core (a goal's wrapped texts) are one row.
    if (!isHeader && above && i > 0 && !core[i - 1] && !above.pieces.some((p) => HEADERS.has(pieceText(p)) || standalone(pieceText(p))) &&
      !cs.some((c) => standalone(c.text))) {
      addChunks(above, cs);
      rowOf[i] = above;
      continue;
    }
    const d: Draft = { lines: [i], page: cs[0]!.page, pieces: [], levels: new Map() };
    addChunks(d, cs);
    drafts.push(d);
    rowOf[i] = d;
  }
  return drafts.sort((a, b) => a.lines[0]! - b.lines[0]!);
}


/**
 * Lines of goal text: after the line holding the 预期目标 header, up to the
 * indicator table's header (一级…/三级指标) or the next 项目名称.
 */
function goalLines(lines: Chunk[][]): number[] {
  const goal = lines.map(() => 0);
  for (let g = 0; g < lines.length; g++) {
    if (!lines[g]!.some((c) => c.text === "预期目标")) continue;
    for (let i = g + 1; i < lines.length; i++) {
      // Goal lines hold a label piece and two texts at most: a wider line is the next table's
      // header, whatever its words (指标类别 / 指标细类 / 指标名称 …).
      if (lines[i]!.length >= 4 || lines[i]!.some((c) => /^一级|^二级|^三级指标$|^项目名称$|自评表/.test(c.text))) break;
      goal[i] = g + 1; // the region's id: its header line, 1-based
    }
  }
  return goal;
}

/** Width of a text in ems as pdftotext sets it: Han and full-width one, anything else half. */
function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u.test(ch) ? 1 : 0.5;
  return w;
}

/**
 * pdftotext squeezes the two goal texts side by side until one space parts
 * them; where the left line ends in ", " that space cannot be told from the
 * text's own (…制高点, 新格局…), and the right text's column shifts from line
 * to line. So in each goal region: the left text starts at the first column
 * where two text chunks start, the right text at the column where most of
 * the others start; a chunk starting at the left column and running past the
 * right one is cut at the space that leaves the widest left part no wider
 * (by an em) than the left text's complete lines; on a line holding left
 * text, whatever follows it is right text (pdftotext may have set it a few
 * columns left of its column, or cut it at a column of the lines around:
 * 功能, | 激发…), one chunk moved to the right text's column.
 */
function splitGoalColumns(lines: Chunk[][], goal: number[]): void {
  for (const g of new Set(goal.filter((r) => r > 0))) {
    const idx = goal.flatMap((r, i) => (r === g ? [i] : []));
    const texts = idx.flatMap((i) => lines[i]!).filter((c) => Array.from(c.text).length > 6);
    const counts = new Map<number, number>();
    for (const c of texts) counts.set(c.c0, (counts.get(c.c0) ?? 0) + 1);
    const cols = [...counts].filter(([, n]) => n >= 2).sort((a, b) => a[0] - b[0]);
    const left = cols[0]?.[0];
    if (left === undefined) continue;
    const right = cols.filter(([c]) => c > left + 4).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
    if (right === undefined) continue;
    const full = Math.max(0, ...texts.filter((c) => c.c0 === left && c.c1 < right).map((c) => emWidth(c.text)));
    if (full === 0) continue;
    for (const i of idx) {
      const parts = lines[i]!.flatMap((c) => {
        if (c.c0 !== left || c.c1 <= right) return [c];
        const chars = Array.from(c.text);
        let cut = -1;
        for (let k = 1; k < chars.length - 1; k++) {
          if (chars[k] === " " && emWidth(chars.slice(0, k).join("")) <= full + 1) cut = k;
        }
        if (cut < 0) return [c];
        return [
          { ...c, c1: c.c0 + cut - 1, text: chars.slice(0, cut).join("").trim() },
          { ...c, c0: c.c0 + cut + 1, text: chars.slice(cut + 1).join("").trim() },
        ];
      });
      const at = parts.findIndex((c) => Math.abs(c.c0 - left) <= 1);
      const rest = at >= 0 ? parts.slice(at + 1) : [];
      if (rest.length > 0) {
        const l = parts[at]!;
        const last = rest[rest.length - 1]!;
        parts.splice(at, parts.length - at,
          { ...l, c1: Math.min(l.c1, right - 2) },
          { ...last, c0: right, c1: Math.max(right, last.c1), text: rest.map((c) => c.text).join(" ") });
      }
      lines[i] = parts;
    }
  }
}

/** A header row's cells are complete: a line of text below them starts another row. */
function continuesHeader(row: Draft, cs: Chunk[]): boolean {
  return row.pieces.some((p) => HEADERS.has(pieceText(p))) && cs.some((c) => row.pieces.some((p) => overlaps(p, c)));
}



/** How far left of an open cell a wrapped piece closing its bracket may stand, in columns. */
const OPENER_REACH = 3;

/** Adds chunks to a row: each goes into the piece it overlaps, or starts a new one. */
export function addChunks(d: Draft, cs: Chunk[]): void {
  for (const c of cs) {
    // The piece sharing most columns (squeezed lines make a chunk touch its neighbour too).
    let p: Piece | undefined;
    for (const q of d.pieces) {
      if (!overlaps(q, c) || HEADERS.has(pieceText(q))) continue;
      if (!p || shared(q, c) > shared(p, c)) p = q;
    }
    // A piece that closes a bracket goes on from the cell that opened it, even when squeezed
    // columns make it touch that cell only (1608.00( / 平方米) beside ≤1584.00 / (平方米)), or
    // stand a few columns left of it: pdftotext counts a Han character one column wide, so the
    // second of two wrapped unit tails (人次） 人次）) lands under the first cell.
    if (unbalanced(c.text) < 0 && (!p || unbalanced(pieceText(p)) <= 0)) {
      const openers = d.pieces.filter((q) => q !== p && shared(q, c) >= (p ? -OPENER_REACH : 0) && unbalanced(pieceText(q)) > 0 && !HEADERS.has(pieceText(q)));
      const opener = openers.sort((a, b) => shared(b, c) - shared(a, c))[0];
      if (opener) p = opener;
    }
    // A unit wrapped under a row goes to a number that has none: pdftotext counts a Han character
    // one column wide, so the second of two units ((次) (次)) lands in the first one's columns.
    // Cut from its twin, it may also touch that number without sharing a column with it.
    if (UNIT.test(c.text) && (!p || /[)）]$/u.test(pieceText(p)))) {
      const from = p?.c0 ?? c.c0 - 3;
      const right = d.pieces.filter((q) => q.c0 > from && q.c0 - c.c1 <= 8 && /\d$/u.test(pieceText(q))).sort((a, b) => a.c0 - b.c0)[0];
      if (right) p = right;
    }
    if (p) {
      p.chunks.push(c);
      p.c0 = Math.min(p.c0, c.c0);
      p.c1 = Math.max(p.c1, c.c1);
    } else {
      d.pieces.push({ chunks: [c], c0: c.c0, c1: c.c1 });
    }
  }
}

/** The core row nearest to fragment line i (within two lines, same page); ties go to the row whose cells the fragment overlaps. */
function nearestRow(i: number, cs: Chunk[], lines: Chunk[][], rowOf: (Draft | undefined)[], core: boolean[]): Draft | undefined {
  let best: Draft | undefined;
  let bestScore = Infinity;
  for (let d = 1; d <= 2; d++) {
    for (const j of [i - d, i + d]) {
      const row = rowOf[j];
      if (!row || !lines[j]?.length || row.page !== cs[0]!.page) continue;
      const mid = lines[(i + j) / 2];
      // Never across a blank line, a core line or a header line: only over another fragment.
      if (d === 2 && (!mid?.length || core[(i + j) / 2] || mid.some((c) => HEADERS.has(c.text)))) continue;
      // Only core lines anchor fragments (a fragment row of its own does not).
      if (!core[j]) continue;
      // Running text never goes before a measure (内完成 / ≥1844) nor after one that is whole
      // (80.00（%） / 部分达成指): overlapping such a cell is no evidence, the text goes on from a cell of the other row.
      const measureOnly = (p: Piece) => VALUE.test(pieceText(p)) && (j > i || /[)）%]$/u.test(pieceText(p)));
      const overlap = cs.some((c) => row.pieces.some((p) => overlaps(p, c) && !(TEXT.test(c.text) && measureOnly(p))));
      // Units never go before a measure ((次) (次) above ≥1108 1132.00): they close the row above.
      if (j > i && cs.every((c) => UNIT.test(c.text)) && cs.some((c) => row.pieces.some((p) => overlaps(p, c) && VALUE.test(pieceText(p))))) continue;
      const header = row.pieces.some((p) => HEADERS.has(pieceText(p)) && cs.some((c) => overlaps(p, c)));
      // A cell wrapped around its row leaves pieces on both sides of it (受改建…/计划人数).
      const mirror = (lines[2 * j - i] ?? []).some((m) => !core[2 * j - i] && cs.some((c) => overlaps(m, c)));
      const score = d * 2 - (overlap && !header ? 1 : 0) - (mirror ? 1.5 : 0) + (header ? 4 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = row;
      }
    }
  }
  return bestScore < 4 ? best : undefined;
}

