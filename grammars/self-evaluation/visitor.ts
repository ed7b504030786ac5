import type { CstNode, IToken } from "chevrotain";
import type {
  ClosingRowsCstChildren, DepartmentRowCstChildren,
  FurnitureRowCstChildren, UnplacedRowCstChildren, DocumentCstChildren, FormCstChildren, FundingBlockCstChildren,
  FundingHeaderCstChildren, FundingRowCstChildren, GoalsBlockCstChildren, GoalsHeaderCstChildren, GradeRowCstChildren,
  HeaderRowsCstChildren, ImplementingUnitRowCstChildren, IndicatorBlockCstChildren, IndicatorHeaderCstChildren,
  IndicatorRowCstChildren, NoteRowCstChildren, SignOffRowCstChildren, ProjectRowCstChildren, StrayRowCstChildren, TitleRowCstChildren,
  ReportNumberRowCstChildren, SummaryRowCstChildren, SectionRowCstChildren, BasicFieldRowCstChildren,
  SourceFundingBlockCstChildren, SourceFundingHeaderCstChildren, SourceFundingRowCstChildren,
  CriteriaBlockCstChildren, CriteriaHeaderCstChildren, CriteriaRowCstChildren,
  TotalRowCstChildren, ValueRowCstChildren, YearRowCstChildren,
} from "./cst.js";
import { cellRefOf, rowEndOf } from "./input.js";
import { selfEvaluationParser } from "./parser.js";
import type { CellRef, RawForm, RawFundingRow, RawIndicatorRow, RawRow } from "./raw-form.js";

const BaseVisitor = selfEvaluationParser.getBaseCstVisitorConstructor<never, unknown>();

type Part =
  | { kind: "title"; ref: CellRef }
  | { kind: "year"; ref: CellRef };

/**
 * Turns the CST into RawForms: each token back to its cell (a cell's token is
 * its CellRef, see input.ts), cells grouped by the part of the form they
 * belong to. Tokens of one row are
 * merged back into source order, since Chevrotain files them by type.
 */
export class RawFormVisitor extends BaseVisitor {
  private forms: RawForm[] = [];
  private strays: Array<{ row: RawRow; after: number }> = [];

  constructor() {
    super();
    this.validateVisitor();
  }

  /** Visits a document CST whose tokens carry their cells (see input.ts). */
  collect(cst: { children: DocumentCstChildren }): { forms: RawForm[]; strays: Array<{ row: RawRow; after: number }> } {
    this.forms = [];
    this.strays = [];
    this.document(cst.children);
    return { forms: this.forms, strays: this.strays };
  }

  // Error recovery can insert tokens that stand for no cell, or leave a
  // rule's children out altogether (the generated types cannot say so):
  // such a token reads as an empty cell.
  private ref(tok: IToken | undefined): CellRef {
    return cellRefOf(tok) ?? { cell: { text: "", col: 0, page: 1 }, token: tok?.tokenType.name ?? "Missing" };
  }

  /** The cells of one or more token groups of a row, in source order; tokens that stand for no cell are left out. */
  private refs(group: IToken[] | undefined, ...more: Array<IToken[] | undefined>): CellRef[] {
    const out: CellRef[] = [];
    if (more.length === 0) {
      for (const t of group ?? []) {
        const ref = cellRefOf(t);
        if (ref) out.push(ref);
      }
      return out;
    }
    // Each group is in source order already: merge them, smallest offset first.
    const groups = [group ?? [], ...more.map((g) => g ?? [])];
    const next = groups.map(() => 0);
    for (;;) {
      let pick = -1;
      let offset = Infinity;
      for (let g = 0; g < groups.length; g++) {
        const list = groups[g]!;
        // Tokens made up by recovery (no cell, offset NaN) are passed over.
        while (next[g]! < list.length && !cellRefOf(list[next[g]!])) next[g]!++;
        const t = list[next[g]!];
        if (t && t.startOffset < offset) {
          offset = t.startOffset;
          pick = g;
        }
      }
      if (pick < 0) return out;
      out.push(cellRefOf(groups[pick]![next[pick]!++])!);
    }
  }

  private rowOf(end: IToken[] | undefined, cells: CellRef[]): RawRow {
    const pos = rowEndOf(end?.[0]);
    return { line: pos?.line ?? cells[0]?.cell.line, page: pos?.page ?? cells[0]?.cell.page ?? 1, cells };
  }

  document(ctx: DocumentCstChildren): void {
    const forms = ctx.form ?? [];
    const strays = ctx.strayRow ?? [];
    // Each list is in source order: only a mix of kinds needs sorting (a
    // part is most often one form and nothing else).
    if (strays.length === 0) {
      for (const f of forms) this.forms.push(this.form(f.children));
      return;
    }
    // Forms and stray rows interleave; visit them in source order.
    const items: Array<{ offset: number; visit: () => void }> = [];
    for (const f of forms) items.push({ offset: firstOffset(f), visit: () => this.forms.push(this.form(f.children)) });
    for (const s of strays) {
      items.push({ offset: firstOffset(s), visit: () => this.strays.push({ row: this.strayRow(s.children), after: this.forms.length - 1 }) });
    }
    items.sort((a, b) => a.offset - b.offset);
    for (const item of items) item.visit();
  }

  strayRow(ctx: StrayRowCstChildren): RawRow {
    return this.rowOf(ctx.RowEnd, this.refs(ctx.AnyCell));
  }

  furnitureRow(ctx: FurnitureRowCstChildren): RawRow {
    return this.rowOf(ctx.RowEnd, this.refs(ctx.Furniture, ctx.AnyCell));
  }

  unplacedRow(ctx: UnplacedRowCstChildren): RawRow {
    return this.rowOf(ctx.RowEnd, this.refs(ctx.Value));
  }

  form(ctx: FormCstChildren): RawForm {
    const form = emptyForm("project");
    if (ctx.titleRow?.[0]) form.title = this.titleRow(ctx.titleRow[0].children).ref;
    if (form.title?.token === "TargetSelfEvalTitle") form.template = "target-self-eval";
    if (form.title?.token === "HebeiFormTitle") form.template = "hebei";
    if (form.title?.token === "DepartmentFormTitle") {
      form.formType = "department";
      form.template = "department";
    }
    if (ctx.yearRow?.[0]) form.year = this.yearRow(ctx.yearRow[0].children).ref;
    if (ctx.projectRow?.[0]) form.projectName = this.projectRow(ctx.projectRow[0].children);
    if (ctx.headerRows?.[0]) this.headerRows(ctx.headerRows[0].children, form);
    if (ctx.fundingBlock?.[0]) form.funding = this.fundingBlock(ctx.fundingBlock[0].children, form);
    if (ctx.sourceFundingBlock?.[0]) form.sourceFunding = this.sourceFundingBlock(ctx.sourceFundingBlock[0].children);
    // Before the funding block (Sichuan 2023) or after it: the grammar takes one of the two.
    if (ctx.goalsBlock?.[0]) form.goals = this.goalsBlock(ctx.goalsBlock[0].children);
    if (ctx.indicatorBlock?.[0]) form.indicators = this.indicatorBlock(ctx.indicatorBlock[0].children);
    // A criteria table names the family whatever the title (财政预算支出项目绩效目标自评表 ends like a 绩效目标自评表).
    if (ctx.criteriaBlock?.[0]) {
      form.criteria = this.criteriaBlock(ctx.criteriaBlock[0].children);
      form.template = "criteria";
    }
    if (ctx.closingRows?.[0]) this.closingRows(ctx.closingRows[0].children, form);
    if (form.title?.token === "BudgetProjectFormTitle") form.template = budgetProjectTemplate(form);
    setLines(form);
    return form;
  }

  titleRow(ctx: TitleRowCstChildren): Part {
    return { kind: "title", ref: this.ref(ctx.FormTitle?.[0] ?? ctx.TargetSelfEvalTitle?.[0] ?? ctx.BudgetProjectFormTitle?.[0] ?? ctx.HebeiFormTitle?.[0] ?? ctx.DepartmentFormTitle?.[0]) };
  }

  yearRow(ctx: YearRowCstChildren): Part {
    return { kind: "year", ref: this.ref(ctx.YearLine?.[0]) };
  }

  headerRows(ctx: HeaderRowsCstChildren, form: RawForm): void {
    // A field printed again replaces the earlier reading, which is kept aside to be reported.
    const replace = (old: CellRef[]) => {
      if (old.length) form.superseded.push(old);
    };
    for (const r of ctx.projectRow ?? []) {
      replace(form.projectName);
      form.projectName = this.projectRow(r.children);
    }
    for (const r of ctx.departmentRow ?? []) {
      const { department, unit } = this.departmentRow(r.children);
      replace(form.department);
      form.department = department;
      if (unit.length) {
        replace(form.implementingUnit);
        form.implementingUnit = unit;
      }
    }
    for (const r of ctx.implementingUnitRow ?? []) {
      replace(form.implementingUnit);
      form.implementingUnit = this.implementingUnitRow(r.children);
    }
    for (const r of ctx.implementingUnitRow ?? []) {
      form.implementingUnit = this.implementingUnitRow(r.children);
      if (isSealed(r.children.ImplementingUnitLabel?.[0])) form.implementingUnitSealed = true;
    }
    for (const r of ctx.signOffRow ?? []) form.signOff.push(...this.signOffRow(r.children).map((e) => ({ ...e, inHeader: true })));
    for (const r of ctx.basicFieldRow ?? []) {
      const read = this.basicFieldRow(r.children);
      const key = BASIC_FIELDS[read.label.token] ?? "amountUnit";
      const old = form[key];
      if (old) form.superseded.push([old.label, ...old.values]);
      form[key] = read;
    }
    for (const r of ctx.reportNumberRow ?? []) {
      const read = this.reportNumberRow(r.children);
      if (form.reportNumber) form.superseded.push([form.reportNumber.label, ...form.reportNumber.values]);
      form.reportNumber = read;
    }
    for (const r of ctx.departmentRow ?? []) {
      // 单位：万元 printed on the 主管部门(盖章) line: the funding unit, read like a 单位 line.
      const note = cellRefOf(r.children.UnitNoteCell?.[0]);
      if (isSealed(r.children.DepartmentLabel?.[0])) form.departmentSealed = true;
      if (isSealed(r.children.ImplementingUnitLabel?.[0])) form.implementingUnitSealed = true;
      if (note) form.headerExtras.push({ line: note.cell.line, page: note.cell.page, cells: [note] });
    }
    // Value rows and furniture rows (填报单位 … 单位：元) alike, in source order:
    // the normaliser reads the funding unit from them.
    const extras = [...(ctx.valueRow ?? []).map((r) => this.valueRow(r.children)), ...(ctx.furnitureRow ?? []).map((r) => this.furnitureRow(r.children))];
    extras.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const row of extras) {
      // 部门名称 (the department-wide form's 项目名称) is a value in a project
      // form's header: it names the department only where no 主管部门 does.
      const [first, ...rest] = row.cells;
      if (first?.token === "DepartmentNameLabel" && form.department.length === 0) form.department = rest;
      else form.headerExtras.push(row);
    }
  }

  projectRow(ctx: ProjectRowCstChildren): CellRef[] {
    return this.refs(ctx.Value);
  }

  departmentRow(ctx: DepartmentRowCstChildren): { department: CellRef[]; unit: CellRef[] } {
    // Both value runs share one CST key: split them at the 实施单位 label.
    const split = ctx.ImplementingUnitLabel?.[0]?.startOffset ?? Infinity;
    const values = ctx.Value ?? [];
    return {
      department: orInline(this.refs(values.filter((t) => t.startOffset < split)), ctx.DepartmentLabel?.[0]),
      unit: ctx.ImplementingUnitLabel ? orInline(this.refs(values.filter((t) => t.startOffset > split)), ctx.ImplementingUnitLabel[0]) : [],
    };
  }

  reportNumberRow(ctx: ReportNumberRowCstChildren): NonNullable<RawForm["reportNumber"]> {
    return { label: this.ref(ctx.ReportNumberLabel?.[0]), values: this.refs(ctx.Value) };
  }

  /** The 一、基本情况 heading: recognised, read into nothing (it names the section the header fields stand in). */
  sectionRow(_ctx: SectionRowCstChildren): void {}

  basicFieldRow(ctx: BasicFieldRowCstChildren): { label: CellRef; values: CellRef[] } {
    return { label: this.ref(ctx.SpecialFundLabel?.[0] ?? ctx.AmountUnitLabel?.[0] ?? ctx.SelfTotalLabel?.[0] ?? ctx.ProjectAttributeLabel?.[0]), values: this.refs(ctx.Value) };
  }

  summaryRow(ctx: SummaryRowCstChildren): { label: CellRef; values: CellRef[] } {
    return { label: this.ref(ctx.ImplementationSummaryLabel?.[0]), values: this.refs(ctx.Value) };
  }

  implementingUnitRow(ctx: ImplementingUnitRowCstChildren): CellRef[] {
    return orInline(this.refs(ctx.Value), ctx.ImplementingUnitLabel?.[0]);
  }

  valueRow(ctx: ValueRowCstChildren): RawRow {
    return this.rowOf(ctx.RowEnd, this.refs(ctx.Value));
  }

  fundingBlock(ctx: FundingBlockCstChildren, form: RawForm): NonNullable<RawForm["funding"]> {
    const node = ctx.fundingHeader?.[0];
    const header = node ? this.fundingHeader(node.children) : { label: this.ref(undefined), columns: [], subColumns: [] };
    for (const r of ctx.unplacedRow ?? []) form.unplaced.push(this.unplacedRow(r.children));
    return { ...header, rows: (ctx.fundingRow ?? []).map((r) => this.fundingRow(r.children)) };
  }

  sourceFundingBlock(ctx: SourceFundingBlockCstChildren): NonNullable<RawForm["sourceFunding"]> {
    const node = ctx.sourceFundingHeader?.[0];
    const header = node ? this.sourceFundingHeader(node.children) : { label: this.ref(undefined), columns: [] };
    return { ...header, rows: (ctx.sourceFundingRow ?? []).map((r) => this.sourceFundingRow(r.children)) };
  }

  sourceFundingHeader(ctx: SourceFundingHeaderCstChildren): { label: CellRef; columns: CellRef[] } {
    return { label: this.ref(ctx.FundingLabel?.[0]), columns: this.refs(ctx.SourceColumnHeader, ctx.OtherFundsLabel, ctx.TotalFundsLabel, ctx.FundingColumnHeader) };
  }

  sourceFundingRow(ctx: SourceFundingRowCstChildren): RawRow {
    return this.rowOf(ctx.RowEnd, this.refs(ctx.Value));
  }

  fundingHeader(ctx: FundingHeaderCstChildren): { label: CellRef; columns: CellRef[]; subColumns: CellRef[] } {
    // Both header rows share one CST key: split them at the first row's end.
    const split = ctx.RowEnd?.[0]?.startOffset ?? Infinity;
    const headers = ctx.FundingColumnHeader ?? [];
    return {
      label: this.ref(ctx.FundingLabel?.[0]),
      columns: this.refs(headers.filter((t) => t.startOffset < split)),
      subColumns: this.refs(headers.filter((t) => t.startOffset > split)),
    };
  }

  fundingRow(ctx: FundingRowCstChildren): RawFundingRow {
    const label = this.ref(ctx.FundingRowLabel?.[0]);
    const group = cellRefOf(ctx.FundingGroupLabel?.[0]);
    const row: RawFundingRow = { label, values: this.refs(ctx.Value), line: label.cell.line };
    if (group) row.group = group;
    return row;
  }

  goalsBlock(ctx: GoalsBlockCstChildren): NonNullable<RawForm["goals"]> {
    const node = ctx.goalsHeader?.[0];
    const header = node ? this.goalsHeader(node.children) : { label: this.ref(undefined), header: [] };
    const summary = ctx.summaryRow?.[0] ? this.summaryRow(ctx.summaryRow[0].children) : null;
    return { ...header, rows: (ctx.valueRow ?? []).map((r) => this.valueRow(r.children)), summary };
  }

  goalsHeader(ctx: GoalsHeaderCstChildren): { label: CellRef; header: CellRef[] } {
    return { label: this.ref(ctx.GoalsLabel?.[0]), header: this.refs(ctx.ExpectedGoalHeader, ctx.AchievedGoalHeader, ctx.CompletionRateHeader, ctx.Value) };
  }

  indicatorBlock(ctx: IndicatorBlockCstChildren): NonNullable<RawForm["indicators"]> {
    return {
      headers: (ctx.indicatorHeader ?? []).map((h) => this.indicatorHeader(h.children)),
      rows: (ctx.indicatorRow ?? []).map((r) => this.indicatorRow(r.children)),
      label: cellRefOf((ctx.indicatorHeader ?? []).map((h) => h.children.IndicatorBlockLabel?.[0]).find((t) => t !== undefined)) ?? null,
    };
  }

  indicatorHeader(ctx: IndicatorHeaderCstChildren): RawRow {
    return this.rowOf(ctx.RowEnd, this.refs(ctx.IndicatorColumnHeader, ctx.TextCell));
  }

  indicatorRow(ctx: IndicatorRowCstChildren): RawIndicatorRow {
    const row = this.rowOf(ctx.RowEnd, []);
    const values = ctx.RateHeader || ctx.ExecutedHeader ? this.refs(ctx.Value, ctx.RateHeader, ctx.ExecutedHeader) : this.refs(ctx.Value);
    return { levels: this.refs(ctx.LevelLabel), values, line: row.line, page: row.page };
  }

  criteriaBlock(ctx: CriteriaBlockCstChildren): NonNullable<RawForm["criteria"]> {
    return {
      headers: (ctx.criteriaHeader ?? []).map((h) => this.criteriaHeader(h.children)),
      rows: (ctx.criteriaRow ?? []).map((r) => this.criteriaRow(r.children)),
    };
  }

  criteriaHeader(ctx: CriteriaHeaderCstChildren): RawRow {
    return this.rowOf(ctx.RowEnd, this.refs(ctx.IndicatorColumnHeader, ctx.CriteriaColumnHeader, ctx.TextCell));
  }

  criteriaRow(ctx: CriteriaRowCstChildren): RawRow {
    return this.rowOf(ctx.RowEnd, this.refs(ctx.Value, ctx.LevelLabel, ctx.RateHeader, ctx.ExecutedHeader, ctx.ReceivedHeader));
  }

  closingRows(ctx: ClosingRowsCstChildren, form: RawForm): void {
    if (ctx.totalRow?.[0]) form.total = this.totalRow(ctx.totalRow[0].children);
    if (ctx.gradeRow?.[0]) form.grade = this.gradeRow(ctx.gradeRow[0].children);
    // Only the first 总分 and 评分等级 rows are read; any further one is kept aside to be reported.
    for (const r of (ctx.totalRow ?? []).slice(1)) {
      const t = this.totalRow(r.children);
      form.superseded.push([...t.before, ...t.values]);
    }
    for (const r of (ctx.gradeRow ?? []).slice(1)) form.superseded.push(this.gradeRow(r.children).values);
    for (const n of ctx.noteRow ?? []) form.notes.push(this.noteRow(n.children));
    for (const r of ctx.signOffRow ?? []) form.signOff.push(...this.signOffRow(r.children));
  }

  /** Each label of a sign-off row with the values up to the next label. */
  signOffRow(ctx: SignOffRowCstChildren): RawForm["signOff"] {
    const out: RawForm["signOff"] = [];
    for (const ref of this.refs(ctx.SignOffLabel, ctx.Value)) {
      if (ref.token === "SignOffLabel") out.push({ label: ref, values: [] });
      else out[out.length - 1]?.values.push(ref);
    }
    return out;
  }

  totalRow(ctx: TotalRowCstChildren): NonNullable<RawForm["total"]> {
    const label = ctx.TotalScoreLabel?.[0];
    const at = label?.startOffset ?? -1;
    const values = ctx.Value ?? [];
    return {
      before: this.refs(values.filter((t) => t.startOffset < at)),
      label: this.ref(label),
      values: this.refs(values.filter((t) => t.startOffset > at)),
    };
  }

  gradeRow(ctx: GradeRowCstChildren): NonNullable<RawForm["grade"]> {
    return { label: this.ref(ctx.GradeLabel?.[0]), values: this.refs(ctx.Value) };
  }

  noteRow(ctx: NoteRowCstChildren): RawForm["notes"][number] {
    return { label: this.ref(ctx.NoteLabel?.[0]), values: this.refs(ctx.Value) };
  }
}

/**
 * Where a node starts: the smallest offset of its tokens. Each child list is
 * in source order, so only the first of each is looked at. (The parser keeps
 * no node locations: they were an object per node, for these few reads.)
 */
function firstOffset(node: CstNode): number {
  let first = Infinity;
  for (const key in node.children) {
    const head = node.children[key]![0];
    if (!head) continue;
    const offset = "children" in head ? firstOffset(head) : head.startOffset;
    if (offset < first) first = offset; // NaN (a token made up by recovery) never is
  }
  return first === Infinity ? 0 : first;
}

/**
 * Which of the two templates titled 部门预算项目支出绩效自评表 a form is, by
 * the vocabulary only one of them prints: Sichuan 2023's 报表编号, 实施单位（盖章）,
 * 年度预算数 over two columns, 原因 and 绩效指标(90分); Shandong's 主管部门(盖章),
 * 得分计算方法 and level-1 labels printed as their subtotal, (50分). A form
 * with neither is read by the shared rules and named national.
 */
function budgetProjectTemplate(form: RawForm): RawForm["template"] {
  const tokens = new Set<string>();
  for (const c of form.funding?.columns ?? []) tokens.add(c.token);
  for (const c of form.funding?.subColumns ?? []) tokens.add(c.token);
  for (const r of form.indicators?.rows ?? []) for (const c of r.levels) tokens.add(c.token);
  if (form.reportNumber || form.indicators?.label || tokens.has("BudgetGroupHeader") || tokens.has("ReasonHeader") || form.implementingUnitSealed) return "sichuan-2023";
  if (tokens.has("ScoreMethodHeader") || tokens.has("SubtotalLevelLabel") || form.departmentSealed) return "shandong";
  return "national";
}

/**
 * The value cells of a header field, or, when there are none and the label
 * prints its value after a colon (主管部门（盖章）：某市教育局), the label cell
 * itself: the normaliser reads the text after the colon (see headerValue).
 */
function orInline(values: CellRef[], label: IToken | undefined): CellRef[] {
  if (values.length) return values;
  const ref = cellRefOf(label);
  return ref && /[:：]/.test(ref.cell.text) ? [ref] : values;
}

/** True for a label printed with （盖章）, where the unit stamps the form. */
function isSealed(tok: IToken | undefined): boolean {
  const text = cellRefOf(tok)?.cell.text;
  return text !== undefined && text.includes("盖章");
}

function emptyForm(formType: RawForm["formType"]): RawForm {
  return {
    formType, template: formType === "department" ? "department" : "national", title: null, year: null, projectName: [], department: [], implementingUnit: [],
    headerExtras: [], reportNumber: null, specialFund: null, amountUnit: null, selfTotal: null, projectAttribute: null, sourceFunding: null, criteria: null, departmentSealed: false, implementingUnitSealed: false, funding: null, goals: null, indicators: null, total: null, grade: null, notes: [], signOff: [],
    unplaced: [], superseded: [], unread: [], lastLine: undefined,
  };
}

/** The RawForm field each 基本情况-style label fills. */
const BASIC_FIELDS: Record<string, "specialFund" | "amountUnit" | "selfTotal" | "projectAttribute"> = {
  SpecialFundLabel: "specialFund",
  AmountUnitLabel: "amountUnit",
  SelfTotalLabel: "selfTotal",
  ProjectAttributeLabel: "projectAttribute",
};

/** Sets the last source line read for the form. */
function setLines(form: RawForm): void {
  let last: number | undefined;
  const add = (r: CellRef | null | undefined) => {
    const line = r?.cell.line;
    if (line !== undefined && (last === undefined || line > last)) last = line;
  };
  const addAll = (refs: readonly CellRef[]) => { for (const r of refs) add(r); };
  add(form.title); add(form.year);
  addAll(form.projectName);
  for (const r of form.funding?.rows ?? []) add(r.label);
  for (const r of form.indicators?.rows ?? []) { addAll(r.levels); addAll(r.values); }
  for (const r of form.criteria?.rows ?? []) addAll(r.cells);
  for (const r of form.sourceFunding?.rows ?? []) addAll(r.cells);
  add(form.total?.label); add(form.grade?.label);
  for (const n of form.notes) add(n.label);
  for (const n of form.signOff) add(n.label);
  // Goals rows and rows reported as unplaced are read too: a form cut off
  // after them ends there.
  add(form.goals?.label);
  for (const r of form.goals?.rows ?? []) addAll(r.cells);
  for (const r of form.unplaced) addAll(r.cells);
  form.lastLine = last;
}
