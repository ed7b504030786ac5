/**
 * Joins runs into the text of one cell or one line, in reading order.
 *
 * Content-stream order is not visual order in some exporters, so runs are
 * sorted by position: lines top to bottom (baselines clustered), runs left to
 * right within a line. Spaces come from geometry, never from the stream:
 * - within a line, a gap wider than a fifth of an em is a space, except
 *   between two Han characters (justified CJK text is spaced by layout);
 * - between lines, a wrap inside Han text or CJK punctuation joins without a
 *   space (满意/度指/标 → 满意度指标); a wrap between two Latin words or
 *   numbers gets one space.
 */
import type { Box } from "./geometry.js";
import { runBox, type Run } from "./items.js";

/** Baselines closer than this share of the font size are one line. */
const SAME_LINE = 0.45;
/** A gap wider than this share of the font size is a space. */
const SPACE_GAP = 0.2;

/** Han, CJK punctuation, full-width forms: characters that wrap without a space. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

function lastChar(s: string): string | undefined {
  const cps = Array.from(s);
  return cps[cps.length - 1];
}

function firstChar(s: string): string | undefined {
  return Array.from(s)[0];
}

/** Groups runs into lines, top line first; each line's runs left to right. */
export function toLines(runs: readonly Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: { y: number; size: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - r.y) <= SAME_LINE * Math.max(line.size, r.size)) {
      line.runs.push(r);
      line.size = Math.max(line.size, r.size);
    } else {
      lines.push({ y: r.y, size: r.size, runs: [r] });
    }
  }
  for (const l of lines) l.runs.sort((a, b) => a.x0 - b.x0);
  return lines.map((l) => l.runs);
}

/** Text of one line: runs in x order, spaces where the gap says so. */
export function lineText(line: readonly Run[]): string {
  let out = "";
  let prev: Run | undefined;
  for (const r of line) {
    if (prev) {
      const gap = r.x0 - prev.x1;
      const size = Math.max(prev.size, r.size);
      const spaced = r.spaceBefore || gap > SPACE_GAP * size;
      if (spaced && !(isCjk(lastChar(out)) && isCjk(firstChar(r.text)))) out += " ";
    }
    out += r.text;
    prev = r;
  }
  return out;
}

/** Character classes that decide whether a line wrap swallowed a space. */
function charClass(ch: string | undefined): "han" | "alpha" | "digit" | "punct" | "other" {
  if (ch === undefined) return "other";
  if (isCjk(ch)) return "han";
  if (/[A-Za-z]/.test(ch)) return "alpha";
  if (/[0-9]/.test(ch)) return "digit";
  if (/[,;:!?]/.test(ch)) return "punct";
  return "other";
}

/** Class pairs where a wrap may or may not have eaten a space; the text's own habit decides. */
const HABIT_PAIRS = new Set(["punct>han", "punct>alpha", "punct>digit", "han>alpha", "alpha>han", "han>digit", "digit>han"]);

/**
 * For each class pair, whether the text writes it with a space ("互动, 开展")
 * more often than without ("人员,协助"), counted inside its lines.
 */
function spacingHabit(lines: readonly string[]): Map<string, boolean> {
  const counts = new Map<string, [number, number]>();
  for (const line of lines) {
    const chars = Array.from(line);
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      if (/\s/.test(a)) continue;
      let j = i + 1;
      while (j < chars.length && /\s/.test(chars[j]!)) j++;
      if (j >= chars.length) break;
      const key = `${charClass(a)}>${charClass(chars[j])}`;
      if (!HABIT_PAIRS.has(key)) continue;
      const c = counts.get(key) ?? [0, 0];
      c[j > i + 1 ? 0 : 1]++;
      counts.set(key, c);
    }
  }
  return new Map([...counts].map(([k, [spaced, tight]]) => [k, spaced > tight]));
}

/**
 * Joins wrapped lines of one cell. A wrap loses whatever space stood there,
 * so the joint is decided by what meets at it: Han–Han never has a space,
 * two Latin letters always (a word wrap), a number or measure broken
 * mid-token (2,584.5/2, ≥150.00/(次)) never; between punctuation, Han, Latin and
 * digits the text's own habit decides.
 */
export function joinLines(lines: readonly string[]): string {
  const parts = lines.map((l) => l.trim()).filter((l) => l !== "");
  let habit: Map<string, boolean> | undefined;
  let out = "";
  for (const line of parts) {
    if (out) {
      const key = `${charClass(lastChar(out))}>${charClass(firstChar(line))}`;
      if (key === "alpha>alpha") out += " ";
      else if (HABIT_PAIRS.has(key) && (habit ??= spacingHabit(parts)).get(key)) out += " ";
    }
    out += line;
  }
  return out.replace(/\s+/g, " ");
}

/** Text and bounding box of a set of runs read as one block. */
export function blockText(runs: readonly Run[]): { text: string; box: Box } {
  const text = joinLines(toLines(runs).map(lineText));
  return { text, box: unionBox(runs.map(runBox)) };
}

/** Smallest box holding all the given boxes. */
export function unionBox(boxes: readonly Box[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]); y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]); y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}
