import { z } from "zod";
import { DecimalString, Provenance } from "./primitives.js";

/** Comparison operator of a target, normalised from ≥ ≧ >= 不低于 不少于 大于等于 … */
export const MeasureOp = z.enum(["=", ">=", "<=", ">", "<"]);
export type MeasureOp = z.infer<typeof MeasureOp>;

/**
 * A target (年度指标值) or actual (实际完成值) as printed and as parsed.
 * `≥250(人)` → {op: ">=", value: "250", unit: "人"}; `5.00(人)` → {op: null,
 * value: "5.00", unit: "人"}; `全年正常运营` → {qualitative: "全年正常运营"}.
 */
export const Measure = z.object({
  raw: z.string().describe("The cell text as printed; only layout whitespace (runs, gaps between Han characters) normalised"),
  op: MeasureOp.nullable().describe("Comparison operator, null when none is printed"),
  value: DecimalString.nullable().describe("The number, null for qualitative text"),
  unit: z.string().nullable().describe("Unit as printed: 人, %, 次, 小时, 百分比, 万元 …; null when none"),
  qualitative: z.string().nullable().describe("Qualitative statement when the cell holds no number"),
});
export type Measure = z.infer<typeof Measure>;

/** Which line of the funding block a row is. */
export const FundingRowKind = z.enum([
  "total", // 年度资金总额
  "fiscal", // 当年财政拨款 / 本年财政拨款 / 财政资金
  "carryover", // 上年结转资金
  "other", // 其他资金
  "special-account", // 财政专户管理资金
  "unit", // 单位资金
  "basic", // 基本支出 (department-wide form)
  "project", // 项目支出 (department-wide form)
  "general-budget", // 一般公共预算 (department-wide form)
  "fund-budget", // 政府性基金预算 (department-wide form)
  "unknown",
]);
export type FundingRowKind = z.infer<typeof FundingRowKind>;

/** One row of the funding block (项目资金). Amounts are in the form's `fundingUnit`. */
export const FundingRow = z.object({
  kind: FundingRowKind,
  label: z.string().describe("Row label as printed, whitespace-normalised, without 其中:"),
  initialBudget: DecimalString.nullable().describe("年初预算数"),
  adjustedBudget: DecimalString.nullable().describe("全年预算数 (budget after in-year adjustment)"),
  executed: DecimalString.nullable().describe("全年执行数"),
  received: DecimalString.nullable().optional()
    .describe("资金到位情况 (Hebei): the money that reached the project; absent when the form has no such column, null for a blank or '-' cell"),
  weight: DecimalString.nullable().describe("分值/分数/权重 of the execution criterion; null for '-' or '/'"),
  rate: DecimalString.nullable().describe("执行率 in percent"),
  score: DecimalString.nullable().describe("得分; null for '-' or '/'"),
  group: z.string().optional()
    .describe("The grouping a sub-row is printed under (按收入性质分, 按支出性质分), as printed; absent when the block has a single grouping. Each group adds up to 年度资金总额 on its own"),
  reason: z.string().optional()
    .describe("原因 (Sichuan 2023): why the row's money was not spent as budgeted, as printed; absent when the form has no such column or the cell is blank"),
  scoreMethod: z.string().optional()
    .describe("得分计算方法 (Shandong): how the execution score is computed, as printed (执行率×分值); absent when the form has no such column or the cell is blank"),
});
export type FundingRow = z.infer<typeof FundingRow>;

/** One row of the indicator table (三级指标). */
export const Indicator = z.object({
  level1: z.string().describe("一级指标, e.g. 产出指标 (subtotal suffix removed)"),
  level1Subtotal: DecimalString.nullable().describe("Subtotal printed in the level-1 label, e.g. 50 for 产出指标(50分)"),
  level2: z.string().describe("二级指标, e.g. 数量指标"),
  name: z.string().describe("三级指标, the indicator itself"),
  target: Measure.describe("年度指标值"),
  actual: Measure.describe("实际完成值"),
  weight: DecimalString.nullable().describe("分值"),
  score: DecimalString.nullable().describe("得分"),
  deviation: z.string().nullable().describe("偏差原因分析及改进措施; null when blank"),
  weightShare: DecimalString.nullable().optional()
    .describe("权重占比 (Hebei): the indicator's share of the 100 points, in percent, printed where other templates print 分值 (weight is then null); absent when the form has no such column"),
  weightedScore: DecimalString.nullable().optional()
    .describe("折算得分 (Hebei): score (得分, out of 100) × weightShare / 100, as printed; the figure the 总分 adds up; absent when the form has no such column"),
  core: z.boolean().optional()
    .describe("Core indicator (核心指标): true when the name carries a ★ (removed from `name`) or the 是否核心指标 column says 是, false when it says 否; absent when the form does not say"),
});
export type Indicator = z.infer<typeof Indicator>;

/**
 * One row of an evaluation-criteria table (财政预算支出项目绩效目标自评表,
 * Hubei; Ningxia): 评价内容 | 分值 | 自评分 | 复核分 | 评价标准及依据, grouped by
 * 一级指标 (项目决策 / 项目管理 / 项目绩效, or 决策 / 过程 / 产出 / 效益).
 */
export const Criterion = z.object({
  level1: z.string().describe("一级指标 as printed (项目决策, 过程 …); a merged cell's label holds for the rows under it"),
  level2: z.string().nullable().describe("二级指标 as printed, a merged cell's label holding for the rows under it; null when the table has no such column"),
  content: z.string().describe("评价内容 (评价要点): what is judged"),
  weight: DecimalString.nullable().describe("分值; null when blank"),
  selfScore: DecimalString.nullable().describe("自评分: the unit's own score; null when blank"),
  reviewScore: DecimalString.nullable().describe("复核分: the reviewer's score, reported beside 自评分 (never instead of it); null when blank"),
  basis: z.string().nullable().describe("评价标准及依据, as printed; null when blank or when the table has no such column"),
});
export type Criterion = z.infer<typeof Criterion>;

/** A 小计 row after a group of a criteria table (Ningxia): the group's printed subtotals. */
export const CriteriaSubtotal = z.object({
  level1: z.string().describe("The 一级指标 of the group the row closes"),
  weight: DecimalString.nullable().describe("Σ 分值 as printed"),
  selfScore: DecimalString.nullable().describe("Σ 自评分 as printed"),
  reviewScore: DecimalString.nullable().describe("Σ 复核分 as printed; null when blank"),
});
export type CriteriaSubtotal = z.infer<typeof CriteriaSubtotal>;

/** 项目属性 (criteria templates): the box ticked among 常年性 / 延续性 / 一次性 / 新增性. */
export const ProjectAttribute = z.enum(["常年性", "延续性", "一次性", "新增性"]);
export type ProjectAttribute = z.infer<typeof ProjectAttribute>;

/**
 * Funding by source (criteria templates): 中央 | 省、地 | 本级 | 其他 | 合计 |
 * 执行数 | 执行率, one row of amounts in the form's `fundingUnit`. A column the
 * form does not print is null.
 */
export const FundingBySource = z.object({
  central: DecimalString.nullable().describe("中央: the central government's money"),
  provincial: DecimalString.nullable().describe("省、地: the province's and prefecture's money"),
  local: DecimalString.nullable().describe("本级: the level's own money"),
  other: DecimalString.nullable().describe("其他: any other money"),
  total: DecimalString.nullable().describe("合计: the budget, Σ of the sources"),
  executed: DecimalString.nullable().describe("执行数: what was spent"),
  rate: DecimalString.nullable().describe("执行率 in percent, as printed (95.00% → 95.00)"),
});
export type FundingBySource = z.infer<typeof FundingBySource>;

/** Severity of a verifier finding. */
export const Severity = z.enum(["error", "warning", "notice"]);
export type Severity = z.infer<typeof Severity>;

/** Where a finding points: the form, and the row and cell when there is one. */
export const FindingLocation = z.object({
  form: z.number().int().positive().describe("1-based number of the form in its document, as in every output (README: numbering)"),
  indicator: z.number().int().positive().optional()
    .describe("1-based number of the indicator when the finding is about one: path indicators[3].score → 4"),
  project: z.string().describe("项目名称 of the form"),
  path: z.string().optional().describe("Path of the value in the form, e.g. indicators[3].score"),
  row: z.string().optional().describe("Human label of the row, e.g. the indicator name"),
  line: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});
export type FindingLocation = z.infer<typeof FindingLocation>;

/** One inconsistency or observation reported by the verifier. */
export const Finding = z.object({
  rule: z.string().describe("Stable rule id, e.g. total.sum"),
  severity: Severity,
  message: z.object({ zh: z.string(), en: z.string() }),
  expected: z.string().nullable().describe("Recomputed value (decimal string or text)"),
  found: z.string().nullable().describe("Printed value"),
  difference: z.string().nullable().describe("found − expected, when both are numbers"),
  where: FindingLocation,
});
export type Finding = z.infer<typeof Finding>;

/** How a form rounds its printed 2-decimal figures. */
export const Rounding = z.enum(["truncate", "half-up", "either", "inconsistent"]);
export type Rounding = z.infer<typeof Rounding>;

/** The verifier's result for one form. */
export const Verification = z.object({
  rounding: Rounding.describe("Rounding the form's printed figures are consistent with"),
  findings: z.array(Finding),
});
export type Verification = z.infer<typeof Verification>;

/** Kinds of self-evaluation form. */
export const FormType = z.enum(["project", "department"]);
export type FormType = z.infer<typeof FormType>;

/**
 * The template family a form was read as, named by the grammar that read it
 * (see docs/layouts.md, a section per family).
 */
export const Template = z.enum([
  "national", // 财政项目支出绩效自评表, the seed's layout and its variants
  "target-self-eval", // 绩效目标自评表 (Sichuan and Anhui 衔接资金)
  "shandong", // 部门预算项目支出绩效自评表 with 主管部门(盖章), 得分计算方法
  "sichuan-2023", // 部门预算项目支出绩效自评表 with 报表编号, 实施单位（盖章）
  "hebei", // 预算项目绩效自评表 in numbered sections, 权重占比 and 折算得分
  "criteria", // 评价内容 | 分值 | 自评分 | 复核分 criteria templates (Hubei, Ningxia)
  "department", // 部门整体支出绩效自评表
]);
export type Template = z.infer<typeof Template>;

/** One 自评表. */
export const Form = z.object({
  formType: FormType.describe("project: 项目支出绩效自评表; department: 部门整体支出绩效自评表"),
  template: Template.describe(
    "The template family the form was read as: national (财政项目支出绩效自评表), target-self-eval (绩效目标自评表), " +
      "shandong, sichuan-2023, hebei, criteria (评价内容/自评分/复核分), department (部门整体支出绩效自评表)",
  ),
  title: z.string().describe("Title as printed, e.g. 财政项目支出绩效自评表"),
  year: z.number().int().nullable().describe("Year of the (2023 年度) line"),
  projectName: z.string().nullable().describe("项目名称"),
  department: z.string().nullable().describe("主管部门"),
  implementingUnit: z.string().nullable().describe("实施单位"),
  reportNumber: z.string().optional()
    .describe("报表编号 (Sichuan 2023), e.g. 510000_0013zp: the form's number in the province's reporting system; absent when not printed"),
  projectLeader: z.string().optional()
    .describe("项目负责人 printed in a cell of its own among the header fields (Shandong); absent when not printed. 项目负责人及电话 in one cell stays in notes"),
  projectLeaderPhone: z.string().optional()
    .describe("联系电话 printed beside 项目负责人 among the header fields (Shandong); absent when not printed"),
  specialFund: z.boolean().optional()
    .describe("是否为专项资金 (Hebei): true for 是, false for 否; absent when not printed"),
  projectAttribute: ProjectAttribute.nullable().optional()
    .describe("项目属性 (criteria templates): the one box ticked (☑ ■ √) among 常年性 / 延续性 / 一次性 / 新增性; absent when not printed, null when no box or more than one is ticked (said by a diagnostic)"),
  selfEvaluationTotal: DecimalString.nullable().optional()
    .describe("自评总分 printed above a criteria table; absent when not printed, null when its cell is not a number"),
  fundingUnit: z.enum(["万元", "元"]).describe("Unit of the funding amounts, from the block's label"),
  funding: z.array(FundingRow).describe("年度资金总额 first, then its sub-rows"),
  fundingPoints: DecimalString.optional()
    .describe("The points printed in the funding block's label: 10 for 项目预算执行情况(10分) (Shandong) or 预算执行情况(10分) (Sichuan 2023); absent when the label prints none"),
  indicatorPoints: DecimalString.optional()
    .describe("The points printed in the indicator block's label: 90 for 绩效指标(90分) (Sichuan 2023); absent when the form prints none"),
  implementationSummary: z.string().optional()
    .describe("项目实施内容及过程概述 (Sichuan 2023, under 项目基本情况), HTML removed; absent when not printed"),
  goals: z.object({
    expected: z.string().nullable().describe("预期目标, HTML removed"),
    actual: z.string().nullable().describe("实际完成情况, HTML removed"),
    completionRate: DecimalString.nullable().optional()
      .describe("总体完成率(%) (Hebei): how much of the year's goals was done, in percent; absent when the form has no such column, null when its cell is blank"),
  }),
  fundingBySource: FundingBySource.optional()
    .describe("Funding by source (criteria templates: 中央 | 省、地 | 本级 | 其他 | 合计 | 执行数 | 执行率); absent in every other family, whose funding is `funding`"),
  indicators: z.array(Indicator),
  criteria: z.array(Criterion).optional()
    .describe("The evaluation-criteria table (template criteria), row by row; absent in every other family, whose table is `indicators`"),
  criteriaSubtotals: z.array(CriteriaSubtotal).optional()
    .describe("The 小计 rows of a criteria table, in order; absent when the table prints none"),
  total: z.object({
    weight: DecimalString.nullable().describe("总分 row: total weight (normally 100)"),
    score: DecimalString.nullable().describe("总分 row: total score (Σ 自评分 in a criteria table)"),
    review: DecimalString.nullable().optional()
      .describe("总分 row: the 复核分 total of a criteria table; absent in other families, null when blank"),
  }),
  grade: z.string().nullable().describe("评分等级 as printed (优/良/中/差 or the office's own word)"),
  notes: z.record(z.string(), z.string()).describe("Text rows after the table: 评价结论, 存在问题, 改进措施 …"),
  complete: z.boolean().describe("false when the form was cut off before its 总分/评分等级"),
  provenance: z.record(z.string(), Provenance)
    .describe("Where each value was read, keyed by its path in the form: projectName, funding[0].executed, indicators[3].target, total.score …"),
  verification: Verification.optional().describe("Present when the verifier ran"),
});
export type Form = z.infer<typeof Form>;
