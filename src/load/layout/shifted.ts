/**
 * Indicator rows that may stand one place off (`layout.inferred-rows`).
 *
 * When the re-assembly loses an indicator row (two rows' lines run into one)
 * or makes one too many (a wrapped piece taken for a row), every row after
 * it lands at the wrong index: read by position, each of its fields is
 * another row's. Nothing in a single cell shows it, so nothing was flagged.
 * The rows themselves do: every indicator row prints its 分值 and 得分, the
 * 得分 never above the 分值, each in a cell of its own. The first row of a
 * table that breaks one of these (a row without 分值/得分, a 得分 above its
 * 分值, a cell holding several numbers) is where the count may have gone
 * wrong, and from there on every row's cells are quoted in one warning.
 */
import { Decimal } from "decimal.js";
import type { Diagnostic } from "../../model/diagnostic.js";
import type { Cell, Row } from "../../model/sheet.js";
import { LEVEL_CHARS, PLAIN_NUMBER as NUMBER, VALUE } from "../pdf/layout/vocabulary.js";

/** Numbers in a text, apart from their neighbours (`4.00 1.76`): a cell holding two or more of them holds a row's values. */
const NUMBERS = /(?:^|\s)\d[\d,]*\.\d+(?=\s|$)/gu;
/** One to three Han characters: a piece of a wrapped label, which the grammar joins to its label. */
const HAN_PIECE = /^\p{Script=Han}{1,3}$/u;

/** Page numbers as forms print them (- 2 -, 第2页): furniture, never a cell. */
const PAGE_NUMBER = /^(?:[-—–]\d+[-—–]|第\d+页(?:共\d+页)?)$/u;

const squeeze = (t: string) => t.replace(/\s+/g, "");

/** What is wrong with an indicator row's shape, or undefined when nothing is. */
function flaw(cells: readonly Cell[], targetCol: number | undefined, columnsBefore?: number): string | undefined {
  const texts = cells.map((c) => squeeze(c.text));
  // Pieces of wrapped labels, or level labels no row took, make no indicator.
  if (texts.every((t) => HAN_PIECE.test(t) || LEVEL_CHARS.test(t))) return undefined;
  const crowded = cells.find((c) => (c.text.match(NUMBERS) ?? []).length >= 2);
  if (crowded) return `"${crowded.text}" holds the numbers of more than one cell`;
  const n = texts.length;
  const num = (i: number) => i >= 0 && NUMBER.test(texts[i]!);
  const at = num(n - 1) && num(n - 2) ? n - 2 : !num(n - 1) && num(n - 2) && num(n - 3) ? n - 3 : -1;
  // A row with a value but no 分值/得分 the grammar reads as an indicator of its own.
  // A text in the measure columns (a qualitative target cut in two) makes one too. A row of text left of
  // them (a running header, a name's wrapped line) the grammar sets apart or joins.
  const measured = cells.some((c, i) => VALUE.test(texts[i]!) || (targetCol !== undefined && c.col >= targetCol - 2 && !PAGE_NUMBER.test(texts[i]!)));
  if (at < 0) return measured ? "the row has no 分值 and 得分" : undefined;
  // More cells before the 分值 than the header has columns there: one cell's text was set in two
  // (全年正常运  营), and read by position every cell of the row may stand one column off.
  if (columnsBefore !== undefined && at > columnsBefore) return `the row holds ${at} cells before its 分值, the header ${columnsBefore} columns`;
  const [w, s] = [new Decimal(texts[at]!.replace(/,/g, "")), new Decimal(texts[at + 1]!.replace(/,/g, ""))];
  // A 得分 above its 分值 is a shape, not a sum: the figures are compared as printed, never computed with.
  if (s.gt(w)) return `得分 ${texts[at + 1]} is above 分值 ${texts[at]}`;
  return undefined;
}

/** A funding value as printed whole: an amount (grouped by threes or not), a rate, or a dash. */
const AMOUNT = /^(?:-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?|[-–—/])$/u;

const UNLABELLED = "its values stand on a row without a label";

/** What is wrong with a funding row's shape: a value cut or run together, or values without their label. */
function fundingFlaw(cells: readonly Cell[]): string | undefined {
  const texts = cells.map((c) => squeeze(c.text));
  const labelled = texts.some((t) => /\p{Script=Han}/u.test(t));
  const broken = cells.find((c, i) => !/\p{Script=Han}/u.test(texts[i]!) && !AMOUNT.test(texts[i]!) && !AMOUNT.test(c.text.trim()));
  if (broken) return `"${broken.text}" is no whole amount (a number cut by its cell's wrap, or two run together)`;
  if (!labelled && texts.some((t) => AMOUNT.test(t))) return UNLABELLED;
  return undefined;
}

/**
 * One `layout.inferred-rows` warning per funding block (from its 年初预算数
 * header to 年度总体目标) whose rows lose their shape, quoting every cell
 * from the first such row to the block's end: a row lost there moves every
 * funding row after it.
 */
export function shiftedFunding(rows: readonly Row[], formOf: (c: Cell) => number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const isHeader = (r: Row) => r.cells.some((c) => /^(?:年初预算数|全年预算数)$/.test(squeeze(c.text)));
  const ends = (r: Row) => r.cells.some((c) => /年度总体目标|^预期目标$|^三级指标$|自评表$/.test(squeeze(c.text)));
  for (let h = 0; h < rows.length; h++) {
    if (!isHeader(rows[h]!)) continue;
    let end = h + 1;
    while (end < rows.length && !ends(rows[end]!) && !isHeader(rows[end]!)) end++;
    for (let k = h + 1; k < end; k++) {
      // Values on a row without a label below a labelled row are that row's, cut off from it: its values too are in doubt.
      const cutOff = k + 1 < end && fundingFlaw(rows[k + 1]!.cells) === UNLABELLED && fundingFlaw(rows[k]!.cells) === undefined;
      const why = cutOff ? "the values below it stand on a row without a label" : fundingFlaw(rows[k]!.cells);
      if (!why) continue;
      out.push(warning(rows, k, end, `funding rows from page ${rows[k]!.page} line ${rows[k]!.line} on may each be one row off: ${why}, so a row may have been lost or split here`, formOf));
      break;
    }
    h = end - 1;
  }
  return out;
}

/** The warning quoting every cell of rows k up to (not including) end. */
function warning(rows: readonly Row[], k: number, end: number, message: string, formOf: (c: Cell) => number): Diagnostic {
  const first = rows[k]!.cells[0]!;
  const quoted = rows.slice(k, end).flatMap((r) => r.cells);
  return {
    code: "layout.inferred-rows",
    severity: "warning",
    message: `${message}; the ${end - k} rows from it on are quoted`,
    line: first.line!,
    cell: first.col,
    page: first.page,
    form: formOf(first),
    quotes: quoted.map((c) => ({ text: c.text, line: c.line!, cell: c.col, page: c.page })),
  };
}

/**
 * One `layout.inferred-rows` warning per indicator table whose rows lose
 * their shape: it quotes every cell from the first such row up to 总分,
 * with the form it stands in (`formOf`, forms counted by title rows).
 */
export function shiftedRows(rows: readonly Row[], formOf: (c: Cell) => number): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let h = 0; h < rows.length; h++) {
    if (!rows[h]!.cells.some((c) => squeeze(c.text) === "三级指标")) continue;
    let end = h + 1;
    while (end < rows.length && !rows[end]!.cells.some((c) => squeeze(c.text) === "总分") && !rows[end]!.cells.some((c) => squeeze(c.text) === "三级指标")) end++;
    // Where the header prints 年度指标值: the measures' columns start there.
    const targetCol = rows[h]!.cells.find((c) => /^年度指标|^指标值/.test(squeeze(c.text)))?.col;
    // How many columns the header prints before 分值 (when it prints the level columns too: a row holds no more).
    const header = rows[h]!.cells.map((c) => squeeze(c.text));
    const weightAt = header.findIndex((t) => /^(?:分值|分数|权重)$/.test(t));
    const columnsBefore = weightAt > 0 && header.some((t) => /^一级指标$/.test(t)) ? weightAt : undefined;
    for (let k = h + 1; k < end; k++) {
      const why = flaw(rows[k]!.cells, targetCol, columnsBefore);
      if (!why) continue;
      const first = rows[k]!.cells[0]!;
      out.push(warning(rows, k, end, `indicator rows from page ${first.page} line ${first.line} on may each be one row off: ${why}, so a row may have been lost or split here`, formOf));
      break;
    }
    h = end - 1;
  }
  return out;
}
