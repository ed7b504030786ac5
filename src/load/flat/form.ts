import type { DroppedText } from "../../model/ledger.js";
import type { Diagnostic } from "../../model/document.js";
import type { Cell, Row } from "../../model/sheet.js";
import { doubtsOf, type ReadForm, type ReadIndicatorRow } from "./doubts.js";
import { fitFunding, fundingField } from "./funding-fit.js";
import { splitGoals } from "./goals-split.js";
import { byLine, wrapsAsOneCell } from "./lines.js";
import { findNext, matchAt, splitLabels, stripFundingKey, type Match } from "./match.js";
import { isAmountCell, isMeasure, isNumber, UNIT_PIECE, YEAR } from "./shapes.js";
import {
  FUNDING_BLOCK, FUNDING_HEADERS, FUNDING_ROWS, GOALS_HEADERS, GOALS_LABEL, GRADE, HEADER_LABELS, INDICATOR_HEADERS,
  LEVEL1, LEVEL2, NOTES, OPERATORS, QUALITATIVE, TITLES, TOTAL,
} from "./vocabulary.js";
import { joinWords, keyOf, type Word } from "./words.js";

/*
 * One form of flattened text read from its words into the rows a tab export
 * of it would have, so the grammar reads it like any other input. The parts
 * are found by their labels, in the order the form prints them; the values
 * between the labels by their shape. Columns are the seed export's (label,
 * value at column 2 …), so the grammar and the normaliser place every cell
 * exactly where this reader put it; each cell keeps its own line and
 * character offset.
 */

/** Where a part of the form starts: everything a header value, a goal text or a note runs up to. */
const STOPS = [...HEADER_LABELS, ...FUNDING_BLOCK, ...FUNDING_HEADERS, ...GOALS_LABEL, ...GOALS_HEADERS, ...TOTAL, ...GRADE, ...NOTES];

/** The rows of one form and what reading it assumed or could not read. */
export interface FormRows {
  rows: Row[];
  diagnostics: Diagnostic[];
  /** Texts dropped as page furniture (a table header printed again on a new page). */
  furniture: DroppedText[];
}

/** The cells of an indicator row the checks of doubts.ts look at. */
type Role = "level1" | "level2" | "name" | "target" | "actual" | "weight" | "score" | "note";

/** The order the parts of a form are printed in. */
const PART_RANK = { other: 0, funding: 1, goals: 2, indicators: 3, tail: 4 } as const;

export class FlatFormReader {
  private readonly rows: Row[] = [];
  /** Rows of unplaced words that go after the form's own rows. */
  private readonly leftovers: Row[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  readonly furniture: DroppedText[] = [];
  private i = 0;
  /** What was read, part by part, for the checks of doubts.ts. */
  private readonly read_: ReadForm = { funding: [], indicators: [], total: null, unplaced: [] };
  /** The part being read, so unplaced text is known to stand among funding or indicator rows. */
  private part: keyof typeof PART_RANK = "other";

  /** The part each row was read in, by PART_RANK. */
  private readonly partOf = new Map<Row, number>();

  /** Reads one part; text left unread after it counts as standing in it. */
  private at(part: FlatFormReader["part"], read: () => void): void {
    this.part = part;
    read();
  }

  /**
   * `keepUnplaced` false: text not read is kept as rows after the form's own
   * rows, not in place. Block-order text (pdftotext without -layout) has so
   * much of it that rows of it in place throw the grammar off the few values
   * it reads. `disorder` says why the form's words are out of reading order
   * (order.ts), or is null: out of order, every cell read is doubted.
   */
  constructor(private readonly words: readonly Word[], private readonly form: number, private readonly keepsUnplaced = true, private readonly disorder: string | null = null) {}

  read(): FormRows {
    const w = this.words;
    const end = w.length;
    this.title();
    this.year();
    while (this.i < end) {
      const at = this.i;
      const m = this.matchHere(HEADER_LABELS);
      if (m) this.at("other", () => this.headerField(m));
      else if (this.matchHere(FUNDING_BLOCK)) this.at("funding", () => this.funding());
      else if (this.matchHere(GOALS_LABEL) || this.matchHere(GOALS_HEADERS)) this.at("goals", () => this.goals());
      else if (this.matchHere(["一级指标", "三级指标"])) this.at("indicators", () => this.indicators());
      else if (this.matchHere(TOTAL)) this.at("tail", () => this.total());
      else if (this.matchHere(GRADE)) this.at("tail", () => this.grade());
      else if (this.matchHere(NOTES)) this.at("tail", () => this.note());
      if (this.i === at) this.unplaced(this.i, findNext(w, this.i + 1, end, [...STOPS, "一级指标"]));
    }
    this.flagDoubts();
    // Out of reading order, the parts are put back in the order the form prints them, so the grammar meets each where it looks for it.
    const rows = this.disorder === null ? this.rows : [...this.rows].sort((a, b) => (this.partOf.get(a) ?? 0) - (this.partOf.get(b) ?? 0));
    return { rows: [...rows, ...this.leftovers], diagnostics: this.diagnostics, furniture: this.furniture };
  }

  /**
   * The cells the form's arithmetic or the shape of what was read puts in
   * doubt (doubts.ts), each doubt a `layout.inferred-cell` warning that
   * quotes them: a value read one cell off is never silent.
   */
  private flagDoubts(): void {
    const doubts = doubtsOf(this.read_);
    if (this.disorder !== null) {
      // Out of reading order, any cell may hold a neighbour's value, and nothing tells which: every cell read is doubted.
      const cells = this.rows.flatMap((r) => r.cells).filter((c) => !TITLES.includes(keyOf(c.text)));
      if (cells.length) doubts.unshift({ cells, why: `the form's text is out of reading order (${this.disorder}): any value read may be a neighbour's` });
    }
    for (const d of doubts) {
      const first = d.cells[0]!;
      this.diagnostics.push({
        code: "layout.inferred-cell", severity: "warning", form: this.form, line: first.line, cell: first.offset, page: first.page,
        message: `${d.why}; the values read: ${d.cells.map((c) => `"${c.text}"`).join(" ")}`,
        quotes: d.cells.map((c) => ({ text: c.text, line: c.line!, cell: c.offset!, page: c.page })),
      });
    }
  }

  private matchHere(labels: readonly string[], strip?: (k: string) => string): Match | null {
    return this.i < this.words.length ? matchAt(this.words, this.i, labels, strip) : null;
  }

  private cell(words: readonly Word[], col: number, text = joinWords(words)): Cell {
    const first = words[0]!;
    return { text, col, page: first.page, line: first.line, offset: first.offset };
  }

  private push(cells: Cell[]): void {
    if (cells.length === 0) return;
    this.rows.push({ page: cells[0]!.page, line: cells[0]!.line, cells });
    this.partOf.set(this.rows[this.rows.length - 1]!, PART_RANK[this.part]);
  }

  private span(from: number, to: number): Word[] {
    return this.words.slice(from, to);
  }

  private note(): void {
    const m = this.matchHere(NOTES)!;
    const stop = findNext(this.words, m.to, this.words.length, [...NOTES, ...TOTAL, ...GRADE]);
    const cells = [this.cell(this.span(m.from, m.to), 0, m.label)];
    if (stop > m.to) cells.push(this.cell(this.span(m.to, stop), 1));
    this.push(cells);
    this.i = stop;
  }

  /** A diagnostic saying what was assumed where. */
  private inferred(message: string, at: Word, severity: Diagnostic["severity"] = "warning", code = "layout.inferred-columns"): void {
    this.diagnostics.push({ code, severity, message, line: at.line, cell: at.offset, page: at.page, form: this.form });
  }

  private unplaced(from: number, to: number): void {
    const words = this.span(from, to);
    if (words.length === 0) return;
    const text = joinWords(words);
    this.inferred(`text that no part of the form accounts for, not read: "${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`, words[0]!, "warning", "layout.unplaced-text");
    this.keepUnplaced(words, this.keepsUnplaced ? this.rows : this.leftovers);
    this.noteUnplaced(words);
    this.i = to;
  }

  /** Quotes `cells` in the latest diagnostic: the cells its inference placed. */
  private quoteLast(cells: readonly Cell[]): void {
    const d = this.diagnostics[this.diagnostics.length - 1]!;
    (d.quotes ??= []).push(...cells.map((c) => ({ text: c.text, line: c.line!, cell: c.offset!, page: c.page })));
  }

  /** Marks where unplaced words stood, when among the funding or indicator rows. */
  private noteUnplaced(words: readonly Word[]): void {
    const part = this.part;
    if (part === "other" || part === "goals" || words.length === 0) return;
    if (part === "tail") {
      // Figures after 总分 and 评分等级: cells drawn after the rest of their page (LibreOffice Calc draws wrapped and mixed-script cells last).
      if (words.some((x) => isAmountCell(x.text) || isMeasure(x.text))) this.read_.late = true;
      return;
    }
    for (const line of byLine([...words])) this.read_.unplaced.push({ page: line[0]!.page, line: line[0]!.line, part });
  }

  /**
   * Words not read still go into the Sheet, a row a line and a cell a word,
   * quoted by the last diagnostic, so nothing of the input is silently lost.
   */
  private keepUnplaced(words: readonly Word[], into: Row[] = this.rows): void {
    const d = this.diagnostics[this.diagnostics.length - 1]!;
    for (const line of byLine([...words])) {
      const cells = line.map((w, k) => this.cell([w], k));
      into.push({ page: cells[0]!.page, line: cells[0]!.line, cells });
      (d.quotes ??= []).push(...cells.map((c) => ({ text: c.text, cell: c.offset!, page: c.page, line: c.line! })));
    }
  }

  private title(): void {
    const m = this.matchHere(TITLES);
    if (!m) return;
    this.push([this.cell(this.span(m.from, m.to), 0, m.label)]);
    this.i = m.to;
  }

  private year(): void {
    // (2023 年度) is two words, or three when the parenthesis stands apart.
    for (let to = this.i + 1; to <= Math.min(this.words.length, this.i + 4); to++) {
      const words = this.span(this.i, to);
      if (YEAR.test(words.map((x) => x.text).join(" "))) {
        this.push([this.cell(words, 0, words.map((x) => x.text).join(" "))]);
        this.i = to;
        return;
      }
    }
  }

  /** 项目名称 / 主管部门 / 实施单位: the label, then its value up to the next label. */
  private headerField(m: Match): void {
    const stop = findNext(this.words, m.to, this.words.length, STOPS);
    const cells = [this.cell(this.span(m.from, m.to), 0, m.label)];
    if (stop > m.to) cells.push(this.cell(this.span(m.to, stop), 2));
    this.push(cells);
    this.i = stop;
  }

  /** 项目资金(万元), its column headers, then each row label with its amounts. */
  private funding(): void {
    const found0 = this.matchHere(FUNDING_BLOCK)!;
    const words = this.words;
    // The unit may stand apart: 预算执行情况 / (元).
    const unit = words[found0.to] && /^[(（](?:单位[:：])?万?元[)）]$/u.test(words[found0.to]!.text) ? words[found0.to]! : undefined;
    const block = unit ? { label: found0.label + unit.text.normalize("NFKC"), from: found0.from, to: found0.to + 1 } : found0;
    this.i = block.to;
    const rowStart = findNext(words, this.i, words.length, FUNDING_ROWS, stripFundingKey);
    const headerWords = this.span(this.i, rowStart);
    const { found, rest, restWords } = splitLabels(headerWords, FUNDING_HEADERS);
    if (this.fundingHeaders && headerWords.length === 0) {
      // The block's label printed again at the top of a page (a merged cell cut by the page break): its rows go on under the same headers.
      const again = this.span(block.from, block.to);
      this.furniture.push({ text: joinWords(again), kind: "repeated-header", page: again[0]!.page, line: again[0]!.line });
      this.fundingRows(this.fundingHeaders);
      return;
    }
    const head: Cell[] = [this.cell(this.span(block.from, block.to), 0, block.label)];
    const known = found.filter((h) => !h.unknown);
    known.forEach((h, k) => head.push(this.cell([h.word], 2 + k, h.label)));
    this.push(head);
    if (rest && headerWords[0]) {
      this.inferred(`text among the funding headers that is no header, not read: "${rest}"`, headerWords[0], "warning", "layout.unplaced-text");
      const labelled = new Set(known.map((h) => h.word));
      this.keepUnplaced(restWords.filter((w) => !labelled.has(w)), this.leftovers);
    }
    const headers = known.map((h) => h.label);
    this.fundingHeaders = headers;
    this.i = rowStart;
    this.fundingRows(headers);
  }

  /** The funding headers read, for rows that go on after the block's label is printed again. */
  private fundingHeaders: string[] | null = null;

  /** Each row label of the funding block with its amounts, from here on. */
  private fundingRows(headers: readonly string[]): void {
    const words = this.words;
    for (;;) {
      const label = this.matchHere(FUNDING_ROWS, stripFundingKey) ?? this.unknownFundingRow();
      if (!label) break;
      let to = label.to;
      while (to < words.length && isAmountCell(words[to]!.text)) to++;
      const values = this.span(label.to, to);
      const isTotal = /总额$/u.test(label.label);
      const labelText = joinWords(this.span(label.from, label.to));
      const cells: Cell[] = [this.cell(this.span(label.from, label.to), 1, labelText)];
      const fit = fitFunding(values, headers, isTotal);
      const placed: ReadForm["funding"][number] = { label: cells[0]!, total: isTotal, values: [] };
      values.forEach((v, k) => {
        const c = fit.columns[k];
        if (fit.joins?.includes(k - 1)) return;
        const piece = fit.joins?.includes(k) ? [v, values[k + 1]!] : [v];
        if (c !== null && c !== undefined) {
          const cell = this.cell(piece, 2 + c, piece.map((x) => x.text).join(""));
          cells.push(cell);
          placed.values.push({ field: fundingField(headers[c] ?? ""), cell });
        }
      });
      this.push(cells);
      this.read_.funding.push(placed);
      if (fit.assumed) {
        const where = values[0] ?? words[label.from]!;
        this.inferred(`funding row "${labelText}": ${fit.assumed}`, where);
        // The cells placed by that inference, quoted: each may stand in a column it does not belong to.
        const d = this.diagnostics[this.diagnostics.length - 1]!;
        d.quotes = placed.values.map(({ cell: c }) => ({ text: c.text, line: c.line!, cell: c.offset!, page: c.page }));
      }
      const unplacedValues = values.filter((_, k) => (fit.columns[k] === null || fit.columns[k] === undefined) && !fit.joins?.includes(k - 1));
      if (unplacedValues.length) {
        const why = fit.ambiguous ? "values no column is sure for" : "more values than columns";
        this.inferred(`funding row "${labelText}": ${why}, not read: ${unplacedValues.map((v) => v.text).join(" ")}`, unplacedValues[0]!, "warning", "layout.unplaced-text");
        // Kept after the form: a row of them inside the funding block would end it.
        this.keepUnplaced(unplacedValues, this.leftovers);
        this.read_.unplaced.push({ page: unplacedValues[0]!.page, line: unplacedValues[0]!.line, part: "funding" });
      }
      this.i = to;
    }
  }

  /**
   * A row of the funding block whose label jixiao does not know (专项债券资金):
   * words that are no amount and no label of a later part, then two amounts
   * or more. Read as a row, so the grammar names it.
   */
  private unknownFundingRow(): Match | null {
    const words = this.words;
    let to = this.i;
    while (to < words.length && to < this.i + 6 && !isAmountCell(words[to]!.text)) {
      if (matchAt(words, to, [...STOPS, "一级指标", "三级指标"])) return null;
      to++;
    }
    if (to === this.i || to + 1 >= words.length || !isAmountCell(words[to]!.text) || !isAmountCell(words[to + 1]!.text)) return null;
    return { label: keyOf(joinWords(this.span(this.i, to))), from: this.i, to };
  }

  /**
   * 年度总体目标 with 预期目标 and 实际完成情况, then the two texts. Flattened,
   * they run on one after the other; the cut is where a line narrower than
   * the ones before it ends the first text (a wrapped cell fills every line
   * but its last).
   */
  private goals(): void {
    const words = this.words;
    const from = this.i;
    const head: Cell[] = [];
    let headerCol = 0;
    for (;;) {
      const label = this.matchHere(GOALS_LABEL);
      const header = label ? null : this.matchHere(GOALS_HEADERS);
      const m = label ?? header;
      if (!m) break;
      const col = label ? 0 : m.label === "预期目标" ? 1 : 4;
      head.push(this.cell(this.span(m.from, m.to), col, m.label));
      headerCol = Math.max(headerCol, col);
      this.i = m.to;
    }
    head.sort((a, b) => a.col - b.col);
    const stop = findNext(words, this.i, words.length, ["一级指标", "三级指标", ...TOTAL]);
    if (this.disorder !== null && head[0]?.col !== 0) {
      // Out of reading order, goal headers without their 年度总体目标 label (drawn later, elsewhere) are no block to read.
      this.inferred(`goal headers with no 年度总体目标 label before them (the text is out of reading order), not read: "${joinWords(this.span(from, stop)).slice(0, 80)}"`, words[from]!, "warning", "layout.unplaced-text");
      this.keepUnplaced(this.span(from, stop), this.leftovers);
      this.i = stop;
      return;
    }
    this.push(head);
    const text = this.span(this.i, stop);
    this.i = stop;
    if (text.length === 0) return;
    const split = splitGoals(text);
    if (!split) {
      // One text only, or no cut agrees with the wrapping: all of it under 预期目标, said so.
      const cell = this.cell(text, 1);
      this.push([cell]);
      this.inferred(`goal texts: no place where 预期目标 ends and 实际完成情况 begins could be told, all of it read as 预期目标`, text[0]!);
      this.quoteLast([cell]);
      return;
    }
    // A paragraph a row: the normaliser joins a goal's cells with line breaks.
    const rows = Math.max(split.expected.length, split.actual.length);
    const placed: Cell[] = [];
    for (let k = 0; k < rows; k++) {
      const e = split.expected[k];
      const a = split.actual[k];
      const cells: Cell[] = [];
      if (e) cells.push(this.cell(e, 1));
      if (a) cells.push(this.cell(a, 4));
      this.push(cells);
      placed.push(...cells);
    }
    this.inferred(
      `goal texts: assumed 实际完成情况 begins at "${split.cut!.text}", where the wrapping of 预期目标 ends${split.fits > 1 ? ` (${split.fits} places fit; the one after a sentence's end taken)` : ""}`,
      split.cut!, split.fits > 1 ? "warning" : "info",
    );
    // Both texts hang on that cut: each cell of them is quoted, so a goal read wrong is flagged where it stands.
    this.quoteLast(placed);
  }

  /** The indicator table: its header, then every row up to 总分. */
  private indicators(): void {
    const words = this.words;
    const end = findNext(words, this.i, words.length, [...TOTAL, ...GRADE]);
    // The header: the header labels run (wrapped pieces and all) up to the first cell that is none.
    const headerEnd = this.headerRun(this.i, end);
    const { found } = splitLabels(this.span(this.i, headerEnd), INDICATOR_HEADERS);
    this.push(found.map((h, k) => this.cell([h.word], k, h.label)));
    if (found.some((h) => h.unknown)) this.inferred(`indicator table: a column jixiao does not know, "${found.filter((h) => h.unknown).map((h) => h.label).join(", ")}"; its cells are set apart and not read`, found.find((h) => h.unknown)!.word);
    this.i = headerEnd;
    new IndicatorRows(this, words, this.i, end, indicatorColumns(found.map((h) => h.label), found.map((h) => h.unknown === true))).read();
    this.i = end;
  }

  /** The end of a run of header labels starting at `from` (a header repeated on a new page is one too). */
  headerRun(from: number, end: number): number {
    let i = from;
    while (i < end) {
      const m = matchAt(this.words, i, INDICATOR_HEADERS, undefined, end) ?? matchAt(this.words, i, ["一级", "二级", "指标"], undefined, end);
      if (m) {
        i = m.to;
        continue;
      }
      // A header jixiao does not know (评分标准) between two it knows, on the header's line: a column of its own.
      const w = this.words[i]!;
      const next = i + 1 < end ? matchAt(this.words, i + 1, INDICATOR_HEADERS, undefined, end) : null;
      if (i > from && next && w.line === this.words[i - 1]!.line && !isAmountCell(w.text) && !isMeasure(w.text)) {
        i++;
        continue;
      }
      break;
    }
    return i;
  }

  /** Adds a row made by the indicator reader; `roles` names the column of each part the checks look at. */
  addRow(cells: Array<[Word[], number]>, roles: Partial<Record<Role, number>>, unsure: string | null = null): void {
    // A level label wrapped in its narrow cell is one label: its pieces join with nothing between (满意度指标(1 / 4分) is 满意度指标(14分)).
    const levels = new Set([roles.level1, roles.level2]);
    const made = cells.filter(([w]) => w.length > 0).map(([w, col]) => (levels.has(col) ? this.cell(w, col, w.map((x) => x.text).join("")) : this.cell(w, col)));
    this.push(made);
    const row: ReadIndicatorRow = { cells: made, ...(unsure ? { unsure } : {}) };
    for (const [role, col] of Object.entries(roles) as Array<[Role, number]>) {
      const c = made.find((x) => x.col === col);
      if (c) row[role] = c;
    }
    this.read_.indicators.push(row);
  }

  /** Reports an inference of the indicator reader. */
  report(message: string, at: Word, severity: Diagnostic["severity"] = "warning", code = "layout.inferred-columns"): void {
    this.inferred(message, at, severity, code);
  }

  /** Reports `words` as not read (`layout.unplaced-text`) and keeps them, quoted, as rows after the form. */
  reportUnread(message: string, words: readonly Word[]): void {
    this.inferred(message, words[0]!, "warning", "layout.unplaced-text");
    this.keepUnplaced(words, this.leftovers);
    this.noteUnplaced(words);
  }

  private total(): void {
    const m = this.matchHere(TOTAL)!;
    let to = m.to;
    while (to < this.words.length && to < m.to + 2 && isNumber(this.words[to]!.text)) to++;
    const values = this.span(m.to, to);
    const cells = [this.cell(this.span(m.from, m.to), 0, m.label)];
    values.forEach((v, k) => cells.push(this.cell([v], 2 + k + (values.length === 1 ? 1 : 0))));
    if (values.length === 1) this.inferred(`总分 has one figure, ${values[0]!.text}: assumed it is the total score, the total weight left blank`, values[0]!);
    this.push(cells);
    const figures = cells.slice(1);
    this.read_.total = figures.length === 2 ? { weight: figures[0]!, score: figures[1]! } : figures.length === 1 ? { score: figures[0]! } : {};
    this.i = to;
  }

  private grade(): void {
    const m = this.matchHere(GRADE)!;
    const cells = [this.cell(this.span(m.from, m.to), 0, m.label)];
    const next = this.words[m.to];
    let to = m.to;
    if (next && !matchAt(this.words, m.to, [...TITLES, ...NOTES])) {
      cells.push(this.cell([next], 1));
      to++;
    }
    this.push(cells);
    this.i = to;
  }
}

/**
 * The rows of an indicator table. A row ends in its 分值 and 得分, two plain
 * numbers; before them stand the actual and the target, told by their shape
 * (≥250(人), 5.00(人)) or, for qualitative ones, by the known statements and
 * the spaces that separate cells on a line; before those the name, and the
 * level labels where a group starts. What follows 得分 on its line is the
 * 偏差原因 note, which may wrap onto the lines after it.
 */
class IndicatorRows {
  constructor(
    private readonly reader: FlatFormReader,
    private readonly words: readonly Word[],
    private readonly from: number,
    private readonly end: number,
    private readonly columns: IndicatorColumns,
  ) {}

  read(): void {
    const w = this.words;
    const anchors: number[] = [];
    for (let k = this.from; k + 1 < this.end; k++) {
      if (isNumber(w[k]!.text) && isNumber(w[k + 1]!.text) && !(k + 2 < this.end && isNumber(w[k + 2]!.text))) anchors.push(k);
    }
    let start = this.from;
    let noteFrom = -1;
    for (let a = 0; a < anchors.length; a++) {
      const weight = anchors[a]!;
      this.rowUnsure = null;
      const pre = this.dropHeaders(start, weight);
      const { target, actual, before, nature, unit, extra } = this.values(pre, weight);
      const { note, rest } = this.splitNote(noteFrom, w.slice(start, before).filter((x) => pre.has(x.index)));
      if (a > 0) this.pendingNote(note);
      const { l1, l2, name } = this.levels(rest);
      const c = this.columns;
      this.pendingUnsure = this.rowUnsure;
      this.pending = [[l1, c.level1], [l2, c.level2], [name, c.name], [nature, c.nature ?? -1], [target, c.target], [unit, c.unit ?? -1], [actual, c.actual], [extra, c.beforeWeight ?? -1], [[w[weight]!], c.weight], [[w[weight + 1]!], c.score]];
      start = weight + 2;
      noteFrom = start < this.end && w[start]!.line === w[weight + 1]!.line && !isNumber(w[start]!.text) ? start : -1;
    }
    const tail = this.dropHeaders(start, this.end);
    const rest = w.slice(start, this.end).filter((x) => tail.has(x.index));
    if (this.pending) this.pendingNote(rest);
    else if (rest.length) this.reader.reportUnread(`indicator table text with no 分值 and 得分 after it, not read: "${joinWords(rest)}"`, rest);
  }

  private pending: Array<[Word[], number]> | null = null;
  /** Why the pending row's cell boundaries are unsure, and the same for the row being read; null when they are plain. */
  private pendingUnsure: string | null = null;
  private rowUnsure: string | null = null;

  private pendingNote(note: Word[]): void {
    if (!this.pending) return;
    const c = this.columns;
    this.reader.addRow([...this.pending, [note, c.note]], { level1: c.level1, level2: c.level2, name: c.name, target: c.target, actual: c.actual, weight: c.weight, score: c.score, note: c.note }, this.pendingUnsure);
    this.pending = null;
    this.pendingUnsure = null;
  }

  /** The indices in [from, to) that are not a repeated header (a header printed again on a new page). */
  private dropHeaders(from: number, to: number): Set<number> {
    const keep = new Set<number>();
    for (let k = from; k < to; ) {
      const m = matchAt(this.words, k, INDICATOR_HEADERS, undefined, to);
      if (m && m.label === "一级指标") {
        const e = this.reader.headerRun(k, to);
        if (e - k >= 3) {
          const repeat = this.words.slice(k, e);
          this.reader.furniture.push({ text: joinWords(repeat), kind: "repeated-header", page: repeat[0]!.page, line: repeat[0]!.line });
          k = e;
          continue;
        }
      }
      keep.add(k);
      k++;
    }
    return keep;
  }

  /** The indices in `pre` up to `end` that spell a level label (level labels wrap into pieces of their own). */
  private levelWords(pre: Set<number>, end: number): Set<number> {
    const out = new Set<number>();
    const subtotal = (key: string) => key.replace(/\(\d+(?:\.\d+)?分\)$/u, "");
    for (const k of pre) {
      if (k > end) continue;
      const m = matchAt(this.words, k, [...LEVEL1, ...LEVEL2], subtotal, end + 1);
      if (m) for (let j = m.from; j < m.to; j++) out.add(j);
    }
    return out;
  }

  /** The actual and the target just before 分值 (at `weight`), and where the words before them end. */
  private values(pre: Set<number>, weight: number): { target: Word[]; actual: Word[]; before: number; nature: Word[]; unit: Word[]; extra: Word[] } {
    let at = weight;
    const take = (): Word[] => {
      const w = this.words;
      let e = at - 1;
      while (e >= 0 && !pre.has(e)) e--;
      if (e < 0) return [];
      const t = w[e]!.text;
      // A measure whose unit wrapped: ≥150.00 / (次).
      if (UNIT_PIECE.test(t) && e > 0 && (isMeasure(w[e - 1]!.text) || isNumber(w[e - 1]!.text))) {
        at = e - 1;
        return [w[e - 1]!, w[e]!];
      }
      if (isMeasure(t) || isNumber(t)) {
        at = e;
        return [w[e]!];
      }
      // A known statement, wrapped or not.
      let key = "";
      for (let s = e; s >= Math.max(0, e - 8); s--) {
        key = keyOf(w[s]!.text) + key;
        if (QUALITATIVE.includes(key)) {
          at = s;
          return w.slice(s, e + 1);
        }
      }
      // Else the cell starts after the last space on its line: cells on a line are separated by spaces.
      // A level label (服务对象满意度指 / 标) is a cell of its own: the scan stops before it.
      const level = this.levelWords(pre, e);
      let s = e;
      while (s > 0 && w[s]!.before === "break" && pre.has(s - 1) && !isAmountCell(w[s - 1]!.text) && w[s - 1]!.before !== "start" && !level.has(s - 1)) {
        if (w[s - 1]!.before === "space") {
          s--;
          break;
        }
        s--;
      }
      if (w[s]!.before === "break") {
        // No space on the way: nothing tells where the cell began, so its last line is taken as the cell, and said so.
        while (s < e && w[s]!.line !== w[e]!.line) s++;
        this.reader.report(`indicator cell "${joinWords(w.slice(s, e + 1))}": where it begins could not be told, assumed it is the line it ends on`, w[s]!);
        this.rowUnsure ??= `where its cell "${joinWords(w.slice(s, e + 1))}" begins could not be told (no space between it and the cell before), its last line was taken`;
      }
      at = s;
      return w.slice(s, e + 1);
    };
    // A column jixiao does not know between 实际完成值 and 分值 (评分标准): its cell, placed under it for the normaliser to name.
    const extra = this.columns.beforeWeight !== undefined ? take() : [];
    const actual = take();
    // With 计量单位 and 指标性质 columns (≥ | 95 | % | 97.5): the unit stands after a number, the operator before it.
    const prev = (): Word | undefined => {
      let e = at - 1;
      while (e >= 0 && !pre.has(e)) e--;
      return e >= 0 ? this.words[e] : undefined;
    };
    let unit: Word[] = [];
    const u = prev();
    if (this.columns.unit !== undefined && u && /^[^\d\s=≥≤<>＝≧≦＞＜]{1,4}$/u.test(u.text) && u.index > 0 && (isNumber(this.words[u.index - 1]!.text) || isMeasure(this.words[u.index - 1]!.text))) {
      unit = [u];
      at = u.index;
    }
    const target = take();
    let nature: Word[] = [];
    const n = prev();
    if (this.columns.nature !== undefined && n && OPERATORS.includes(n.text)) {
      nature = [n];
      at = n.index;
    }
    return { target, actual, before: at, nature, unit, extra };
  }

  /**
   * The note of the row before (it starts after 得分 on that line) and the
   * rest. The note takes the lines after it as long as what remains still
   * reads as wrapped cells; the most lines that do.
   */
  private splitNote(noteFrom: number, words: Word[]): { note: Word[]; rest: Word[] } {
    if (noteFrom < 0 && this.pending) {
      // A note on lines of its own, below its row's 得分 (a tall cell centred): what stands before the next group's level label at a line's start.
      const isLevel = (k: number) => matchAt(words, k, [...LEVEL1, ...LEVEL2], (key) => key.replace(/\(\d+(?:\.\d+)?分\)$/u, "")) !== null;
      const level = words.findIndex((x, k) => k > 0 && x.before === "break" && isLevel(k));
      // Text holding a part's label (年度总体目标 …) is no note: it is the form's own, out of place.
      const labelled = (k: number) => STOPS.some((l) => keyOf(joinWords(words.slice(0, k))).includes(l));
      if (level > 0 && !words.slice(0, level).some((_, k) => isLevel(k)) && !labelled(level)) {
        this.reader.report(`偏差原因 note assumed to be the text on its own line(s) before the level label "${words[level]!.text}"`, words[0]!, "info");
        return { note: words.slice(0, level), rest: words.slice(level) };
      }
    }
    if (noteFrom < 0 || words.length === 0 || words[0]!.index !== noteFrom) return { note: [], rest: words };
    const lines = byLine(words);
    const fits: number[] = [];
    for (let k = lines.length - 1; k >= 1; k--) {
      const note = lines.slice(0, k);
      const { name } = this.levels(lines.slice(k).flat());
      if (name.length === 0) continue;
      const startsWithLevel = lines.slice(1, k).some((l) => matchAt(l, 0, [...LEVEL1, ...LEVEL2]) !== null);
      if (startsWithLevel) continue;
      if (wrapsAsOneCell(note) && wrapsAsOneCell(byLine(name))) fits.push(k);
    }
    const k = fits[0];
    if (k === undefined) return { note: lines[0]!, rest: lines.slice(1).flat() };
    if (k > 1) this.reader.report(`偏差原因 note assumed to continue on ${k - 1} line(s) after line ${lines[0]![0]!.line}`, lines[1]![0]!, "info");
    if (fits.length > 1) {
      // The note and the next row's name both wrap, and either may take the lines between them: both rows are unsure.
      const why = `where the 偏差原因 note on line ${lines[0]![0]!.line} ends and the next row's name begins could not be told (${fits.length} places fit, the note's last line taken as line ${lines[k - 1]![0]!.line})`;
      this.pendingUnsure ??= why;
      this.rowUnsure ??= why;
    }
    return { note: lines.slice(0, k).flat(), rest: lines.slice(k).flat() };
  }

  /** The level labels at the start of a row's words, and its name. */
  private levels(words: Word[]): { l1: Word[]; l2: Word[]; name: Word[] } {
    let k = 0;
    let l1: Word[] = [];
    let l2: Word[] = [];
    const subtotal = (key: string) => key.replace(/\(\d+(?:\.\d+)?分\)$/u, "");
    const first = matchAt(words, k, [...LEVEL1, ...LEVEL2], subtotal);
    if (first) {
      const second = matchAt(words, first.to, LEVEL2, subtotal);
      if (second || (LEVEL1.includes(first.label) && !LEVEL2.includes(first.label))) {
        l1 = words.slice(first.from, first.to);
        k = first.to;
        if (second) {
          l2 = words.slice(second.from, second.to);
          k = second.to;
        }
      } else {
        l2 = words.slice(first.from, first.to);
        k = first.to;
      }
    }
    return { l1, l2, name: words.slice(k) };
  }
}

/** The column each part of an indicator row goes to: its header's position (the seed's, where a header is missing). */
interface IndicatorColumns {
  level1: number;
  level2: number;
  name: number;
  nature: number | undefined;
  target: number;
  unit: number | undefined;
  actual: number;
  weight: number;
  score: number;
  note: number;
  /** An unknown column right before 分值, whose cell stands between the actual and the weight. */
  beforeWeight: number | undefined;
}

function indicatorColumns(headers: string[], unknown: boolean[]): IndicatorColumns {
  const at = (names: string[], seed: number) => {
    const k = headers.findIndex((h) => names.includes(h));
    return k >= 0 ? k : seed;
  };
  const optional = (name: string) => {
    const k = headers.indexOf(name);
    return k >= 0 ? k : undefined;
  };
  return {
    level1: at(["一级指标"], 0),
    level2: at(["二级指标"], 1),
    name: at(["三级指标", "指标名称"], 2),
    nature: optional("指标性质"),
    target: at(["年度指标值", "指标值"], 3),
    unit: optional("计量单位"),
    actual: at(["实际完成值"], 4),
    weight: at(["分值", "分数", "权重"], 5),
    score: at(["得分"], 6),
    note: at(["偏差原因分析及改进措施"], 7),
    beforeWeight: (() => {
      const w = headers.findIndex((h) => ["分值", "分数", "权重"].includes(h));
      return w > 0 && unknown[w - 1] ? w - 1 : undefined;
    })(),
  };
}
