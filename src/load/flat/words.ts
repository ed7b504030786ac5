/**
 * Flattened text as a stream of words: the maximal runs of non-blank
 * characters, each with where it stands (line, character offset in the line,
 * page) and what separated it from the word before. In flattened text a
 * space inside a line usually separates cells, while a line break may be a
 * cell boundary or a wrap inside one cell; the readers decide which.
 */

/** One word of flattened text. */
export interface Word {
  text: string;
  /** 1-based source line. */
  line: number;
  /** 0-based character offset of the word in its line. */
  offset: number;
  /** 1-based page (form feeds count pages). */
  page: number;
  /** What came before the word: the start of the text, a space on the same line, or a line break. */
  before: "start" | "space" | "break";
  /** Position of the word in the stream (0-based). */
  index: number;
}

/** Splits text into words (see Word); a BOM and form feeds are not words. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  let line = 1;
  let lineStart = 0;
  let page = 1;
  let before: Word["before"] = "start";
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      lineStart = i;
      if (before !== "start") before = "break";
      continue;
    }
    if (c === 12) {
      page++;
      i++;
      if (before !== "start") before = "break";
      continue;
    }
    if (isBlank(c)) {
      i++;
      if (before !== "start" && before !== "break") before = "space";
      continue;
    }
    const start = i;
    while (i < n && !isBlank(text.charCodeAt(i)) && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13 && text.charCodeAt(i) !== 12) i++;
    out.push({ text: text.slice(start, i), line, offset: start - lineStart, page, before, index: out.length });
    before = "space";
  }
  return out;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);
}

/** Display width of a text: 2 for CJK and full-width characters, 1 for the rest. */
export function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x3000 && cp <= 0x303f) ? 2 : 1;
  }
  return w;
}

/**
 * The words of one cell as one text: a line break inside a cell is a wrap,
 * and is dropped (between two ASCII letters or digits it is a space); a space
 * inside a line is kept, and the normaliser takes out what is layout.
 */
export function joinWords(words: readonly Word[]): string {
  // A text that puts a space after each comma inside its lines lost that
  // space where a line broke after a comma: it is put back.
  let spaced = 0;
  let tight = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    tight += (w.text.match(/[,;:](?=\S)/g) ?? []).length;
    if (k > 0 && w.before === "space" && /[,;:]$/.test(words[k - 1]!.text)) spaced++;
  }
  const spaceAfterComma = spaced > 0 && tight === 0;
  let s = "";
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (k > 0) {
      if (w.before === "space") s += " ";
      else if (/[A-Za-z0-9]$/.test(s) && /^[A-Za-z0-9]/.test(w.text)) s += " ";
      else if (spaceAfterComma && /[,;:]$/.test(s)) s += " ";
    }
    s += w.text;
  }
  return s;
}

/** A text as the vocabulary compares it: no whitespace, full-width forms folded (（ → (, ： → :). */
export function keyOf(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}
