/**
 * Level labels of an indicator table in pdftotext text (steps 2 and 4 of the
 * re-assembly): their pieces are taken out of the lines by column and joined
 * into labels; each label then goes to the first row of its group.
 */
import { pieceText, type Chunk, type Doubt, type Draft, type Piece } from "./model.js";
import { HAN, isValue, LEVEL_CHARS } from "./vocabulary.js";

/** A level label assembled from its pieces, with the lines it spans. */
export interface Level {
  level: 1 | 2;
  piece: Piece;
  first: number;
  last: number;
  /**
   * Set when the label is one cell printed on two pages (layout/levels.ts):
   * the pages either side of the break. Its group holds the last row before
   * the break and the first row after it.
   */
  straddles?: { page: number; next: number; offset: number; second: { first: number; last: number } };
}

/** An indicator table: its header line, its 总分 line and its level labels. */
export interface LevelTable {
  header: number;
  end: number;
  levels: Level[];
}

/** Finds indicator tables and takes the level-label pieces out of their lines (step 2). */
export function takeLevelPieces(lines: Chunk[][]): LevelTable[] {
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
    const closed: Partial<Record<1 | 2, Level>> = {};
    const stop = Math.min(end + 2, lines.length);
    const inColumn = (c: Chunk) => c.c0 <= l2.c1 + 1 && LEVEL_CHARS.test(c.text) && !isValue(c);
    // pdftotext may set a page's level-2 pieces further right than its header (数量 / 指标 at 6,
    // 二级 at 3, when the page's names start at 9): level characters left of where every name of
    // their page starts are a level piece all the same (a name's wrapped piece starts in the
    // name's column or right of it, never left of it).
    const names = nameColumns(lines.slice(from, end), inColumn);
    const isPiece = (c: Chunk) => inColumn(c) || (LEVEL_CHARS.test(c.text) && !isValue(c) && c.c0 < (names.get(c.page) ?? -1));
    const columns = pageColumns(lines.slice(from, stop), isPiece, lines[h]![0]!.page, [l1.c0, l2.c0]);
    for (let i = from; i < stop; i++) {
      const cs = lines[i]!;
      const taken: Chunk[] = [];
      for (const c of cs) {
        // An open label's last piece, centred under its wider pieces, may start a column right
        // of the level column (可持 / 续影 / 响指 / 标): it is taken when it completes that label.
        const finishes = ([1, 2] as const).find((lv) => completes(open[lv], c) || continuesSubtotal(open[lv], c));
        if (!isPiece(c) && finishes === undefined) continue; // the name column and right of it, values, other words
        const [c1, c2] = columns.get(c.page) ?? [l1.c0, l2.c0];
        const level: 1 | 2 = finishes ?? (Math.abs(c.c0 - c1) <= Math.abs(c.c0 - c2) ? 1 : 2);
        taken.push(c);
        let cur = open[level];
        // A label still open at a page's foot whose text the next page starts again (可持 / 续影,
        // then 可持 / 续影 / 响指 / 标) is that page's print of a cut cell, as Calc prints it; the
        // next page's pieces are another print (layout/levels.ts joins the two). Chromium goes
        // on with the text instead (满意度指 / 标).
        if (cur && cur.piece.chunks[cur.piece.chunks.length - 1]!.page !== c.page && pieceText(cur.piece).startsWith(c.text)) cur = undefined;
        // A subtotal wrapped under its label (产出 / 指标 / （29 / 分）) goes on with the label it follows.
        const before = closed[level];
        if (!cur && before && /^[(（]/.test(c.text) && /指标$/.test(pieceText(before.piece)) && follows(before, c, 2)) {
          cur = before;
          open[level] = cur;
        }
        if (!cur) {
          cur = { level, piece: { chunks: [], c0: c.c0, c1: c.c1 }, first: i, last: i };
          open[level] = cur;
          levels.push(cur);
        }
        cur.piece.chunks.push(c);
        cur.piece.c0 = Math.min(cur.piece.c0, c.c0);
        cur.piece.c1 = Math.max(cur.piece.c1, c.c1);
        cur.last = i;
        if (WHOLE.test(pieceText(cur.piece))) {
          delete open[level];
          closed[level] = cur;
        }
      }
      lines[i] = cs.filter((c) => !taken.includes(c));
    }
    tables.push({ header: h, end, levels });
    h = end;
  }
  return tables;
}

/** A label is whole when it reads …指标 or ends its subtotal's bracket. */
const WHOLE = /指标$|[)）]$/;

/** True when chunk c stands within `lines` lines under the label's last piece, on its page. */
function follows(label: Level, c: Chunk, lines = 1): boolean {
  const last = label.piece.chunks[label.piece.chunks.length - 1]!;
  return last.page === c.page && c.line > last.line && c.line <= last.line + lines;
}

/**
 * True when chunk c, a short piece of level characters a line or two below the
 * open label and within a column of its columns, makes the label whole.
 */
function completes(label: Level | undefined, c: Chunk): boolean {
  // A subtotal's close after its open bracket (满意度指标（ / 9分）) reads like a measure (9 and a unit);
  // the bracket may hold the subtotal's first digit already (满意度指标(1 / 2分)).
  const open = !!label && /[(（]\d{0,2}$/.test(pieceText(label.piece));
  const closesSubtotal = open && (/[(（]$/.test(pieceText(label!.piece)) ? /^\d{1,3}分?[)）]$/ : /^\d{0,2}分[)）]$/).test(c.text);
  if (!label || (isValue(c) && !closesSubtotal) || !LEVEL_CHARS.test(c.text) || (Array.from(c.text).length > 2 && !closesSubtotal)) return false;
  if (!follows(label, c, 2)) return false;
  if (c.c0 < label.piece.c0 - 1 || c.c0 > label.piece.c1 + 1) return false;
  return WHOLE.test(pieceText(label.piece) + c.text);
}

/**
 * True when chunk c goes on with the open subtotal of a label (满意度指标（ /
 * 56分 / ）): the label's bracket is open with at most its digits, and c,
 * under it within its columns, holds no more than the digits, 分 and the
 * close that the subtotal still lacks. (56分 reads like a measure.)
 */
function continuesSubtotal(label: Level | undefined, c: Chunk): boolean {
  if (!label || !/[(（]\d{0,3}分?$/.test(pieceText(label.piece)) || !/^\d{0,3}分?[)）]?$/u.test(c.text) || c.text === "") return false;
  if (!follows(label, c, 2) || c.c0 < label.piece.c0 - 1 || c.c0 > label.piece.c1 + 1) return false;
  return /[(（]\d{0,3}分?[)）]?$/.test(pieceText(label.piece) + c.text) && !/分\d/.test(pieceText(label.piece) + c.text);
}

/**
 * Where names start on each page of a table: the leftmost name, a name being
 * the Han text nearest left of a line's first value (level pieces, however
 * far right pdftotext set them, stand left of it).
 */
function nameColumns(lines: Chunk[][], isPiece: (c: Chunk) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  for (const cs of lines) {
    const value = cs.findIndex(isValue);
    // The nearest Han text left of the value: an operator column (≥, =) may stand between.
    const name = cs.slice(0, Math.max(0, value)).filter((c) => HAN.test(c.text)).pop();
    if (!name || isPiece(name)) continue;
    out.set(name.page, Math.min(out.get(name.page) ?? Infinity, name.c0));
  }
  return out;
}

/**
 * Where the level-1 and level-2 columns start on each page of a table.
 * pdftotext sets every page in character columns of its own, so a table
 * continued on the next page may stand in other columns there than under its
 * header: on such a page, a line holding two level pieces shows them (the
 * left one is level 1). Pages without such a line keep the header's columns.
 */
function pageColumns(lines: Chunk[][], isPiece: (c: Chunk) => boolean, headerPage: number, header: [number, number]): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>([[headerPage, header]]);
  for (const cs of lines) {
    const pieces = cs.filter(isPiece);
    const page = pieces[0]?.page;
    if (pieces.length !== 2 || page === undefined || out.has(page)) continue;
    out.set(page, [pieces[0]!.c0, pieces[1]!.c0]);
  }
  return out;
}

/**
 * Puts each level label into the first row of its group (step 4). Returns
 * the labels no row could take, so that they are not lost: the caller keeps
 * them as rows of their own. A group boundary the positions do not settle
 * (a centred label far from the middle of the group it was given) is put in
 * `doubts`, with the labels on either side of it: the rows at that boundary
 * may read under the wrong one.
 */
export function placeLevels(tables: LevelTable[], drafts: Draft[], doubts: Doubt[] = []): Piece[] {
  const unplaced: Piece[] = [];
  for (const { header, end, levels } of tables) {
    if (levels.length === 0) continue;
    // Data rows of this table: rows below its header, above its 总分, holding values.
    const rows = drafts.filter((d) => Math.min(...d.lines) > header && Math.min(...d.lines) < end && d.pieces.some((p) => p.chunks.some(isValue)));
    if (rows.length === 0) {
      for (const l of levels) unplaced.push(l.piece);
      continue;
    }
    // Level 2 first: a level-1 group starts where a level-2 group starts.
    const l2Starts = new Set<number>();
    const l2Doubted = new Set<number>();
    let l2Centred = false;
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
      // A label as tall as the one row beside it reads as top-aligned too: one producer aligns
      // both levels alike, so level 1 is top-aligned only if level 2 was, and only if its
      // groups then start where level-2 groups start.
      const topAlignedShape = startsRow(labels[0]!, rows[0]!) && labels.every((l) => rows.some((r) => startsRow(l, r)));
      const aligned: number[] | null = topAlignedShape && level === 1 && l2Centred ? null : topAlignedShape ? topAlignedStarts(labels, rows, span) : null;
      const topAligned: boolean = aligned !== null && (level === 2 || l2Starts.size === 0 || aligned.every((s0) => s0 <= 0 || l2Starts.has(s0)));
      if (level === 2) l2Centred = !topAligned;
      // Why each doubted label's start is a guess, by label index.
      const doubted = new Map<number, string>();
      const centred = centredStarts(labels, rows, span, centreSpan, level === 1 ? l2Starts : null, doubted);
      const starts = topAligned && aligned ? aligned : centred;
      if (starts !== centred) {
        doubted.clear();
        // Read as top-aligned from lines pdftotext rounds: where a centred reading would start a
        // group at another row, and the labels do not each stand on their row's first line, the
        // rows between are the choice's.
        const onTop = labels.every((l) => rows.some((r) => span(r)[0] === l.first));
        if (!onTop) starts.forEach((s0, k) => k > 0 && s0 !== centred[k] && doubted.set(k, `level-${level} labels read as top-aligned from their lines, which pdftotext rounds; read as centred, this group would start at another row`));
      }
      // Level-1 groups start where level-2 groups start: a doubted level-2 start doubts the level-1 one there.
      if (level === 1) starts.forEach((s0, k) => k > 0 && l2Doubted.has(s0) && !doubted.has(k) && doubted.set(k, "level-1 group starts where a doubted level-2 group starts"));
      if (level === 2) for (const k of doubted.keys()) l2Doubted.add(starts[k]!);
      for (const [k, why] of doubted) {
        if (labels[k - 1]) doubts.push({ code: "layout.inferred-level", piece: labels[k - 1]!.piece, why });
        doubts.push({ code: "layout.inferred-level", piece: labels[k]!.piece, why });
      }
      starts.forEach((s0, k) => {
        if (s0 < 0 || rows[s0]!.levels.has(level)) {
          unplaced.push(labels[k]!.piece);
          return;
        }
        rows[s0]!.levels.set(level, labels[k]!.piece);
        if (level === 2) l2Starts.add(s0);
      });
    }
  }
  return unplaced;
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
function centredStarts(labels: Level[], rows: Draft[], span: Span, centreSpan: Span, allowed: Set<number> | null, doubted: Map<number, string>): number[] {
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
    // A cell printed on both sides of a page break: its group crosses that break, wherever
    // the producer centred the prints; the labels around it decide where the group ends.
    if (label.straddles) {
      const { page, next, offset, second } = label.straddles;
      let cut = -1;
      for (let i = s0; i < t; i++) if (rows[i]!.page <= page && rows[i + 1]!.page >= next) cut = i;
      if (cut < 0) return c + 100;
      // Calc centres the text on the whole cell: measure in the continuous table.
      const at = (r: Draft, y: number) => (r.page >= next ? y + offset : y);
      const whole = Math.abs((at(rows[s0]!, top) + at(rows[t]!, centreSpan(rows[t]!)[1])) / 2 - centre);
      // Other producers centre each print on its own page's fragment of the cell.
      const mid = (a: number, b: number) => (centreSpan(rows[a]!)[0] + centreSpan(rows[b]!)[1]) / 2;
      const fragments = Math.abs(mid(s0, cut) - centre) + Math.abs(mid(cut + 1, t) - (second.first + second.last) / 2);
      return Math.min(whole, fragments);
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
  // A label far from where its chosen group would put it fits no group well: both its boundaries
  // are guesses. (A group cut by a page break is centred on a fragment whose extent the rows do
  // not show: not doubted for that.)
  for (let k = 0; k < m; k++) {
    if (out[k]! < 0) continue;
    const t = k + 1 < m && out[k + 1]! > 0 ? out[k + 1]! - 1 : n - 1;
    if (rows[out[k]!]!.page === rows[t]!.page && cost(k, out[k]!, t) > POOR) {
      const why = FITS_NO_GROUP;
      if (k > 0) doubted.set(k, why);
      if (k + 1 < m) doubted.set(k + 1, why);
    }
  }
  // before[k][s]: least cost of labels ..k-1 when label k starts at row s. A label that could
  // start at another row at the same least total cost was placed by the tie rule above alone.
  const total = best[0]![0]!;
  if (total === Infinity) return out;
  const before: number[][] = Array.from({ length: m }, () => new Array<number>(n).fill(Infinity));
  before[0]![0] = 0;
  for (let k = 0; k + 1 < m; k++) {
    for (let s = 0; s < n; s++) {
      if (before[k]![s] === Infinity || !ok(s)) continue;
      for (let s1 = s + 1; s1 < n; s1++) {
        const c = ok(s1) ? before[k]![s]! + cost(k, s, s1 - 1) : Infinity;
        if (c < before[k + 1]![s1]!) before[k + 1]![s1] = c;
      }
    }
  }
  for (let k = 1; k < m; k++) {
    if (out[k]! < 0 || doubted.has(k)) continue;
    for (let s = 0; s < n; s++) {
      if (s === out[k] || best[k]![s] === Infinity || before[k]![s] === Infinity) continue;
      if (before[k]![s]! + best[k]![s]! <= total + 1e-9) {
        doubted.set(k, `centred level labels fit a start ${s < out[k]! ? "above" : "below"} this one as well (pdftotext rounds half lines): the rows between may belong to the group above or below`);
      }
    }
  }
  return out;
}

/** How far, in lines, a label may stand from its group's centre and still be read as settled. */
const POOR = 2;

/** Why a label far from the middle of its group is doubted (layout/nesting.ts looks for it). */
export const FITS_NO_GROUP = `centred level label more than ${POOR} lines from the middle of the group it was given: no group fits its lines well, so the rows at either end may belong to the next group`;
