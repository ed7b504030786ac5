import { Decimal } from "decimal.js";
import type { Diagnostic } from "../../model/document.js";
import type { DroppedText } from "../../model/ledger.js";
import type { Cell, Row } from "../../model/sheet.js";
import type { FormRows } from "./form.js";
import { fitFunding, fundingArithmetic, fundingField, type FundingField } from "./funding-fit.js";
import { byLine, wrapsAsOneCell } from "./lines.js";
import { matchAt, stripFundingKey } from "./match.js";
import { isAmountCell, isMeasure, isNumber, YEAR } from "./shapes.js";
import {
  FUNDING_BLOCK, FUNDING_HEADERS, FUNDING_ROWS, GOALS_HEADERS, GOALS_LABEL, GRADE, HEADER_LABELS, INDICATOR_HEADERS,
  LEVEL1, LEVEL2, NOTES, QUALITATIVE, TITLES, TOTAL,
} from "./vocabulary.js";
import { joinWords, keyOf, type Word } from "./words.js";

/*
 * One form of text in poppler's block order (pdftotext without -layout) read
 * back into the rows a tab export has. Such text cuts the page into blocks
 * and writes them one after another: a label may stand far from its values,
 * a run of cells of one row may be whole while its name stands elsewhere.
 * Nothing here rests on where a word stands on the page (the text has lost
 * that); it rests on what survives: the form's vocabulary, the shape of a
 * row's values (target, actual, 分值, 得分 in a run), and the arithmetic
 * (the funding row, 总分 = the sum of the weights). Every value read from
 * such text is assumed, and the loader says so on every form
 * (layout.reading-order); each further assumption gets its own
 * `layout.inferred-columns` naming what was assumed, and what cannot be
 * placed is left out, quoted in a `layout.unplaced-text` warning.
 */

/** The column of each funding field in the seed's export (label at 0–1, values from 2). */
const FUNDING_ORDER: FundingField[] = ["initialBudget", "adjustedBudget", "executed", "weight", "rate", "score"];

/** The level-1 group each level-2 label belongs to, in the order the national form prints them. */
const LEVEL1_OF: Record<string, string> = {
  数量指标: "产出指标", 质量指标: "产出指标", 时效指标: "产出指标", 成本指标: "产出指标",
  经济成本指标: "成本指标", 社会成本指标: "成本指标", 生态环境成本指标: "成本指标",
  经济效益指标: "效益指标", 社会效益指标: "效益指标", 生态效益指标: "效益指标", 可持续影响指标: "效益指标",
  服务对象满意度指标: "满意度指标",
};

/** Indicator header labels in the seed's column order. */
const INDICATOR_ORDER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** Grades a 评分等级 cell holds. */
const GRADES = ["优", "良", "中", "差", "优秀", "良好", "合格", "不合格", "较差"];

/** Every label of the form: words that are never a value. */
const VOCABULARY = [
  ...TITLES, ...HEADER_LABELS, ...FUNDING_BLOCK, ...FUNDING_HEADERS, ...FUNDING_ROWS.flatMap((r) => [r, `${r}:`, `其中:${r}`]),
  ...GOALS_LABEL, ...GOALS_HEADERS, ...INDICATOR_HEADERS, ...LEVEL1, ...LEVEL2, ...TOTAL, ...GRADE, ...NOTES,
  "年度总", "体目标", "年度", "总体", "目标", "一级", "二级", "指标",
];

/** 分值 and 得分 of one indicator row as the form's arithmetic allows them: 0 ≤ 得分 ≤ 分值 ≤ 100. */
function scoreFits(weight: string, score: string): boolean {
  const [wt, sc] = [weight, score].map((t) => new Decimal(t.replace(/,/g, "").replace(/^\((.*)\)$/u, "$1").replace(/−/gu, "-")));
  return sc!.gte(0) && sc!.lte(wt!) && wt!.lte(100);
}

/** A short word that is a piece of a level label wrapped in its narrow column (社会, 可持, 续影, 度指). */
function isPieceOfLevel(text: string): boolean {
  const key = keyOf(text);
  return [...text].length <= 3 && [...LEVEL1, ...LEVEL2].some((l) => l.includes(key));
}

/** A level-1 label with the subtotal it prints: 产出指标(64分). */
const LEVEL1_SUBTOTAL = /^(产出指标|效益指标|满意度指标|成本指标)[(（]\d+(?:\.\d+)?分?[)）]$/u;
const isUnitWord = (s: string) => /^[(（](?:单位[:：])?万?元[)）]$/u.test(s);
const isQualitative = (s: string) => QUALITATIVE.includes(keyOf(s));
/** A goal text, not a name: long, or a sentence. */
const isProse = (s: string) => s.length > 24 || /[，。；;,、]/u.test(s);

interface Run {
  /** Index of the target: where the row stands in the text. */
  at: number;
  /** Indices of the target, actual, 分值 and 得分 (in a run, at to at + 3). */
  vals: [number, number, number, number];
  name: Word[];
  level2: string | null;
  level2Word?: Word;
  /** The 偏差原因 note standing after the row's 得分. */
  note?: Word[];
  /** Every word index reading the row took (values, name, note, level label), to give back if the row is not read. */
  taken?: Set<number>;
}

export class BlockOrderReader {
  private readonly rows: Row[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly used = new Set<number>();
  /** Label matches by the index they start at. */
  private readonly labels = new Map<number, { label: string; to: number }>();
  /** Pieces of a label standing apart from its start (项目资金(元 … )), by the index the label starts at. */
  private readonly pieces = new Map<number, number[]>();
  /** Indices of words that are part of a label. */
  private readonly vocab = new Set<number>();
  /**
   * Level labels whose two pieces stand either side of one word (社会效益指 /
   * 解决就业人数 / 标): poppler wrote the level column and the name column of
   * the same rows as one block, line by line. Keyed by the word between.
   */
  private readonly around = new Map<number, { label: string; pieces: [number, number] }>();

  private readonly furniture: DroppedText[] = [];
  /** Level-1 labels printed with their subtotal, by level: the word's index. */
  private readonly subtotals = new Map<string, number>();
  /** Header values read, which no indicator is named. */
  private readonly headerValues = new Set<string>();

  /**
   * `running` are line texts printed above the first form (a document's
   * heading), which block order repeats on every page as its header.
   */
  constructor(private readonly words: readonly Word[], private readonly form: number, running: ReadonlySet<string> = new Set()) {
    for (const line of byLine(words)) {
      const text = line.map((w) => w.text).join(" ");
      if (!running.has(text)) continue;
      line.forEach((w) => this.used.add(w.index));
      this.furniture.push({ text, kind: "running-header", page: line[0]!.page, line: line[0]!.line });
    }
    for (let i = 0; i < words.length; ) {
      const m = matchAt(words, i, VOCABULARY, stripFundingKey);
      if (!m && LEVEL1_SUBTOTAL.test(keyOf(words[i]!.text))) {
        this.vocab.add(i);
        this.subtotals.set(LEVEL1_SUBTOTAL.exec(keyOf(words[i]!.text))![1]!, i);
        i++;
        continue;
      }
      // 项目资金(元 … ): a funding block label whose closing piece block order set a cell or two apart.
      const cut = !m ? this.cutLabel(i) : null;
      if (cut) {
        this.labels.set(i, { label: cut.label, to: i + 1 });
        this.pieces.set(i, [cut.rest]);
        this.vocab.add(i);
        this.vocab.add(cut.rest);
        i++;
        continue;
      }
      if (!m) {
        const split = i + 2 < words.length ? keyOf(words[i]!.text) + keyOf(words[i + 2]!.text) : "";
        if ([...LEVEL1, ...LEVEL2].includes(split) && !this.vocab.has(i + 1)) {
          this.around.set(i + 1, { label: split, pieces: [i, i + 2] });
          this.vocab.add(i);
          this.vocab.add(i + 2);
        }
        i++;
        continue;
      }
      this.labels.set(i, { label: m.label, to: m.to });
      for (let k = m.from; k < m.to; k++) this.vocab.add(k);
      i = m.to;
    }
  }

  read(): FormRows {
    this.title();
    this.header();
    const funding = this.funding();
    const runs = this.indicators(funding);
    this.total(runs, funding);
    this.grade();
    this.leftovers();
    return { rows: this.rows, diagnostics: this.diagnostics, furniture: this.furniture };
  }

  /** A word that begins a funding block label whose rest is one of the next three words: the label and the rest's index. */
  private cutLabel(i: number): { label: string; rest: number } | null {
    const key = keyOf(this.words[i]!.text);
    if (!/[(（]/u.test(key)) return null;
    for (let j = i + 1; j <= i + 3 && j < this.words.length; j++) {
      const label = key + keyOf(this.words[j]!.text);
      if (FUNDING_BLOCK.includes(label) && label !== key) return { label, rest: j };
    }
    return null;
  }

  private take(k: number): Word {
    this.used.add(k);
    return this.words[k]!;
  }

  private takeLabel(i: number): Word[] {
    const m = this.labels.get(i)!;
    const out: Word[] = [];
    for (let k = i; k < m.to; k++) out.push(this.take(k));
    for (const k of this.pieces.get(i) ?? []) out.push(this.take(k));
    return out;
  }

  private cell(words: readonly Word[], col: number, text = joinWords(words)): Cell {
    const first = words[0]!;
    return { text, col, page: first.page, line: first.line, offset: first.offset };
  }

  private push(cells: Cell[]): void {
    if (cells.length) this.rows.push({ page: cells[0]!.page, line: cells[0]!.line, cells });
  }

  private say(message: string, at: Word, severity: Diagnostic["severity"] = "warning", code = "layout.inferred-columns"): Diagnostic {
    const d: Diagnostic = { code, severity, message, line: at.line, cell: at.offset, page: at.page, form: this.form };
    this.diagnostics.push(d);
    return d;
  }

  /**
   * One value or a row of values placed by inference, not by a label or
   * column the text makes plain: a `layout.inferred-cell` diagnostic naming
   * each field and quoting each cell where it stands, so a reader of the
   * output knows which values to doubt, not only that the form has some.
   */
  private flag(fields: ReadonlyArray<{ field: string; cell: Cell }>, why: string, severity: Diagnostic["severity"] = "warning"): void {
    if (fields.length === 0) return;
    const first = fields[0]!.cell;
    const named = fields.map((f) => `${f.field} "${f.cell.text}"`).join(", ");
    this.diagnostics.push({
      code: "layout.inferred-cell", severity, form: this.form, line: first.line, cell: first.offset, page: first.page,
      message: `${named}: ${why}`,
      quotes: fields.map((f) => ({ text: f.cell.text, line: f.cell.line!, cell: f.cell.offset!, page: f.cell.page })),
    });
  }

  /** Where a label of `set` starts, in order (the stripped key compared). */
  private find(set: readonly string[]): number[] {
    return [...this.labels].filter(([i, m]) => set.includes(m.label) && !this.used.has(i)).map(([i]) => i);
  }

  /** A word that is neither a label nor a value nor read already. */
  private isFree(k: number): boolean {
    const w = this.words[k];
    return w !== undefined && !this.used.has(k) && !this.vocab.has(k) && !isAmountCell(w.text) && !isMeasure(w.text) && !isQualitative(w.text) && !isUnitWord(w.text) && !GRADES.includes(w.text);
  }

  private title(): void {
    const t = this.find(TITLES)[0];
    if (t === undefined) return;
    const words = this.takeLabel(t);
    this.push([this.cell(words, 0, this.labels.get(t)!.label)]);
    const next = this.labels.get(t)!.to;
    const line = this.words.filter((w, k) => k >= next && !this.used.has(k) && w.line === this.words[next]?.line && w.page === this.words[next]?.page);
    if (line.length && YEAR.test(line.map((w) => w.text).join(" "))) {
      line.forEach((w) => this.used.add(w.index));
      this.push([this.cell(line, 0, line.map((w) => w.text).join(" "))]);
    }
  }

  /**
   * 项目名称, 主管部门, 实施单位: a value right after its label is its own;
   * labels left without one take the free words before the funding rows in
   * order, when there are as many as labels (said so); else none.
   */
  private header(): void {
    const labels = this.find(HEADER_LABELS);
    const zoneEnd = this.find(FUNDING_ROWS)[0] ?? this.words.length;
    const values = new Map<number, Word>();
    for (const i of labels) {
      const after = this.labels.get(i)!.to;
      if (this.isFree(after) && !isProse(this.words[after]!.text)) values.set(i, this.take(after));
    }
    const missing = labels.filter((i) => !values.has(i));
    const free = [...this.words.keys()].filter((k) => k < zoneEnd && k > (labels[0] ?? 0) && this.isFree(k) && !isProse(this.words[k]!.text));
    if (missing.length && free.length === missing.length) {
      missing.forEach((i, n) => values.set(i, this.take(free[n]!)));
      this.say(`header: ${missing.map((i) => this.labels.get(i)!.label).join(", ")} read from the free text before the funding rows, in order (block order keeps no row)`, this.words[free[0]!]!);
    } else if (missing.length) {
      this.say(`header: no value could be told for ${missing.map((i) => this.labels.get(i)!.label).join(", ")} (block order keeps no row); left empty`, this.words[missing[0]!]!);
    }
    const guessed = new Set(missing);
    for (const i of labels) {
      const label = this.labels.get(i)!.label;
      const cells = [this.cell(this.takeLabel(i), 0, label)];
      const v = values.get(i);
      if (v) {
        const c = this.cell([v], 2);
        cells.push(c);
        this.headerValues.add(v.text);
        if (guessed.has(i)) this.flag([{ field: label, cell: c }], "taken from the free text before the funding rows, in the labels' order: block order set it apart from its label");
        else if (v.line !== cells[0]!.line || v.page !== cells[0]!.page) this.flag([{ field: label, cell: c }], "the text right after its label, on the next line: block order may have put another cell there", "info");
      }
      this.push(cells);
    }
  }

  /** The amount cells right after index `from`. */
  private amountsAt(from: number): number[] {
    const out: number[] = [];
    for (let k = from; k < this.words.length && !this.used.has(k) && isAmountCell(this.words[k]!.text); k++) out.push(k);
    return out;
  }

  /**
   * The funding block: each row label with the amounts right after it. The
   * number of columns is the longest such row's (block order keeps the
   * header cells apart from each other); a total row left without amounts
   * takes a run of amounts standing with no label right before the next
   * row's label, as poppler writes a row whose label fell into another block.
   * Returns the total row's weight and score, for 总分.
   */
  private funding(): { weight: Decimal; score: Decimal } | null {
    const block = this.find(FUNDING_BLOCK)[0];
    // The total row first, as the form prints it (block order may write its label last).
    const found = this.find(FUNDING_ROWS);
    const isTotalAt = (i: number) => /总额$/u.test(this.labels.get(i)!.label);
    const rowsAt = [...found.filter(isTotalAt), ...found.filter((i) => !isTotalAt(i))];
    if (rowsAt.length === 0) return null;
    const amounts = rowsAt.map((i) => this.amountsAt(this.labels.get(i)!.to));
    const columns = Math.min(6, Math.max(...amounts.map((a) => a.length)));
    const fields: FundingField[] = columns >= 6 ? FUNDING_ORDER : (["initialBudget", "adjustedBudget", "executed", "rate"] as FundingField[]).slice(0, columns);
    // The header cells: the first label of each field the columns hold.
    const headerAt = fields.map((f) => this.find(FUNDING_HEADERS).find((i) => fundingField(this.labels.get(i)!.label) === f));
    const headers = fields.map((f, n) => (headerAt[n] !== undefined ? this.labels.get(headerAt[n])!.label : f));
    const blockWords = block !== undefined ? this.takeLabel(block) : [];
    const unit = block !== undefined && isUnitWord(this.words[this.labels.get(block)!.to]?.text ?? "") ? [this.take(this.labels.get(block)!.to)] : [];
    const first = blockWords[0] ?? this.words[rowsAt[0]!]!;
    const head: Cell[] = [this.cell(first === blockWords[0] ? [...blockWords, ...unit] : [first], 0, block !== undefined ? this.labels.get(block)!.label + unit.map((u) => u.text.normalize("NFKC")).join("") : "项目资金")];
    headerAt.forEach((i, n) => {
      if (i === undefined) return;
      head.push(this.cell(this.takeLabel(i), 2 + n, headers[n]));
    });
    this.push(head);
    // The grammar needs the block's label; where none was printed it is supplied, and said so.
    if (block === undefined) this.say("funding: no 项目资金 label was found; the block's label is supplied as 项目资金, at its first row's label", first, "warning", "layout.inferred-cell");
    if (fields.length) this.say(`funding: ${fields.length} columns (the longest row), in the form's order ${headers.join(", ")}: block order keeps the header cells apart`, first, "info");
    let total: { weight: Decimal; score: Decimal } | null = null;
    rowsAt.forEach((i, r) => {
      const label = this.labels.get(i)!.label;
      const labelWords = this.takeLabel(i);
      const isTotal = /总额$/u.test(label);
      let values = amounts[r]!.filter((k) => !this.used.has(k));
      const firstOther = found.find((x) => !isTotalAt(x));
      if (isTotal && values.length === 0 && firstOther !== undefined) {
        // The run of amounts standing right before the first other row's label, with no label of its own.
        const next = firstOther;
        let k = next - 1;
        // Labels (项目资金(万元)) may stand between the run and the row.
        while (k >= 0 && this.vocab.has(k)) k--;
        const run: number[] = [];
        while (k >= 0 && !this.used.has(k) && isAmountCell(this.words[k]!.text)) run.unshift(k--);
        if (run.length >= 2) {
          values = run;
          this.say(`funding row "${label}": its amounts read from the unlabelled run ${run.map((x) => this.words[x]!.text).join(" ")} before the first row under it (block order put its label elsewhere)`, this.words[run[0]!]!);
        }
      }
      const valueWords = values.map((k) => this.words[k]!);
      const fit = fitFunding(valueWords, headers, isTotal);
      const cells: Cell[] = [this.cell(labelWords, 1, joinWords(labelWords))];
      const placed: Array<{ field: string; cell: Cell; word: Word; column: number }> = [];
      valueWords.forEach((v, n) => {
        const c = fit.columns[n];
        if (c === null || c === undefined || fit.joins?.includes(n) || fit.joins?.includes(n - 1)) return;
        placed.push({ field: `${label} ${headers[c]}`, cell: this.cell([v], 2 + c), word: v, column: c });
      });
      // The form's arithmetic on the placement: a row it contradicts is not read (its values are quoted as unplaced).
      const check = fundingArithmetic(new Map(placed.map((p) => [fields[p.column]!, p.word])));
      if (check.contradicts.length) {
        this.say(`funding row "${label}": ${valueWords.map((v) => v.text).join(" ")} placed as ${headers.join(", ")} contradicts the form's arithmetic (${check.contradicts.join("; ")}); its values are not read`, valueWords[0] ?? labelWords[0]!);
        placed.length = 0;
      }
      for (const p of placed) {
        this.used.add(p.word.index);
        cells.push(p.cell);
        if (isTotal && (fields[p.column] === "score" || fields[p.column] === "weight") && isNumber(p.word.text)) {
          total ??= { weight: new Decimal(0), score: new Decimal(0) };
          total[fields[p.column] as "weight" | "score"] = new Decimal(p.word.text.replace(/,/g, ""));
        }
      }
      this.push(cells);
      // Which row comes where is the text's order, which block order does not keep: the label's place is inferred.
      if (!isTotal) this.flag([{ field: "资金来源 (row order)", cell: cells[0]! }], `funding row "${label}" placed as row ${r + 1} of ${rowsAt.length} in the text's order, which block order does not keep`, "info");
      if (fit.assumed) this.say(`funding row "${label}": ${fit.assumed}`, valueWords[0] ?? labelWords[0]!);
      // Plain only when the row's values follow its label and fill the national form's six columns; else each placement is inferred.
      const plainRow = fields.length === 6 && values === amounts[r] && valueWords.length === 6 && !fit.assumed;
      if (!plainRow && placed.length) {
        const how = fit.assumed ?? `${valueWords.length} values for ${fields.length} columns, placed in the columns' order`;
        const sure = check.agrees.length ? `; the form's arithmetic agrees (${check.agrees.join("; ")})` : "; the form's arithmetic cannot check it";
        this.flag(placed, `funding row placed by inference (block order keeps the columns apart): ${how}${sure}`, check.agrees.length ? "info" : "warning");
      }
    });
    return total;
  }

  /** A name's wrapped tail: one or two characters alone on their line, free, and no piece of a level label. */
  private isNameTail(k: number): boolean {
    const x = this.words[k];
    if (!x || !this.isFree(k) || [...x.text].length > 2 || isPieceOfLevel(x.text)) return false;
    return [k - 1, k + 1].every((y) => this.words[y]?.line !== x.line || this.words[y]?.page !== x.page);
  }

  /** True for a target or an actual cell. */
  private isValue(k: number): boolean {
    const s = this.words[k]!.text;
    // A statement (按计划完成) is a free word that is no sentence; a name before it is told by the two numbers after the pair.
    return isMeasure(s) || isQualitative(s) || (this.isFree(k) && !isProse(s));
  }

  /**
   * Indicator rows: a run of target, actual, 分值 and 得分 is one row (poppler
   * keeps a row's value cells together more often than not). Its name is the
   * free text right before it, its level-2 label the one right before that;
   * nameless runs take, in order, the free words no run claimed, when there
   * are exactly as many (said so); a level not printed before the row is
   * carried from the row above, and said so where a label of the form is
   * left that the carrying could have missed.
   */
  private indicators(funding: { weight: Decimal; score: Decimal } | null): Run[] {
    const w = this.words;
    const runs: Run[] = [];
    // What reading the rows takes, kept so that rows the arithmetic rejects leave their words to be quoted.
    const usedBefore = new Set(this.used);
    const saidBefore = this.diagnostics.length;
    const first = this.headerColumnRow();
    if (first) runs.push(first);
    for (let k = 0; k + 3 < w.length; k++) {
      if ([k, k + 1, k + 2, k + 3].some((x) => this.used.has(x))) continue;
      if (!this.isValue(k) || !this.isValue(k + 1)) continue;
      // A name wrapped onto a second line while the row's values took one: its tail (性) stands alone between
      // the actual and the 分值 (后勤保障工作完成及时 / =100.00(%) 100.00(%) / 性 / 4.00 4.00).
      const tailAt = this.isNameTail(k + 2) && isNumber(w[k + 3]!.text) && isNumber(w[k + 4]?.text ?? "") && !this.used.has(k + 4) ? k + 2 : -1;
      const [wk, sk] = tailAt >= 0 ? [k + 3, k + 4] : [k + 2, k + 3];
      if (!isNumber(w[wk]!.text) || !isNumber(w[sk]!.text)) continue;
      // The form's arithmetic: a row's 得分 is at most its 分值, and no 分值 is over 100; a run it contradicts is no row.
      if (!scoreFits(w[wk]!.text, w[sk]!.text)) continue;
      const usedAtRun = new Set(this.used);
      const name: Word[] = [];
      let n = k - 1;
      while (n >= 0 && this.isFree(n) && name.length < 4 && (name.length > 0 || !isProse(w[n]!.text))) name.unshift(w[n--]!);
      const prev = runs[runs.length - 1];
      if (prev && prev.vals[3] === n && name.length > 1) {
        // After the row above's 得分: its 偏差原因 note, then this row's name, each a cell wrapped on its own lines.
        const lines = byLine(name);
        if (!wrapsAsOneCell(lines)) {
          let cut = 0;
          for (let j = lines.length - 1; j >= 1 && cut === 0; j--) if (wrapsAsOneCell(lines.slice(0, j)) && wrapsAsOneCell(lines.slice(j))) cut = j;
          if (cut > 0) {
            prev.note = lines.slice(0, cut).flat();
            prev.note.forEach((x) => this.used.add(x.index));
            name.splice(0, prev.note.length);
            this.say(`indicators: "${joinWords(prev.note)}" read as the 偏差原因 of the row above, "${joinWords(name)}" as this row's name: each fills its lines as one wrapped cell`, prev.note[0]!, "info");
          }
        }
      }
      if (name.some((x) => isProse(x.text)) && name.length > 1) name.splice(0, name.length - 1);
      let level2: string | null = null;
      let level2Word: Word | undefined;
      // The label ending right before the name (its pieces matched from where it starts).
      for (const [i, m] of this.labels) {
        if (m.to === n + 1 && LEVEL2.includes(m.label) && !this.used.has(i)) {
          level2 = m.label;
          level2Word = w[i];
          this.takeLabel(i);
        }
      }
      [k, k + 1, wk, sk].forEach((x) => this.used.add(x));
      if (tailAt >= 0 && name.length) name.push(this.take(tailAt));
      name.forEach((x) => this.used.add(x.index));
      const taken = new Set([...this.used].filter((x) => !usedAtRun.has(x)));
      if (prev?.note) prev.note.forEach((x) => { prev.taken?.add(x.index); taken.delete(x.index); });
      runs.push({ at: k, vals: [k, k + 1, wk, sk], name, level2, level2Word, taken });
      k = sk;
    }
    if (runs.length === 0) return runs;
    const nameless = runs.filter((r) => r.name.length === 0);
    if (nameless.length) {
      // A name standing alone is a line of its own (poppler writes a cell a line), and no header's value.
      const alone = (k: number) => [k - 1, k + 1].every((x) => w[x]?.line !== w[k]!.line || this.vocab.has(x));
      const candidates = [...w.keys()].filter((k) => k > runs[0]!.at - 8 && this.isFree(k) && !isProse(w[k]!.text) && alone(k) && !this.headerValues.has(w[k]!.text) && !isPieceOfLevel(w[k]!.text));
      // A name wrapped in its column leaves a short tail alone on the next line (火炬统计信息服务平台模块 / 优化): one name.
      const tail = (k: number) => candidates.includes(k + 1) && w[k + 1]!.page === w[k]!.page && w[k + 1]!.line === w[k]!.line + 1 && [...w[k + 1]!.text].length <= 2 && [...w[k]!.text].length >= 4;
      const free = candidates.filter((k) => !(candidates.includes(k - 1) && tail(k - 1)));
      if (free.length === nameless.length) {
        nameless.forEach((r, n) => {
          const k = free[n]!;
          const usedAtName = new Set(this.used);
          r.name = tail(k) ? [this.take(k), this.take(k + 1)] : [this.take(k)];
          // The level label around the name, or right before it, is the row's.
          const around = this.around.get(k);
          const before = [...this.labels].find(([i, m]) => m.to === k && LEVEL2.includes(m.label) && !this.used.has(i));
          if (around && LEVEL2.includes(around.label)) {
            r.level2 = around.label;
            r.level2Word = this.take(around.pieces[0]);
            this.take(around.pieces[1]);
          } else if (before) {
            r.level2 = before[1].label;
            r.level2Word = w[before[0]];
            this.takeLabel(before[0]);
          }
          for (const x of this.used) if (!usedAtName.has(x)) r.taken?.add(x);
        });
        this.say(`indicators: ${nameless.length} rows whose names block order set apart take, in order, the names standing alone: ${nameless.map((r) => joinWords(r.name)).join(", ")}`, w[nameless[0]!.at]!);
      } else {
        this.say(`indicators: ${nameless.length} rows whose names block order set apart, and ${free.length} free words to name them (${free.map((k) => w[k]!.text).join(", ")}): their names are not read`, w[nameless[0]!.at]!);
      }
    }
    const unread = this.rowsAddUp(runs, funding);
    if (unread) {
      this.used.clear();
      usedBefore.forEach((k) => this.used.add(k));
      this.diagnostics.length = saidBefore;
      this.diagnostics.push(unread);
      return [];
    }
    // A row left without a name is not read (a form's row is known by its name), and every row after it would
    // stand one place up: from the first such row on, the rows are not read, and a warning quotes them.
    const cut = runs.findIndex((r) => r.name.length === 0);
    if (cut >= 0) {
      const dropped = runs.splice(cut);
      for (const r of dropped) r.taken?.forEach((x) => this.used.delete(x));
      const d = this.say(`indicators: row ${cut + 1} of ${cut + dropped.length} has no name block order let be told, and the rows after it would stand out of place: ${dropped.length} rows from it on are not read`, w[dropped[0]!.at]!, "warning", "layout.unread-rows");
      d.quotes = dropped.flatMap((r) => [...r.name, ...r.vals.map((k) => w[k]!)]).map((x) => ({ text: x.text, line: x.line, cell: x.offset, page: x.page }));
      if (runs.length === 0) return runs;
    }
    const present = new Set([...this.labels.values(), ...this.around.values()].filter((m) => LEVEL2.includes(m.label)).map((m) => m.label));
    const placed = new Set(runs.map((r) => r.level2).filter((l): l is string => l !== null));
    const unplaced = [...present].filter((l) => !placed.has(l));
    const head = INDICATOR_ORDER.map((h) => this.find([h])[0]);
    const cells: Cell[] = [];
    head.forEach((i, col) => {
      if (i !== undefined) cells.push(this.cell(this.takeLabel(i), col, INDICATOR_ORDER[col]));
    });
    this.push(cells);
    let level1: string | null = null;
    let level2: string | null = null;
    // The level cells the rows below take theirs from (a merged cell in the form), for the rows' diagnostics.
    let level1Cell: Cell | null = null;
    let level2Cell: Cell | null = null;
    const carried: Run[] = [];
    for (const r of runs) {
      const row: Cell[] = [];
      if (r.level2) level2 = r.level2;
      else if (level2 === null) {
        // Nothing printed before the first row: the first level of the form's order among its labels.
        level2 = LEVEL2.find((l) => present.has(l)) ?? "数量指标";
        carried.push(r);
      } else if (unplaced.length) carried.push(r);
      const l1 = LEVEL1_OF[level2] ?? null;
      if (l1 !== level1) {
        level1 = l1;
        const sub = l1 ? this.subtotals.get(l1) : undefined;
        if (sub !== undefined && !this.used.has(sub)) row.push(this.cell([this.take(sub)], 0));
        else if (l1) {
          // The level-1 label printed somewhere in the form is the cell's source, where it is left.
          const printed = this.find([l1])[0];
          // None left: no cell (the ledger keeps no text the input does not have); the level stays the row above's, flagged.
          if (printed !== undefined) row.push(this.cell(this.takeLabel(printed), 0, l1));
        }
      }
      if (row.length) level1Cell = row[0]!;
      // A level-2 cell only where its label was read: a level assumed has no text of its own to stand in a cell.
      if (r.level2 && r.level2Word) row.push((level2Cell = this.cell([r.level2Word], 1, level2)));
      else if (row.length) level2Cell = null;
      const fields: Array<{ field: string; cell: Cell }> = [];
      if (level1Cell) fields.push({ field: row.includes(level1Cell) ? "一级指标" : "一级指标 (carried from the row above)", cell: level1Cell });
      if (level2Cell) fields.push({ field: row.includes(level2Cell) ? "二级指标" : "二级指标 (carried from the row above)", cell: level2Cell });
      const values: Cell[] = [];
      if (r.name.length) values.push(this.cell(r.name, 2));
      [3, 4, 5, 6].forEach((col, n) => values.push(this.cell([w[r.vals[n]!]!], col)));
      if (r.note) values.push(this.cell(r.note, 7));
      row.push(...values);
      const names = ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
      values.forEach((c) => fields.push({ field: names[c.col - 2]!, cell: c }));
      this.push(row);
      // Every cell of such a row is placed by the shape of a run of values, not by a column the text keeps.
      this.flag(fields, `indicator row read from a run of target, actual, 分值 and 得分 (${r.name.length ? "its name the free text right before it" : "no name found"}, its levels the labels before it or the row above's): block order keeps no row`);
    }
    if (carried.length) {
      this.say(`indicators: the level of ${carried.length} rows (${carried.map((r) => r.name.map((x) => x.text).join("") || w[r.at]!.text).join(", ")}) is carried from the row above or the form's order; block order set ${unplaced.length ? unplaced.join(", ") : "their labels"} apart`, w[carried[0]!.at]!);
    }
    return runs;
  }

  /**
   * The table's first row written into the header's blocks: poppler may
   * take each column's header with the cell under it as one block, so the
   * first row's name, target, actual, 分值 and 得分 each stand right after
   * their header (三级指标 / 活动合格率, 年度指标值 / 有效提升 …). Read only
   * when all five are there and 得分 fits 分值.
   */
  private headerColumnRow(): Run | null {
    const after = (header: string, ok: (k: number) => boolean): number | undefined => {
      for (const [i, m] of this.labels) if (m.label === header && !this.used.has(i) && ok(m.to) && !this.used.has(m.to)) return m.to;
      return undefined;
    };
    const w = this.words;
    const name = after("三级指标", (k) => this.isFree(k) && !isProse(w[k]!.text));
    const target = after("年度指标值", (k) => k < w.length && this.isValue(k));
    const actual = after("实际完成值", (k) => k < w.length && this.isValue(k));
    const weight = after("分值", (k) => isNumber(w[k]?.text ?? ""));
    const score = after("得分", (k) => isNumber(w[k]?.text ?? ""));
    if (name === undefined || target === undefined || actual === undefined || weight === undefined || score === undefined) return null;
    if (new Set([name, target, actual, weight, score]).size < 5 || !scoreFits(w[weight]!.text, w[score]!.text)) return null;
    [name, target, actual, weight, score].forEach((k) => this.used.add(k));
    this.say(`indicators: the first row read from the cells right after the column headers (三级指标 "${w[name]!.text}", 年度指标值 "${w[target]!.text}", 实际完成值 "${w[actual]!.text}", 分值 ${w[weight]!.text}, 得分 ${w[score]!.text}): block order wrote each header with the cell under it`, w[name]!, "info");
    return { at: target, vals: [target, actual, weight, score], name: [w[name]!], level2: null, taken: new Set([name, target, actual, weight, score]) };
  }

  /**
   * The form's arithmetic on the rows found: their
   * 分值 with the funding row's summing to 总分 (the two numbers after its
   * label, else the national form's 100), their 得分 to its score where it
   * is printed there. Block order can lose a row or set one apart, and a
   * row lost shifts every row after it; rows that do not add up are not
   * read, and a warning quotes them, each run of values with its name.
   */
  private rowsAddUp(runs: readonly Run[], funding: { weight: Decimal; score: Decimal } | null): Diagnostic | null {
    const w = this.words;
    const dec = (k: number) => new Decimal(w[k]!.text.replace(/,/g, ""));
    const weights = runs.reduce((t, r) => t.plus(dec(r.vals[2])), funding?.weight ?? new Decimal(0));
    const scores = runs.reduce((t, r) => t.plus(dec(r.vals[3])), funding?.score ?? new Decimal(0));
    const at = this.find(TOTAL)[0];
    const to = at !== undefined ? this.labels.get(at)!.to : -1;
    const printed = at !== undefined && isNumber(w[to]?.text ?? "") && isNumber(w[to + 1]?.text ?? "") ? [dec(to), dec(to + 1)] : null;
    const total = printed?.[0] ?? new Decimal(100);
    // Block order loses a row now and then; a shortfall of at most one row's 分值 keeps the rows (each is flagged), more or an excess does not.
    const largest = runs.reduce((m, r) => Decimal.max(m, dec(r.vals[2])), new Decimal(0));
    const short = total.minus(weights);
    const adds = short.gte(0) && short.lte(largest) && (printed === null || !short.isZero() || scores.eq(printed[1]!));
    const why = `their 分值${funding ? " with the funding row's" : ""} sum to ${weights.toString()}, not ${printed ? "总分's" : "the national form's"} ${total.toString()}${printed && weights.eq(total) ? `, their 得分 to ${scores.toString()}, not ${printed[1]!.toString()}` : ""}`;
    const first = w[runs[0]!.at]!;
    if (adds) {
      if (!short.isZero()) this.say(`indicators: ${runs.length} rows found, their 分值 ${short.toString()} short of ${total.toString()}: a row is lost (block order), and the rows after it may be out of place; each row is flagged`, first);
      return null;
    }
    const d = this.say(`indicators: ${runs.length} rows found, but ${why}: a row is lost or set apart (block order), and any row could be out of place; the indicator rows are not read`, first, "warning", "layout.unread-rows");
    d.quotes = runs.flatMap((r) => [...r.name, ...r.vals.map((k) => w[k]!)].map((x) => ({ text: x.text, line: x.line, cell: x.offset, page: x.page })));
    return d;
  }

  /** 总分: the two numbers after it, or the one pair of free numbers that is the sum of the weights and of the scores. */
  private total(runs: Run[], funding: { weight: Decimal; score: Decimal } | null): void {
    const at = this.find(TOTAL)[0];
    if (at === undefined) return;
    const w = this.words;
    const label = this.takeLabel(at);
    const to = this.labels.get(at)!.to;
    let pair: [number, number] | null = null;
    if (isNumber(w[to]?.text ?? "") && isNumber(w[to + 1]?.text ?? "") && !this.used.has(to) && !this.used.has(to + 1)) pair = [to, to + 1];
    else {
      const dec = (k: number) => new Decimal(w[k]!.text.replace(/,/g, ""));
      const weights = runs.reduce((s, r) => s.plus(dec(r.vals[2])), funding?.weight ?? new Decimal(0));
      const scores = runs.reduce((s, r) => s.plus(dec(r.vals[3])), funding?.score ?? new Decimal(0));
      const fits: Array<[number, number]> = [];
      for (let k = 0; k + 1 < w.length; k++) {
        if (this.used.has(k) || this.used.has(k + 1) || !isNumber(w[k]!.text) || !isNumber(w[k + 1]!.text)) continue;
        // 总分 is the sum of every row's 分值 and 得分, the funding row's with them.
        if (dec(k).eq(weights) && dec(k + 1).eq(scores)) fits.push([k, k + 1]);
      }
      if (fits.length === 1) {
        pair = fits[0]!;
        this.say(`总分: read as ${w[pair[0]]!.text} ${w[pair[1]]!.text}, the one pair of numbers standing alone that is the sum of the rows' weights and scores (block order set it apart from its label)`, w[pair[0]]!);
      } else this.say(`总分: its values stand apart from it and ${fits.length} pairs of numbers could be them; not read`, label[0]!);
    }
    const cells = [this.cell(label, 0, this.labels.get(at)!.label)];
    if (pair) pair.forEach((k, n) => cells.push(this.cell([this.take(k)], 2 + n)));
    this.push(cells);
    if (pair && pair[0] === to) {
      const dec = (k: number) => new Decimal(w[k]!.text.replace(/,/g, ""));
      const weights = runs.reduce((s, r) => s.plus(dec(r.vals[2])), funding?.weight ?? new Decimal(0));
      const scores = runs.reduce((s, r) => s.plus(dec(r.vals[3])), funding?.score ?? new Decimal(0));
      if (!runs.length || !weights.eq(cells[1]!.text.replace(/,/g, "")) || !scores.eq(cells[2]!.text.replace(/,/g, ""))) {
        this.flag([{ field: "总分 分值", cell: cells[1]! }, { field: "总分 得分", cell: cells[2]! }], `the two numbers right after 总分, which the rows' sums (${weights.toString()}, ${scores.toString()}) do not confirm: block order may have put other cells there`);
      }
    } else if (pair) {
      this.flag([{ field: "总分 分值", cell: cells[1]! }, { field: "总分 得分", cell: cells[2]! }], "the one pair of numbers standing apart that is the sum of the rows' 分值 and 得分 (block order set it apart from its label)", "info");
    }
  }

  /** 评分等级: the word after it, or the one grade word of the form. */
  private grade(): void {
    const at = this.find(GRADE)[0];
    if (at === undefined) return;
    const label = this.takeLabel(at);
    const to = this.labels.get(at)!.to;
    const isGrade = (k: number) => !this.used.has(k) && GRADES.includes(this.words[k]?.text ?? "");
    let value: number | undefined = isGrade(to) ? to : undefined;
    if (value === undefined) {
      const all = [...this.words.keys()].filter(isGrade);
      if (all.length === 1) {
        value = all[0]!;
        this.say(`评分等级: read as ${this.words[value]!.text}, the form's one grade word (block order set it apart)`, this.words[value]!);
      }
    }
    const cells = [this.cell(label, 0, this.labels.get(at)!.label)];
    if (value !== undefined) cells.push(this.cell([this.take(value)], 1));
    this.push(cells);
    if (value !== undefined && value !== to) this.flag([{ field: "评分等级", cell: cells[1]! }], "the form's one grade word, standing apart from its label (block order)");
  }

  /** Words nothing read: quoted in one warning and kept after the form, a row a line, so nothing is lost. */
  private leftovers(): void {
    const rest = this.words.filter((_, k) => !this.used.has(k));
    if (rest.length === 0) return;
    const text = joinWords(rest);
    const d = this.say(`text that block order set apart and no part of the form could take, not read: "${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`, rest[0]!, "warning", "layout.unplaced-text");
    for (const line of byLine(rest)) {
      const cells = line.map((x, k) => this.cell([x], k));
      this.rows.push({ page: cells[0]!.page, line: cells[0]!.line, cells });
      (d.quotes ??= []).push(...cells.map((c) => ({ text: c.text, cell: c.offset!, page: c.page, line: c.line! })));
    }
  }
}
