/**
 * Flattened text as a Sheet: text whose cell boundaries are lost, cells
 * joined by single spaces or line breaks, as `pdftotext` without `-layout`,
 * a PDF viewer's select-all-copy or a browser's copy (pasted where tabs do
 * not survive) give it.
 *
 * The text is read as a stream of words (words.ts). Page furniture is taken
 * out; the stream is cut at each title; each form's words are read part by
 * part, the parts found by the form's vocabulary (labels, headers, level
 * names) and the values by their shape (form.ts), into the rows a tab export
 * of the form has. Where the text leaves more than one reading, the form's
 * arithmetic or the way wrapped cells fill their lines decides, and a
 * `layout.inferred-columns` diagnostic says what was assumed; where nothing
 * decides, the values are not read and a warning says so. Every cell keeps
 * its line and the character offset where it starts in that line.
 */
import type { DroppedText } from "../../model/ledger.js";
import type { Diagnostic } from "../../model/document.js";
import type { Row, Sheet } from "../../model/sheet.js";
import { mapRadicals } from "../radicals.js";
import { BlockOrderReader } from "./blocks.js";
import { FlatFormReader } from "./form.js";
import { byLine } from "./lines.js";
import { matchAt } from "./match.js";
import { outOfOrder } from "./order.js";
import { putBackLateCells, restoreLateCells } from "./late-cells.js";
import { isMeasure, isNumber, MEASURE, PAGE_NUMBER, UNIT_PIECE, WORD_UNITS } from "./shapes.js";
import { GRADE, HEADER_LABELS, NOTES, QUALITATIVE, TITLES, TOTAL } from "./vocabulary.js";
import { joinWords, keyOf, wordsOf, type Word } from "./words.js";
import { joinWrappedNumbers } from "./wrapped-numbers.js";

/** A Sheet read from flattened text, with what reading it assumed and the page furniture it dropped. */
export type FlatSheet = Sheet & { diagnostics: Diagnostic[]; furniture: DroppedText[] };

/**
 * True for text that holds the form's vocabulary (a title or 项目名称 and a
 * funding or indicator label) but no tabs and no columns of spaces: neither
 * a tab export nor `pdftotext -layout` text.
 */
export function isFlatText(text: string): boolean {
  if (text.includes("\t")) return false;
  const key = keyOf(mapRadicals(text.slice(0, 200_000)));
  const named = TITLES.some((t) => key.includes(t)) || key.includes("项目名称");
  return named && (key.includes("年度资金总额") || key.includes("三级指标") || key.includes("年初预算"));
}

/** Reads flattened text into a Sheet (kind "text-flat"); form feeds separate pages. */
export function flatTextToSheet(text: string, source: string): FlatSheet {
  const furniture: DroppedText[] = [];
  const blockOrder = inBlockOrder(text);
  // A PDF whose fonts map shared glyphs to radical code points (⽬ for 目, ⻔ for 门) copies them so: one code point each, mapped back.
  const kept = dropFurniture(wordsOf(mapRadicals(text)), furniture);
  // Before single measures are joined: their rule would join the second open piece with the first closing one.
  const words = joinWrappedMeasures(blockOrder ? joinSideBySideMeasures(kept) : joinWrappedNumbers(kept));
  const starts: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (matchAt(words, i, TITLES)) {
      starts.push(i);
      i = matchAt(words, i, TITLES)!.to - 1;
    }
  }
  // Text with 项目名称 but no title: one form from the first 项目名称.
  if (starts.length === 0) {
    const first = words.findIndex((_, i) => matchAt(words, i, HEADER_LABELS) !== null);
    if (first >= 0) starts.push(first);
  }
  const rows: Row[] = [];
  const diagnostics: Diagnostic[] = [];
  const preamble = words.slice(0, starts[0] ?? words.length);
  // Text before the first form (附件, a heading) is the document's own: one row a line, as a tab export has it.
  for (const line of byLine(preamble)) {
    const first = line[0]!;
    rows.push({ page: first.page, line: first.line, cells: [{ text: joinWords(line), col: 0, page: first.page, line: first.line, offset: first.offset }] });
  }
  // Block order repeats the document's heading on every page, among the form's own words.
  const running = new Set(byLine(preamble).map((l) => l.map((w) => w.text).join(" ")));
  // Each form's words numbered from 0: the reader keeps positions in its own slice.
  const slices = starts.map((s, f) => words.slice(s, starts[f + 1] ?? words.length).map((w, index) => ({ ...w, index })));
  starts.forEach((_, f) => {
    const formWords = slices[f]!;
    // A viewer's copy of a page drawn out of reading order (Calc draws wrapped and mixed-script cells last): read as far as it goes, every value doubted.
    const disorder = blockOrder ? null : outOfOrder(formWords);
    // Calc's late cells put back into the rows they were drawn for, each said where it stands in the text.
    const late = disorder !== null ? putBackLateCells(formWords, slices[f + 1]) : null;
    if (late && f + 1 < slices.length) slices[f + 1] = late.next;
    const reader = blockOrder ? new BlockOrderReader(formWords, f + 1, running) : new FlatFormReader(late?.words ?? formWords, f + 1, disorder === null, disorder);
    if (disorder !== null) {
      const w = formWords[0]!;
      diagnostics.push({
        code: "layout.reading-order", severity: "warning", form: f + 1, line: w.line, cell: w.offset, page: w.page,
        message: `this form's text is out of the table's reading order (${disorder}), as a PDF viewer copies a page whose producer drew some cells after the others (LibreOffice Calc draws wrapped and mixed-script cells last): values may be misplaced or missing, and every value read is flagged; read the PDF itself, or pdftotext -layout text, instead`,
      });
    }
    const read = reader.read();
    const { rows: r, diagnostics: d, furniture: dropped } = late ? restoreLateCells(read, late, f + 1) : read;
    furniture.push(...dropped);
    rows.push(...r);
    diagnostics.push(...d);
  });
  // Each number joined across a line break is an inference, said where it stands.
  for (const w of words as Array<Word & { pieces?: string[] }>) {
    if (!w.pieces) continue;
    const f = starts.filter((s) => s <= w.index).length;
    diagnostics.push({
      code: "layout.inferred-columns", severity: "info", line: w.line, cell: w.offset, page: w.page, ...(f > 0 ? { form: f } : {}),
      message: `an amount wrapped onto the next line, joined back: ${w.pieces.join(" + ")} (the text prints its figures with the same decimals)`,
      quotes: [{ text: w.text, line: w.line, cell: w.offset, page: w.page }],
    });
  }
  if (blockOrder) {
    // pdftotext without -layout writes a page block by block, not row by row: a
    // label and its values may be pages apart, and no value read here is sure.
    starts.forEach((s, f) => {
      const w = words[s]!;
      diagnostics.push({
        code: "layout.reading-order", severity: "warning", form: f + 1, line: w.line, cell: w.offset, page: w.page,
        message: "this text is in block order, not the table's reading order (as pdftotext without -layout writes it): labels and values may stand apart, and values may be misplaced or missing; read the PDF itself, or pdftotext -layout text, instead",
      });
    });
  }
  const pages = Math.max(1, ...words.map((w) => w.page));
  return { source, kind: "text-flat", pages, rows, diagnostics, furniture };
}

/**
 * Page numbers (- 1 -, 第 1 页) on lines of their own, and a running header:
 * a line printed identically just before two or more page numbers.
 */
function dropFurniture(words: Word[], furniture: DroppedText[]): Word[] {
  const lines = byLine(words);
  const texts = lines.map((l) => l.map((w) => w.text).join(" "));
  const isNumber = texts.map((t) => PAGE_NUMBER.test(t));
  const beforeNumbers = new Map<string, number>();
  texts.forEach((t, k) => {
    if (k + 1 < texts.length && isNumber[k + 1] && !isNumber[k]) beforeNumbers.set(t, (beforeNumbers.get(t) ?? 0) + 1);
  });
  // A form's own last line (评分等级 优) may also end two pages: a line with the form's words or figures is no running header.
  const formWords = [...TITLES, ...HEADER_LABELS, ...TOTAL, ...GRADE, ...NOTES, "指标", "资金"];
  const isForm = (t: string) => formWords.some((x) => keyOf(t).includes(x)) || /\d\.\d/.test(t);
  const running = new Set([...beforeNumbers].filter(([t, n]) => n >= 2 && !isForm(t)).map(([t]) => t));
  lines.forEach((l, k) => {
    if (!isNumber[k] && !running.has(texts[k]!)) return;
    // Named, so the ledger accounts for what was dropped.
    furniture.push({ text: texts[k]!, kind: isNumber[k] ? "page-number" : "running-header", page: l[0]!.page, line: l[0]!.line });
  });
  const kept = lines.filter((_, k) => !isNumber[k] && !running.has(texts[k]!)).flat();
  return kept.map((w, index) => ({ ...w, index }));
}

/**
 * A measure whose unit wrapped onto the next line (≥24.00(小 / 时), ≥150.00 /
 * (次)) made one word again: the line break fell inside one cell.
 */
function joinWrappedMeasures(words: Array<Word & { pieces?: string[] }>): Word[] {
  const out: Array<Word & { pieces?: string[] }> = [];
  const unitOf = (t: string | undefined) => (t && isMeasure(t) ? /[\p{Script=Han}]{1,4}$/u.exec(t)?.[0] : undefined);
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const last = out[out.length - 1];
    if (last && w.before === "break" && last.page === w.page) {
      const joined = last.text + w.text;
      const said = (text: string, ...more: string[]) => ({ ...last, text, pieces: [...(last.pieces ?? [last.text]), ...more] });
      // The unit's opening piece wrapped apart from its number, its closing piece on the line after (<1213.00 / （平方 / 米）).
      const next = words[k + 1];
      if ((isMeasure(last.text) || isNumber(last.text)) && /^[(（][^)）\s]{1,6}$/u.test(w.text) && next?.before === "break" && next.page === w.page
        && /^[^(（)）\s]{1,6}[)）]$/u.test(next.text) && MEASURE.test(joined + next.text)) {
        out[out.length - 1] = said(joined + next.text, w.text, next.text);
        k++;
        continue;
      }
      // A target's and an actual's bare unit both wrapped onto the next line (=122.00 / 个 / 137.00 / 个): the same unit after each number.
      const [n1, n2] = [words[k + 1], words[k + 2]];
      if ((isNumber(last.text) || isMeasure(last.text)) && /\d$/u.test(last.text) && /^[\p{Script=Han}]{1,4}$/u.test(w.text) && n1 && n2
        && n1.before === "break" && n2.before === "break" && n2.page === w.page && isNumber(n1.text) && n2.text === w.text && MEASURE.test(joined)) {
        out[out.length - 1] = said(joined, w.text);
        out.push({ ...n1, text: n1.text + n2.text, pieces: [n1.text, n2.text] });
        k += 2;
        continue;
      }
      // An actual's bare unit wrapped onto the next line (=1946次 1964.00 / 次): joined when the target just before it carries that unit.
      const before = out[out.length - 2];
      if (isNumber(last.text) && /^[\p{Script=Han}]{1,4}$/u.test(w.text) && unitOf(before?.text) === w.text && MEASURE.test(joined)) {
        out[out.length - 1] = said(joined, w.text);
        continue;
      }
      // A bare unit cut by the wrap (=482平方 / 米): joined when the pieces make a unit of the vocabulary, and said.
      const bare = isMeasure(last.text) ? /[\p{Script=Han}]{1,3}$/u.exec(last.text)?.[0] : undefined;
      if (bare && /^[\p{Script=Han}]{1,3}$/u.test(w.text) && WORD_UNITS.includes(bare + w.text) && MEASURE.test(joined)) {
        out[out.length - 1] = said(joined, w.text);
        continue;
      }
      const open = /[(（][^)）]*$/u.test(last.text);
      if ((open && /^[^(（]*[)）]$/u.test(w.text) && MEASURE.test(joined)) || ((isMeasure(last.text) || isNumber(last.text)) && UNIT_PIECE.test(w.text))) {
        out[out.length - 1] = { ...last, text: joined };
        continue;
      }
    }
    out.push(w);
  }
  return out.map((w, index) => ({ ...w, index }));
}

/**
 * A known statement wrapped onto a second line, joined. Two measures wrapped side by side in block order: a line ends in two open
 * pieces (>802(小时 633.58(小) and the lines after it close them in turn
 * ()), 时)): each open piece joined with its closing piece, as one cell; or
 * one open piece, the other measure whole on the next line, then the first's
 * closing piece (≥200.00(条 / 945.00(条) / )).
 */
function joinSideBySideMeasures(words: Word[]): Word[] {
  const open = (w: Word | undefined) => w !== undefined && /^(?:[=＝≥≧≤≦>＞<＜])?[-−]?\d[\d,]*(?:\.\d+)?[(（][^)）]*$/u.test(w.text);
  const closing = (w: Word | undefined) => w !== undefined && /^[^(（)）\s]*[)）]$/u.test(w.text);
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1];
    const [c, d] = [words[i + 2], words[i + 3]];
    // A statement wrapped onto the next line (部分达成指标并 / 具有一定效果) is one cell again.
    if (b && b.line === a.line + 1 && QUALITATIVE.includes(keyOf(a.text + b.text))) {
      out.push({ ...a, text: a.text + b.text });
      i += 1;
      continue;
    }
    // ≥200.00(条 / 945.00(条) / ): the first measure's unit wrapped past the whole second one.
    if (open(a) && b && MEASURE.test(b.text) && !open(b) && closing(c) && b.line > a.line && c!.line > b.line && MEASURE.test(a.text + c!.text)) {
      out.push({ ...a, text: a.text + c!.text }, b);
      i += 2;
      continue;
    }
    if (open(a) && open(b) && b!.line === a.line && closing(c) && closing(d) && c!.line > a.line && d!.line > c!.line) {
      out.push({ ...a, text: a.text + c!.text }, { ...b!, text: b!.text + d!.text });
      i += 3;
      continue;
    }
    out.push(a);
  }
  return out.map((w, index) => ({ ...w, index }));
}

/**
 * True for text written block by block, the way pdftotext without -layout
 * writes a table: blocks parted by blank lines (a quarter of the lines or
 * more) and nearly every other line a single word, or a few blank lines
 * and most others a single word (Chromium's PDFs). A viewer's copy has no
 * blank line, a browser's copy whole rows on its lines.
 */
function inBlockOrder(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  const blank = lines.filter((l) => l.trim() === "").length;
  const filled = lines.length - blank;
  const single = lines.filter((l) => l.trim() !== "" && !/\s/.test(l.trim())).length;
  // Chromium's PDFs come out with fewer blank lines (one in ten to twenty) but still mostly a cell a line;
  // a viewer's copy has none, a browser's copy has them but its lines hold whole rows.
  return lines.length >= 20 && ((blank >= lines.length / 4 && single >= filled * 0.7) || (blank >= lines.length * 0.03 && single >= filled * 0.45));
}
