/** Seeded damage to forms, for the ledger tests: every case can be replayed from its seed. */
import type { Row, Sheet } from "../../src/model/sheet.js";
import { SEED_TEXT } from "../helpers.js";

/** mulberry32: a small seeded generator, so every case can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What a stray cell may hold: text, numbers, measures, nulls, and the form's
// own labels, which the grammar would otherwise take as structure.
const POOL = [
  "专项债券资金", "备注", "说明文字", "其他", "已完成", "全年正常运营", "12.50", "1,234.56", "-", "/", "—", "≥95%", "≤24(小时)",
  "100", "(3.00)", "项目名称", "总分", "评分等级", "一级指标", "产出指标", "数量指标", "其他资金", "上年结转资金", "年度总体目标",
  "附件2", "单位：万元", "- 3 -", "第 2 页", "满意", "度指", "标", "2023年度", "合计", "⻔户网站", "ＡＢＣ１２３",
];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** The seed's lines, damaged by `seed`'s choice of edits. */
export function damagedTsv(seed: number): string {
  const r = rng(seed);
  const lines = SEED_TEXT.split("\n");
  const edits = 1 + Math.floor(r() * 6);
  for (let k = 0; k < edits; k++) {
    const i = Math.floor(r() * lines.length);
    const kind = Math.floor(r() * 6);
    if (kind === 0) {
      // A random cell inserted into a row.
      const cells = lines[i]!.split("\t");
      cells.splice(Math.floor(r() * (cells.length + 1)), 0, pick(r, POOL));
      lines[i] = cells.join("\t");
    } else if (kind === 1) {
      // A row of random cells inserted.
      const n = 1 + Math.floor(r() * 6);
      lines.splice(i, 0, Array.from({ length: n }, () => pick(r, POOL)).join("\t"));
    } else if (kind === 2) {
      lines.splice(i, 1);
    } else if (kind === 3) {
      lines.splice(i, 0, lines[i]!);
    } else if (kind === 4) {
      const j = Math.floor(r() * lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    } else {
      // A cell of the row emptied.
      const cells = lines[i]!.split("\t");
      cells[Math.floor(r() * cells.length)] = "";
      lines[i] = cells.join("\t");
    }
  }
  if (r() < 0.15) lines.length = Math.max(3, Math.floor(r() * lines.length));
  return lines.join("\n");
}

/** A layout text's lines, damaged: lines deleted, duplicated, or a random word put into a line. */
export function damagedLayout(text: string, seed: number): string {
  const r = rng(seed);
  const lines = text.split("\n");
  const edits = 1 + Math.floor(r() * 4);
  for (let k = 0; k < edits; k++) {
    const i = Math.floor(r() * lines.length);
    const kind = Math.floor(r() * 3);
    if (kind === 0) lines.splice(i, 1);
    else if (kind === 1) lines.splice(i, 0, lines[i]!.replace(/\f/g, ""));
    else lines[i] = `${lines[i]!.replace(/\s+$/, "")}      ${pick(r, POOL)}`;
  }
  return lines.join("\n");
}

/** A PDF's Sheet, damaged row by row: rows deleted or duplicated, random cells put in. */
export function damagedSheet(sheet: Sheet, seed: number): Sheet {
  const r = rng(seed);
  const rows: Row[] = sheet.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c })) }));
  const edits = 1 + Math.floor(r() * 5);
  for (let k = 0; k < edits; k++) {
    const i = Math.floor(r() * rows.length);
    const row = rows[i]!;
    const kind = Math.floor(r() * 3);
    if (kind === 0) rows.splice(i, 1);
    else if (kind === 1) rows.splice(i, 0, { ...row, cells: row.cells.map((c) => ({ ...c })) });
    else {
      const col = Math.floor(r() * 8);
      row.cells.push({ text: pick(r, POOL), col, page: row.page, line: row.line!, bbox: [500 + col, 10, 510 + col, 20] });
      row.cells.sort((a, b) => a.col - b.col);
    }
  }
  return { ...sheet, rows };
}

