/**
 * Lines of pdftotext text cut into chunks (step 1 of the re-assembly): at runs
 * of two or more spaces, at a single space where two cells merely touch, at
 * the column where a squeezed neighbouring column starts.
 */
import type { Chunk } from "./model.js";
import { HAN, HEADERS, UNIT, VALUE, YEAR_LINE } from "./vocabulary.js";

/** A wrapped measure's last piece: a unit or the rest of one, closing its bracket (0（人）, 人次）, %）). */
const UNIT_TAIL = /^[\d.,]*[(（]?[^()（）\d\s]{1,6}[)）]$/u;

/** Cuts a line into chunks (see the module comment, step 1). */
export function chunksOf(line: string, lineNo: number, page: number): Chunk[] {
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
      // A score and the deviation note beside it (4.76 服务需求…) are two cells.
      const scoreNote = /^\d+\.\d+$/.test(sofar) && HAN.test(next ?? "");
      // A level-1 subtotal's wrapped piece, or its label with it, and the level-2 piece beside it
      // ((40 时效, 满意度指标(9 服务对象…) are two cells.
      const subtotalPiece = /^\p{Script=Han}*[(（]\d{1,3}分?$/u.test(sofar) && start <= 4 && HAN.test(next ?? "");
      // Two units wrapped below a row's target and actual ((次) (次), 0（次） （次）) are two cells.
      const unitPair = UNIT.test(sofar.replace(/^[\d.,]+/u, "")) && (next === "(" || next === "（");
      // Two wrapped unit tails side by side (人次） 人次）, （%） %）) close the target's and the
      // actual's brackets: two cells, else both would close the target's.
      const wordEnd = chars.findIndex((x, k) => k > i && (x === " " || x === "\u3000"));
      const word = chars.slice(i + 1, wordEnd < 0 ? undefined : wordEnd).join("");
      const tailPair = UNIT_TAIL.test(sofar) && UNIT_TAIL.test(word);
      if (doubleSpace || touching(chars[i - 1]!, next) || labelPiece || scoreNote || subtotalPiece || unitPair || tailPair) push(i);
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
export function splitValues(chunk: Chunk): Chunk[] {
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
export function joinSplitHeaders(cs: Chunk[]): Chunk[] {
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


/**
 * pdftotext squeezes two wide text columns until one space separates them
 * (…为指导, 落实十二届…). Where at least two of the lines up to three above and
 * below (not across a blank line) start a chunk at one column, a chunk of this line that has a space
 * right before that column is cut there.
 */
export function splitAtColumns(lines: Chunk[][]): Chunk[][] {
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

