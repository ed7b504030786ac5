import type { Cell } from "../../src/model/sheet.js";

/** A cell and the token the grammar read it as. */
export interface CellRef {
  cell: Cell;
  /** Token type name, e.g. NumberCell, TextCell, Level1Label. */
  token: string;
}

/** One row as the grammar placed it: its cells that hold text, in order. */
export interface RawRow {
  line: number | undefined;
  page: number;
  cells: CellRef[];
}

/** A funding row: its label cell and the value cells after it. */
export interface RawFundingRow {
  label: CellRef;
  /** The grouping printed before the label (按收入性质分 …), on the group's first row only. */
  group?: CellRef;
  values: CellRef[];
  line: number | undefined;
}

/** An indicator row: leading level-label cells, then the other cells. */
export interface RawIndicatorRow {
  levels: CellRef[];
  values: CellRef[];
  line: number | undefined;
  page: number;
}

/**
 * A form as the grammar recognised it: every part located, cells not yet
 * interpreted. The normaliser gives the cells their meaning.
 */
export interface RawForm {
  formType: "project" | "department";
  /** The template family, from the title row and the header vocabulary (see Form.template). */
  template: "national" | "target-self-eval" | "shandong" | "sichuan-2023" | "hebei" | "criteria" | "department";
  title: CellRef | null;
  year: CellRef | null;
  projectName: CellRef[];
  department: CellRef[];
  implementingUnit: CellRef[];
  /** Rows between the header fields and the funding block that no rule names (单位：万元 …). */
  headerExtras: RawRow[];
  /**
   * The funding block: its label, its column headers, and the headers of a
   * second header row under a spanning one (年度预算数 over 年初预算 | 调整后预算数).
   */
  funding: { label: CellRef; columns: CellRef[]; subColumns: CellRef[]; rows: RawFundingRow[] } | null;
  /** The goals, and a 项目实施内容及过程概述 row printed among them (Sichuan 2023). */
  goals: { label: CellRef; header: CellRef[]; rows: RawRow[]; summary: { label: CellRef; values: CellRef[] } | null } | null;
  /** The indicator table: its header rows, its rows, and a block label before the columns (绩效指标(90分)). */
  indicators: { headers: RawRow[]; rows: RawIndicatorRow[]; label: CellRef | null } | null;
  /** 报表编号 (Sichuan 2023): its label cell, which may hold the number after a colon, and the cells after it. */
  reportNumber: { label: CellRef; values: CellRef[] } | null;
  /** 是否为专项资金 (Hebei): its label and the cells after it (是 / 否). */
  specialFund: { label: CellRef; values: CellRef[] } | null;
  /** 金额单位 (Hebei): its label and the cells after it (万元 / 元). */
  amountUnit: { label: CellRef; values: CellRef[] } | null;
  /** 自评总分 (criteria templates): its label, which may print the figure after a colon, and the cells after it. */
  selfTotal: { label: CellRef; values: CellRef[] } | null;
  /** 项目属性 (criteria templates): its label, which may print the boxes after a colon, and the cells after it (☑常年性 □延续性 …). */
  projectAttribute: { label: CellRef; values: CellRef[] } | null;
  /** Funding by source (criteria templates): the block's label, its columns (中央 | 省、地 | 本级 | 其他 | 合计 | 执行数 | 执行率) and the rows of amounts under them. */
  sourceFunding: { label: CellRef; columns: CellRef[]; rows: RawRow[] } | null;
  /** An evaluation-criteria table (criteria templates): its header rows and its rows, 小计 rows among them. */
  criteria: { headers: RawRow[]; rows: RawRow[] } | null;
  /** 主管部门(盖章) printed for 主管部门 (Shandong): the template's mark. */
  departmentSealed: boolean;
  /** 实施单位（盖章） printed for 实施单位 (Sichuan 2023): the template's mark. */
  implementingUnitSealed: boolean;
  total: { before: CellRef[]; label: CellRef; values: CellRef[] } | null;
  grade: { label: CellRef; values: CellRef[] } | null;
  notes: Array<{ label: CellRef; values: CellRef[] }>;
  /** 填报人, 审核人, 联系电话, 项目负责人 …: each label cell (which may hold its value after a colon) and the values after it. */
  signOff: Array<{ label: CellRef; values: CellRef[]; inHeader?: boolean }>;
  /** Rows inside a block that no rule of the block places (a funding row under an unknown label): reported, not read. */
  unplaced: RawRow[];
  /**
   * Rows printed twice: the cells of a header row (项目名称 …) that a later
   * one replaces, and of 总分 and 评分等级 rows after the first, which are not read.
   */
  superseded: CellRef[][];
  /** Rows of a department-wide form that are not read (its funding block and indicator table). */
  unread: RawRow[];
  /** The last source line read for the form: where a cut-off form is said to end. */
  lastLine: number | undefined;
}

/** What the grammar makes of a Sheet. */
export interface GrammarResult {
  forms: RawForm[];
  /** Rows outside any form, with the index of the form they follow (-1: before the first). */
  strays: Array<{ row: RawRow; after: number }>;
  /** Recognition errors, with what was expected and where. */
  errors: Array<{
    message: string; expected: string[]; found: string; line: number | undefined; cell: number | undefined; page: number | undefined;
    /** The cells error recovery passed over after this error (the found cell among them when skipped): read into nothing. */
    skipped?: Cell[];
  }>;
}
