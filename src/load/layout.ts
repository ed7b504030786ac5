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
 * 1. Lines are cut into chunks at runs of two or more spaces, and at a single
 *    space where two cells merely touch (between Han characters, after a
 *    closing parenthesis before a number or Han).
 * 2. In an indicator table (from its 三级指标 header to 总分) the pieces of the
 *    level-1 and level-2 labels are taken out by column and joined until they
 *    read as a whole label (…指标, or a subtotal in parentheses).
 * 3. Core lines carry a value (a number, a measure, a dash) or three cells; core
 *    lines that touch without overlapping columns are one row (a row whose
 *    wrapped cells straddle the middle line). Every other line is a fragment
 *    and joins the nearest core row, cell by overlapping columns.
 * 4. A level label goes to the first row of its group: with top-aligned labels
 *    that is where it starts; with centred ones the group is the run of rows
 *    centred on the label.
 *
 * Page furniture (page numbers, a running header on the first line of each
 * page) is dropped. `line` is the source line of a row's first line; `col` is
 * the character column where the cell starts, moved right under a header cell
 * it stands beneath (headers are centred, texts left-aligned).
 */
import type { Cell, Row, Sheet } from "../model/sheet.js";
import { isPageNumber } from "./pdf/furniture.js";
import { joinLines } from "./pdf/join.js";

/** A piece of a line: text between runs of spaces, with its character columns. */
interface Chunk {
  line: number;
  page: number;
  c0: number;
  c1: number;
  text: string;
}

/** A cell being assembled: chunks in reading order. */
interface Piece {
  chunks: Chunk[];
  c0: number;
  c1: number;
}

/** A row being assembled. */
interface Draft {
  lines: number[];
  page: number;
  pieces: Piece[];
  /** Level labels placed in this row, by level. */
  levels: Map<1 | 2, Piece>;
}

const HAN = /\p{Script=Han}/u;
/** A space between two CJK characters (Han, CJK punctuation, full-width forms). */
const CJK_GAP = /(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]) (?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])/gu;
/** A number, measure or placeholder: what makes a line a row's core. */
const VALUE = /^(?:[-–—/]|[=≥≤<>＝≧≦＞＜]?\s*\d[\d,]*(?:\.\d+)?(?:\s*[(（][^)）]{0,6}[)）]?|%|[^\s\d.,;:，；：。、]{1,3})?)$/u;
/** Characters of level labels and their pieces (产出/指标, 服务对象满意度指标, (50分)). */
const LEVEL_CHARS = /^[产出效益满意度指标数量质时成本经济社会生态环境可持续影响服务对象其他分值()（）\d]+$/u;
/** The year line under the title: (2023 年度). */
const YEAR_LINE = /^[(（]?\s*\d{4}\s*年度?\s*[)）]?$/u;
/** Header cells that are complete as printed: text below them is another row. */
const HEADERS = new Set(["一级指标", "二级指标", "项目名称", "主管部门", "实施单位", "总分", "评分等级", "预期目标", "实际完成情况", "年初预算数", "全年预算数", "全年执行数", "分值", "分数", "权重", "得分", "执行率(%)", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"]);

/**
 * True for text that looks like `pdftotext -layout` output: no tabs, and
 * columns separated by runs of two or more spaces on a good share of its lines.
 */
export function isLayoutText(text: string): boolean {
  if (text.includes("\t")) return false;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) return false;
  const columned = lines.filter((l) => / {2,}\S/.test(l.trimStart())).length;
  return columned >= Math.max(2, lines.length * 0.2);
}

/** Cuts a line into chunks (see the module comment, step 1). */
function chunksOf(line: string, lineNo: number, page: number): Chunk[] {
  const out: Chunk[] = [];
  const chars = Array.from(line);
  let start = -1;
  const push = (end: number) => {
    const text = chars.slice(start, end).join("").trim();
    if (text) out.push({ line: lineNo, page, c0: start, c1: end - 1, text });
    start = -1;
  };
  for (let i = 0; i <= chars.length; i++) {
    const ch = chars[i];
    if (ch === undefined || ch === " " || ch === "\u3000") {
      if (start < 0) continue;
      const next = chars[i + 1];
      const doubleSpace = ch === undefined || next === undefined || next === " " || next === "\u3000";
      const sofar = chars.slice(start, i).join("");
      // A short Han label piece and the text beside it (年度 1.通过…) are two cells.
      const labelPiece = /^\p{Script=Han}{1,4}$/u.test(sofar) && start <= 4 && /\d/.test(next ?? "");
      if (doubleSpace || touching(chars[i - 1]!, next) || labelPiece) push(i);
      continue;
    }
    if (start < 0) start = i;
  }
  return out;
}

/**
 * Dense exports leave one space between columns of numbers (25.00 24.80 10.00):
 * a chunk is cut before a value that ends it or is followed by another value,
 * so 财政拨款 25.00 splits and 开放 30 周年 does not.
 */
function splitValues(chunk: Chunk): Chunk[] {
  const words = chunk.text.split(" ");
  if (words.length < 2 || !words.some((w) => VALUE.test(w))) return [chunk];
  const out: Chunk[] = [];
  let cur: string[] = [];
  let c0 = chunk.c0;
  let pos = chunk.c0;
  words.forEach((w, k) => {
    const valueRun = VALUE.test(w) && words.slice(k + 1).every((x) => VALUE.test(x));
    if (cur.length > 0 && (valueRun || VALUE.test(words[k - 1]!) && words.slice(k).every((x) => VALUE.test(x)))) {
      out.push({ ...chunk, c0, c1: pos - 2, text: cur.join(" ") });
      cur = [];
      c0 = pos;
    }
    cur.push(w);
    pos += Array.from(w).length + 1;
  });
  out.push({ ...chunk, c0, c1: chunk.c1, text: cur.join(" ") });
  return out;
}

/** Two pieces of one header printed side by side (全年执 行数) are one cell. */
function joinSplitHeaders(cs: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of cs) {
    const prev = out[out.length - 1];
    if (prev && !HEADERS.has(prev.text) && !HEADERS.has(c.text) && HEADERS.has(prev.text + c.text)) {
      out[out.length - 1] = { ...prev, c1: c.c1, text: prev.text + c.text };
    } else out.push(c);
  }
  return out;
}

/** A single space between these two characters separates two cells. */
function touching(before: string, after: string): boolean {
  if (HAN.test(before) && HAN.test(after)) return true;
  if (/[)）]/.test(before) && (HAN.test(after) || /[\d=≥≤<>＝≧≦]/.test(after))) return true;
  if (HAN.test(before) && /[=≥≤<>＝≧≦＞＜]/.test(after)) return true;
  return false;
}

const isValue = (c: Chunk) => VALUE.test(c.text);
/** Columns shared by two chunks; merely touching (pdftotext squeezes wide Han text) does not count. */
const overlaps = (a: { c0: number; c1: number }, b: { c0: number; c1: number }) => a.c0 < b.c1 && b.c0 < a.c1 || (a.c0 === b.c0);

/**
 * pdftotext squeezes two wide text columns until one space separates them
 * (…为指导, 落实十二届…). Where at least two of the lines up to three above and
 * below (not across a blank line) start a chunk at one column, a chunk of this line that has a space
 * right before that column is cut there.
 */
function splitAtColumns(lines: Chunk[][]): Chunk[][] {
  return lines.map((cs, i) => {
    // Neighbours within three lines, not across a blank line (another row's columns).
    const near: Chunk[][] = [];
    for (let k = i - 1; k >= Math.max(0, i - 3) && lines[k]!.length > 0; k--) near.push(lines[k]!);
    for (let k = i + 1; k <= Math.min(lines.length - 1, i + 3) && lines[k]!.length > 0; k++) near.push(lines[k]!);
    const starts = new Map<number, number>();
    for (const l of near) for (const c of l) starts.set(c.c0, (starts.get(c.c0) ?? 0) + 1);
    const out: Chunk[] = [];
    for (const c of cs) {
      let rest = c;
      if (/自评表/.test(c.text) || YEAR_LINE.test(c.text)) {
        out.push(c);
        continue;
      }
      for (const [col, n] of [...starts].sort((a, b) => a[0] - b[0])) {
        if (n < 2 || col <= rest.c0 + 1 || col > rest.c1) continue;
        const chars = Array.from(rest.text);
        const at = col - rest.c0;
        if (chars[at - 1] !== " " || chars[at] === " ") continue;
        out.push({ ...rest, c1: col - 2, text: chars.slice(0, at - 1).join("") });
        rest = { ...rest, c0: col, text: chars.slice(at).join("") };
      }
      out.push(rest);
    }
    return out;
  });
}

/** Drops page numbers and running headers (the first line of pages, repeated). */
function dropFurniture(lines: Chunk[][]): Chunk[][] {
  const firstOfPage = new Map<number, number>();
  lines.forEach((cs, i) => {
    const c = cs[0];
    if (c && !firstOfPage.has(c.page)) firstOfPage.set(c.page, i);
  });
  const edge = new Set<number>(firstOfPage.values());
  lines.forEach((cs, i) => {
    const next = lines.slice(i + 1).find((l) => l.length > 0);
    if (cs.length > 0 && (!next || next[0]!.page !== cs[0]!.page)) edge.add(i);
  });
  const key = (cs: Chunk[]) => cs.map((c) => c.text).join("").replace(/\d+/g, "#");
  const counts = new Map<string, number>();
  for (const i of firstOfPage.values()) counts.set(key(lines[i]!), (counts.get(key(lines[i]!)) ?? 0) + 1);
  const pages = firstOfPage.size;
  return lines.map((cs, i) => {
    const text = cs.map((c) => c.text).join(" ");
    // A bare number is a page number only as a page's first or last line; elsewhere it is a
    // wrapped piece of a cell (2,584.5 / 2). Decorated numbers (- 2 -, 第 2 页) go anywhere.
    const bare = /^\d+$/.test(text.trim());
    if (cs.length > 0 && isPageNumber(text) && (!bare || edge.has(i))) return [];
    if (firstOfPage.get(cs[0]?.page ?? -1) === i && !/自评表/.test(text)) {
      const repeated = pages >= 2 && (counts.get(key(cs)) ?? 0) >= Math.max(2, Math.ceil(pages / 2));
      // A single page: a line above the form's title in the first lines is a header.
      const aboveTitle = lines.slice(i + 1, i + 6).some((l) => l.some((c) => /自评表/.test(c.text)));
      if (repeated || aboveTitle) return [];
    }
    return cs;
  });
}

/**
 * Reads `pdftotext -layout` output into a Sheet (kind "text-layout"); form
 * feeds separate pages.
 */
export function layoutTextToSheet(text: string, source: string): Sheet {
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
  const kept = splitAtColumns(dropFurniture(lines));
  const rows = assemble(kept);
  const sheetRows: Row[] = dropRepeatedHeaders(rows.map((d) => toRow(d)));
  // pdftotext ends every page with a form feed, the last one too: count pages that hold text.
  const pages = Math.max(1, ...lines.flat().map((c) => c.page));
  return { source, kind: "text-layout", pages, rows: sheetRows.filter((r) => r.cells.length > 0) };
}

/**
 * A table header printed again at the top of a continuation page (一级指标 …
 * 三级指标 …) is not content: dropped when it repeats the form's header row.
 */
function dropRepeatedHeaders(rows: Row[]): Row[] {
  let seen: string | undefined;
  return rows.filter((r) => {
    const key = r.cells.map((c) => c.text.replace(/\s+/g, "")).join("\t");
    if (/自评表/.test(key)) seen = undefined;
    if (!key.includes("三级指标")) return true;
    if (key === seen) return false;
    seen = key;
    return true;
  });
}

function toRow(d: Draft): Row {
  const line = Math.min(...d.lines) + 1;
  const cells: Cell[] = [];
  const pieces = [...d.pieces];
  for (const [, p] of d.levels) pieces.push(p);
  pieces.sort((a, b) => a.c0 - b.c0);
  for (const p of pieces) {
    // As in the PDF path, a space between two CJK characters is layout, not content.
    const text = joinLines(p.chunks.sort((a, b) => a.line - b.line || a.c0 - b.c0).map((c) => c.text)).replace(CJK_GAP, "");
    if (text) cells.push({ text, col: p.c0, page: d.page, line });
  }
  return { page: d.page, line, cells };
}

/** Steps 2–4 of the module comment. */
function assemble(lines: Chunk[][]): Draft[] {
  const levelPieces = takeLevelPieces(lines);
  const n = lines.length;
  // Core lines: values, or three cells or more none of which is running text (a goal's
  // wrapped lines beside its label are text, not a row of their own).
  const goal = goalLines(lines);
  // A line of one chunk is never a core: a lone number is a wrapped piece (2,584.5 / 2).
  const core = lines.map((cs, i) => !goal[i] && cs.length > 1 && (cs.some(isValue) || (cs.length >= 3 && cs.every((c) => Array.from(c.text).length <= 16))));
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
      if (goalRow && goal[goalRow.lines[0]!] === goal[i] && goalRow.page === cs[0]!.page) {
        addChunks(goalRow, cs);
      } else {
        goalRow = { lines: [i], page: cs[0]!.page, pieces: [], levels: new Map() };
        addChunks(goalRow, cs);
        drafts.push(goalRow);
      }
      rowOf[i] = goalRow;
      continue;
    }
    const isHeader = cs.some((c) => HEADERS.has(c.text.replace(/\s+/g, "")));
    const target = isHeader ? undefined : nearestRow(i, cs, lines, rowOf, core);
    if (target) {
      addChunks(target, cs);
      continue;
    }
    const above = i > 0 ? rowOf[i - 1] : undefined;
    // A lone label between two rows of a core-less block (年度总体目标 between its header and text) joins the row above.
    if (!isHeader && above && above.pieces.length >= 2 && cs.length === 1 && !above.pieces.some((p) => overlaps(p, cs[0]!))) {
      addChunks(above, cs);
      rowOf[i] = above;
      continue;
    }
    // Consecutive lines of text with no core (a goal's wrapped texts) are one row.
    const standalone = (t: string) => /自评表/.test(t) || YEAR_LINE.test(t);
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
  drafts.sort((a, b) => a.lines[0]! - b.lines[0]!);
  placeLevels(levelPieces, drafts);
  completeWrappedLabels(drafts);
  hoistGroupLabels(drafts);
  alignUnderHeaders(drafts);
  return drafts;
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
      if (lines[i]!.some((c) => /^一级|^二级|^三级指标$|^项目名称$|自评表/.test(c.text))) break;
      goal[i] = g + 1; // the region's id: its header line, 1-based
    }
  }
  return goal;
}

/** A header row's cells are complete: a line of text below them starts another row. */
function continuesHeader(row: Draft, cs: Chunk[]): boolean {
  return row.pieces.some((p) => HEADERS.has(pieceText(p))) && cs.some((c) => row.pieces.some((p) => overlaps(p, c)));
}

function pieceText(p: Piece): string {
  return [...p.chunks].sort((a, b) => a.line - b.line || a.c0 - b.c0).map((c) => c.text).join("").replace(/\s+/g, "");
}

function shared(a: { c0: number; c1: number }, b: { c0: number; c1: number }): number {
  return Math.min(a.c1, b.c1) - Math.max(a.c0, b.c0);
}

/** Adds chunks to a row: each goes into the piece it overlaps, or starts a new one. */
function addChunks(d: Draft, cs: Chunk[]): void {
  for (const c of cs) {
    // The piece sharing most columns (squeezed lines make a chunk touch its neighbour too).
    let p: Piece | undefined;
    for (const q of d.pieces) {
      if (!overlaps(q, c) || HEADERS.has(pieceText(q))) continue;
      if (!p || shared(q, c) > shared(p, c)) p = q;
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
      const overlap = cs.some((c) => row.pieces.some((p) => overlaps(p, c)));
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

/** A level label assembled from its pieces, with the lines it spans. */
interface Level {
  level: 1 | 2;
  piece: Piece;
  first: number;
  last: number;
}

/** Finds indicator tables and takes the level-label pieces out of their lines (step 2). */
/** An indicator table: its header line, its 总分 line and its level labels. */
interface LevelTable {
  header: number;
  end: number;
  levels: Level[];
}

function takeLevelPieces(lines: Chunk[][]): LevelTable[] {
  const tables: LevelTable[] = [];
  for (let h = 0; h < lines.length; h++) {
    const header = lines[h]!.find((c) => c.text.replace(/\s/g, "") === "三级指标");
    if (!header) continue;
    // Level columns: where 一级… and 二级… start, from the header's own lines.
    const around = lines.slice(Math.max(0, h - 2), h + 3).flat();
    const l1 = around.find((c) => /^一级/.test(c.text));
    const l2 = around.find((c) => /^二级/.test(c.text));
    if (!l1 || !l2) continue;
    let end = h + 1;
    while (end < lines.length && !lines[end]!.some((c) => /^总分$/.test(c.text))) end++;
    // Skip the rest of the header's own lines (its wrapped 一级/指标 pieces stay with it).
    let from = h + 1;
    while (from < end && lines[from]!.length > 0 && !lines[from]!.some(isValue)) from++;
    const levels: Level[] = [];
    const open: Partial<Record<1 | 2, Level>> = {};
    for (let i = from; i < Math.min(end + 2, lines.length); i++) {
      const cs = lines[i]!;
      const taken: Chunk[] = [];
      for (const c of cs) {
        if (c.c0 > l2.c1 + 1) continue; // the name column and right of it
        if (!LEVEL_CHARS.test(c.text) || isValue(c)) continue;
        const level: 1 | 2 = Math.abs(c.c0 - l1.c0) <= Math.abs(c.c0 - l2.c0) ? 1 : 2;
        taken.push(c);
        let cur = open[level];
        if (!cur) {
          cur = { level, piece: { chunks: [], c0: c.c0, c1: c.c1 }, first: i, last: i };
          open[level] = cur;
          levels.push(cur);
        }
        cur.piece.chunks.push(c);
        cur.piece.c0 = Math.min(cur.piece.c0, c.c0);
        cur.piece.c1 = Math.max(cur.piece.c1, c.c1);
        cur.last = i;
        if (/指标$|[)）]$/.test(pieceText(cur.piece))) delete open[level];
      }
      lines[i] = cs.filter((c) => !taken.includes(c));
    }
    tables.push({ header: h, end, levels });
    h = end;
  }
  return tables;
}

/** Puts each level label into the first row of its group (step 4). */
function placeLevels(tables: LevelTable[], drafts: Draft[]): void {
  for (const { header, end, levels } of tables) {
    if (levels.length === 0) continue;
    // Data rows of this table: rows below its header, above its 总分, holding values.
    const rows = drafts.filter((d) => Math.min(...d.lines) > header && Math.min(...d.lines) < end && d.pieces.some((p) => p.chunks.some(isValue)));
    if (rows.length === 0) continue;
    // Level 2 first: a level-1 group starts where a level-2 group starts.
    const l2Starts = new Set<number>();
    for (const level of [2, 1] as const) {
      const labels = levels.filter((l) => l.level === level).sort((a, b) => a.first - b.first);
      if (labels.length === 0) continue;
      // Lines a row covers, its fragments included (chunk lines are 1-based, row lines 0-based).
      // (Level-2 labels already placed count: a row beside a tall label is as tall as the label.)
      const span = (r: Draft) => {
        const own = [...r.pieces, ...r.levels.values()].flatMap((p) => p.chunks.map((c) => c.line - 1));
        const all = [...r.lines, ...own];
        return [Math.min(...all), Math.max(...all)] as const;
      };
      // For centring, a row starts at its first core line, where pdftotext prints its middle.
      // pdftotext rounds a row's lines to the text grid, so its middle line (the core) and
      // the reach of its wrapped pieces each misplace its edges by up to half a line; the
      // estimate of an edge is the mean of the two.
      const centreSpan = (r: Draft) => {
        const labelLines = [...r.levels.values()].flatMap((p) => p.chunks.map((c) => c.line - 1));
        const [top, bottom] = span(r);
        return [(Math.min(...r.lines, ...labelLines) + top) / 2, (Math.max(...r.lines, ...labelLines) + bottom) / 2] as const;
      };
      // Top-aligned labels start on their group's first row; the first one on the table's first row.
      // (within a line of the row's first line, and not below its middle line).
      const startsRow = (l: Level, r: Draft) => Math.abs(span(r)[0] - l.first) <= 1 && l.first <= centreSpan(r)[0];
      const topAligned = startsRow(labels[0]!, rows[0]!) && labels.every((l) => rows.some((r) => startsRow(l, r)));
      const starts = topAligned ? topAlignedStarts(labels, rows, span) : centredStarts(labels, rows, span, centreSpan, level === 1 ? l2Starts : null);
      starts.forEach((s0, k) => {
        if (s0 < 0) return;
        rows[s0]!.levels.set(level, labels[k]!.piece);
        if (level === 2) l2Starts.add(s0);
      });
    }
  }
}

type Span = (r: Draft) => readonly [number, number];

/** Top-aligned labels: each goes to the row starting nearest its first line (ties to the lower row: the label cell is taller than the row beside it, which pdftotext centres a line lower). */
function topAlignedStarts(labels: Level[], rows: Draft[], span: Span): number[] {
  let start = 0;
  return labels.map((label) => {
    if (start >= rows.length) return -1;
    let best = start;
    for (let i = start; i < rows.length; i++) {
      if (Math.abs(span(rows[i]!)[0] - label.first) <= Math.abs(span(rows[best]!)[0] - label.first)) best = i;
    }
    start = best + 1;
    return best;
  });
}

/**
 * Centred labels: the groups tile the rows (label k's group runs from its start
 * to the row before label k+1's start), and each label sits in the middle of
 * its group — or, for a group cut by a page break, in the middle or at the top
 * of the group's first fragment (Chromium prints a split cell's text once, on
 * the first fragment). The starts are chosen by dynamic programming to
 * minimise the total distance of labels from where their groups would put
 * them. Level-1 groups may only start where level-2 groups start.
 */
function centredStarts(labels: Level[], rows: Draft[], span: Span, centreSpan: Span, allowed: Set<number> | null): number[] {
  const n = rows.length;
  const m = labels.length;
  const ok = (s0: number) => s0 === 0 || !allowed || allowed.size === 0 || allowed.has(s0);
  const atTop = (k: number, s0: number) => span(rows[s0]!)[0] === labels[k]!.first;
  const cost = (k: number, s0: number, t: number): number => {
    const label = labels[k]!;
    const centre = (label.first + label.last) / 2;
    const top = centreSpan(rows[s0]!)[0];
    let c = Math.abs((top + centreSpan(rows[t]!)[1]) / 2 - centre);
    let p = s0;
    while (p < t && rows[p + 1]!.page === rows[s0]!.page) p++;
    if (p < t) {
      c = Math.min(c, Math.abs((top + centreSpan(rows[p]!)[1]) / 2 - centre));
      if (atTop(k, s0)) c = 0;
    }
    // A label outside its own group's lines is not its label.
    if (label.first > span(rows[t]!)[1] + 1 || label.last < span(rows[s0]!)[0] - 1) c += 100;
    return c;
  };
  // best[k][s0]: least cost of labels k.. when label k starts at row s0.
  const best: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(Infinity));
  const next: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(-1));
  for (let k = m - 1; k >= 0; k--) {
    for (let s0 = 0; s0 < n; s0++) {
      if (!ok(s0)) continue;
      if (k === m - 1) {
        best[k]![s0] = cost(k, s0, n - 1);
        continue;
      }
      for (let s1 = s0 + 1; s1 < n; s1++) {
        if (!ok(s1) || best[k + 1]![s1] === Infinity) continue;
        const c = cost(k, s0, s1 - 1) + best[k + 1]![s1]!;
        // Ties go to the longer group (pdftotext rounds half lines) — except after a label printed
        // at the top of its first fragment, whose group has nothing to say where it ends.
        const better = atTop(k, s0) ? c < best[k]![s0]! - 1e-9 : c <= best[k]![s0]! + 1e-9;
        if (better) {
          best[k]![s0] = c;
          next[k]![s0] = s1;
        }
      }
    }
  }
  const out: number[] = [];
  let s0 = 0;
  for (let k = 0; k < m; k++) {
    if (s0 < 0 || best[k]![s0] === Infinity) {
      out.push(-1);
      continue;
    }
    out.push(s0);
    s0 = next[k]![s0]!;
  }
  return out;
}

/** Row labels that narrow columns wrap over the rows they span. */
const WRAPPED_LABELS = ["年度总体目标", "项目资金(万元)", "项目资金（万元）", "项目资金(元)", "项目资金（元）", "项目资金"];

/**
 * A row-group label (项目资金(万元) beside the funding rows, 年度总体目标 beside
 * the goals) is printed centred on its group, so it lands on a middle row; it
 * belongs on the group's header row (the seed's export puts it there). It
 * moves up to the nearest header row above it, within five rows.
 */
function hoistGroupLabels(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    for (const p of [...d.pieces]) {
      if (!WRAPPED_LABELS.includes(pieceText(p))) continue;
      if (d.pieces.some((q) => HEADERS.has(pieceText(q)))) continue; // already on its header row
      for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
        const up = drafts[k]!;
        if (!up.pieces.some((q) => HEADERS.has(pieceText(q)))) continue;
        if (up.pieces.some((q) => overlaps(q, p))) break;
        d.pieces.splice(d.pieces.indexOf(p), 1);
        up.pieces.push(p);
        break;
      }
    }
  });
}

/**
 * A label cell printed over several rows (年度/总体/目标 beside a header and
 * its text) is split between them: its first piece takes the pieces below it,
 * in the same column, that continue it to a whole label.
 */
function completeWrappedLabels(drafts: Draft[]): void {
  drafts.forEach((d, i) => {
    for (const p of d.pieces) {
      let text = pieceText(p);
      if (!WRAPPED_LABELS.some((l) => l.startsWith(text) && l !== text)) continue;
      for (let k = i + 1; k < Math.min(drafts.length, i + 4); k++) {
        const below = drafts[k]!;
        const q = below.pieces.find((r) => overlaps(r, p));
        if (!q) continue;
        const next = text + pieceText(q);
        if (!WRAPPED_LABELS.some((l) => l.startsWith(next))) break;
        p.chunks.push(...q.chunks);
        below.pieces.splice(below.pieces.indexOf(q), 1);
        text = next;
        if (WRAPPED_LABELS.includes(text)) break;
      }
    }
  });
}

/** A text cell under a header cell it overlaps takes the header's column when that starts further right. */
function alignUnderHeaders(drafts: Draft[]): void {
  for (let i = 1; i < drafts.length; i++) {
    const above = drafts[i - 1]!;
    for (const p of drafts[i]!.pieces) {
      const h = above.pieces.find((q) => HEADERS.has(pieceText(q)) && overlaps(q, p));
      if (h && h.c0 > p.c0) p.c0 = h.c0;
    }
  }
}
