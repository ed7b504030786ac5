import { createToken, Lexer, type TokenType } from "chevrotain";

/*
 * Tokens of the 自评表 layout. The lexer runs over cell keys (see input.ts): each
 * cell's text with all whitespace removed and full-width ASCII folded, cells
 * joined by \t and rows ended by \n. Every cell becomes exactly one token: label
 * patterns only match a whole cell (the lookahead demands the cell's end), so a
 * project called 总分析平台 is Text, never the 总分 label followed by text.
 */

const CELL_END = "(?=[\\t\\n])";

/** Categories: the parser speaks in these, the variants fill them. */
export const Value = createToken({ name: "Value", pattern: Lexer.NA });
export const LevelLabel = createToken({ name: "LevelLabel", pattern: Lexer.NA });
export const FundingColumnHeader = createToken({ name: "FundingColumnHeader", pattern: Lexer.NA });
export const IndicatorColumnHeader = createToken({ name: "IndicatorColumnHeader", pattern: Lexer.NA });
export const FundingRowLabel = createToken({ name: "FundingRowLabel", pattern: Lexer.NA });
export const FormTitleCategory = createToken({ name: "FormTitleCategory", pattern: Lexer.NA });
/** Page furniture that may stand between any two rows: 附件2, 附表3, 单位：万元, 填报单位：… */
export const Furniture = createToken({ name: "Furniture", pattern: Lexer.NA });
/** Every cell token: what a row the grammar cannot place is made of. */
export const AnyCell = createToken({ name: "AnyCell", pattern: Lexer.NA });
/** The columns of an evaluation-criteria table (Hubei, Ningxia): 评价内容, 自评分, 复核分, 评价标准及依据. */
export const CriteriaColumnHeader = createToken({ name: "CriteriaColumnHeader", pattern: Lexer.NA });
/** The columns of a funding block by source (criteria templates): 中央, 省、地, 本级. */
export const SourceColumnHeader = createToken({ name: "SourceColumnHeader", pattern: Lexer.NA });

/** Each label token's pattern as a test of a whole cell key (no lookahead needed). */
const wholeKeyPatterns = new Map<TokenType, RegExp>();

function cell(name: string, source: string, categories: TokenType[] = []): TokenType {
  const type = createToken({ name, pattern: new RegExp(`(?:${source})${CELL_END}`), categories: [...categories, AnyCell] });
  wholeKeyPatterns.set(type, new RegExp(`^(?:${source})$`));
  return type;
}

/** True when a whole cell key is read as the given token (one of the label and value tokens made by `cell`). */
export function keyMatches(type: TokenType, key: string): boolean {
  return wholeKeyPatterns.get(type)?.test(key) ?? false;
}

const SUBTOTAL = "(?:\\(\\d+(?:\\.\\d+)?分\\))?";
const IN_WHICH = "(?:其中:?)?";

// Titles and header block.
export const DepartmentFormTitle = cell("DepartmentFormTitle", "(?:\\d{4}年度?)?部门整体(?:支出)?绩效自评表", [FormTitleCategory]);
export const FormTitle = cell("FormTitle", "(?:\\d{4}年度?)?(?:财政|部门)?项目支出绩效自评表", [FormTitleCategory]);
// 绩效目标自评表 (Sichuan and Anhui 衔接资金 projects): the template-target-self-eval family.
// The words before it name the funds: 2023年度衔接推进乡村振兴补助资金项目绩效目标自评表.
export const TargetSelfEvalTitle = cell("TargetSelfEvalTitle", "(?:\\d{4}年度?)?[\\u3400-\\u9fff()、]{0,24}?绩效目标自评表", [FormTitleCategory]);
// 部门预算项目支出绩效自评表: the title both the Shandong and the Sichuan 2023
// templates print; the visitor tells them apart by their header vocabulary.
export const BudgetProjectFormTitle = cell("BudgetProjectFormTitle", "(?:\\d{4}年度?)?部门预算项目支出绩效自评表", [FormTitleCategory]);
/** 预算项目绩效自评表 (Hebei): a form in numbered sections, 一、基本情况 … 三、目标完成情况, then the indicators. */
export const HebeiFormTitle = cell("HebeiFormTitle", "(?:\\d{4}年度?)?(?:省级|市级|县级)?预算项目绩效自评表", [FormTitleCategory]);
export const YearLine = cell("YearLine", "\\(?\\d{4}年度?\\)?", [Value]);
export const ProjectNameLabel = cell("ProjectNameLabel", "项目名称");
export const DepartmentLabel = cell("DepartmentLabel", "(?:主管部门|主管单位)(?:\\(盖章\\))?(?::[^\\t\\n]*)?");
export const ImplementingUnitLabel = cell("ImplementingUnitLabel", "(?:项目)?实施(?:\\(主管\\))?单位(?:\\(盖章\\))?(?::[^\\t\\n]*)?");
// The department-wide form's header; in a project form it is just a value.
export const DepartmentNameLabel = cell("DepartmentNameLabel", "部门名称|单位名称|部门\\(单位\\)名称", [Value]);

// Hebei's numbered sections. 二、预算执行情况 and 三、目标完成情况 are the
// funding and goals block labels (below); 一、基本情况 heads the header fields.
const SECTION = "(?:[一二三四五六七八九十]+、)?";
export const BasicInfoSectionLabel = cell("BasicInfoSectionLabel", "[一二三四五六七八九十]+、基本情况");
/** 是否为专项资金 (Hebei): whether the project is a special fund, 是 or 否 in the cell beside it. */
export const SpecialFundLabel = cell("SpecialFundLabel", "是否(?:为|属于)?专项资金");
/** 金额单位 (Hebei) with 万元 or 元 in the cell beside it: the unit of the funding amounts. */
export const AmountUnitLabel = cell("AmountUnitLabel", "金额单位");
/** 自评总分 | 92, or 自评总分：92 in one cell (the criteria templates, Hubei and Ningxia): the self-evaluation total printed above the table. */
export const SelfTotalLabel = cell("SelfTotalLabel", "自评总分(?::[^\\t\\n]*)?");
/** 项目属性 (the criteria templates) with its checkboxes, ☑常年性 □延续性 □一次性 □新增性, in one cell or four. */
export const ProjectAttributeLabel = cell("ProjectAttributeLabel", "项目属性(?::[^\\t\\n]*)?");

/** 报表编号：510000_0013zp (Sichuan 2023): the number of the form in the province's reporting system. */
export const ReportNumberLabel = cell("ReportNumberLabel", "报表编号(?::[^\\t\\n]*)?");

// Furniture: printed around the table (above it, or at the top of every page),
// never part of a form's data. 单位：元 is read by the normaliser as the funding unit.
export const AttachmentCell = cell("AttachmentCell", "附件\\d*(?:-\\d+)?|附表\\d*(?:-\\d+)?", [Furniture]);
export const UnitNoteCell = cell("UnitNoteCell", "(?:金额)?单位:(?:万元|元)", [Furniture]);
export const FillingUnitCell = cell("FillingUnitCell", "填报单位(?::[^\\t\\n]*)?", [Furniture]);
// 公开14表 (the number of the table in a 部门决算 publication) and 部门：X printed
// above a title: they name the publication and its department, not the form's data.
export const PublicationTableCell = cell("PublicationTableCell", "公开\\d+表", [Furniture]);
export const DepartmentLineCell = cell("DepartmentLineCell", "部门:[^\\t\\n]+", [Furniture]);

// Funding block.
export const FundingLabel = cell("FundingLabel", `${SECTION}(?:年度|项目)?(?:项目资金(?:情况)?|预算执行情况|资金情况)(?:\\((?:单位:)?(?:万元|元)\\))?${SUBTOTAL}`);
// Some templates letter the amount columns, (A) and (B), and name the rate's base by them: 执行率(B/A).
const LETTER = "(?:\\([A-Z]\\))?";
export const InitialBudgetHeader = cell("InitialBudgetHeader", `年初预算数?${LETTER}`, [FundingColumnHeader]);
export const AdjustedBudgetHeader = cell("AdjustedBudgetHeader", `(?:全年预算数?|调整后预算数?|预算安排(?:情况|数)?(?:\\(调整后\\))?)${LETTER}`, [FundingColumnHeader]);
export const ExecutedHeader = cell("ExecutedHeader", `(?:全年执行数|预算执行数|执行数|资金执行(?:情况|数))${LETTER}`, [FundingColumnHeader]);
export const RateHeader = cell("RateHeader", "(?:(?:预算)?执行率(?:\\([A-Z]/[A-Z](?:[×*]100%)?\\))?|预算执行进度)(?:\\(%\\))?", [FundingColumnHeader]);
/** 资金到位情况 (Hebei): the money that reached the project, a column between the budget and the spending. */
export const ReceivedHeader = cell("ReceivedHeader", `资金到位(?:情况|数)${LETTER}`, [FundingColumnHeader]);
export const WeightHeader = cell("WeightHeader", "分值|分数|权重", [FundingColumnHeader, IndicatorColumnHeader]);
export const ScoreHeader = cell("ScoreHeader", "得分", [FundingColumnHeader, IndicatorColumnHeader]);
// Funding by source (the criteria templates): 中央 | 省、地 | 本级 | 其他 | 合计 |
// 执行数 | 执行率. 其他 and 合计 are the row labels' own tokens (OtherFundsLabel,
// TotalFundsLabel): a cell is one token whatever it stands in.
export const CentralSourceHeader = cell("CentralSourceHeader", "中央(?:资金|财政|补助)?", [SourceColumnHeader]);
export const ProvincialSourceHeader = cell("ProvincialSourceHeader", "省、?(?:地|市)(?:资金|财政)?|省级(?:资金|财政)?", [SourceColumnHeader]);
export const LocalSourceHeader = cell("LocalSourceHeader", "本级(?:资金|财政)?", [SourceColumnHeader]);
export const TotalFundsLabel = cell("TotalFundsLabel", "(?:(?:年度)?资金总额|总额|合计):?", [FundingRowLabel]);
/**
 * 年度预算数(万元) (Sichuan 2023): a header over two columns, 年初预算 |
 * 调整后预算数, printed on the header row below it.
 */
export const BudgetGroupHeader = cell("BudgetGroupHeader", "年度预算数?(?:\\((?:万元|元)\\))?", [FundingColumnHeader]);
/** 原因 (Sichuan 2023): why a funding row was not spent in full, a text column. */
export const ReasonHeader = cell("ReasonHeader", "(?:差异|偏离)?原因(?:说明|分析)?", [FundingColumnHeader]);
/** 得分计算方法 (Shandong): how the execution score is computed, a text column. */
export const ScoreMethodHeader = cell("ScoreMethodHeader", "得分计算方法|评分方法|计分方法", [FundingColumnHeader]);
export const FiscalFundsLabel = cell("FiscalFundsLabel", `${IN_WHICH}(?:(?:当年|本年)财政拨款|财政拨款|财政资金):?`, [FundingRowLabel]);
export const CarryoverFundsLabel = cell("CarryoverFundsLabel", `${IN_WHICH}上年结转(?:资金)?:?`, [FundingRowLabel]);
export const OtherFundsLabel = cell("OtherFundsLabel", `${IN_WHICH}其他(?:资金)?:?`, [FundingRowLabel]);
export const SpecialAccountFundsLabel = cell("SpecialAccountFundsLabel", `${IN_WHICH}财政专户管理资金:?`, [FundingRowLabel]);
export const UnitFundsLabel = cell("UnitFundsLabel", `${IN_WHICH}单位资金:?`, [FundingRowLabel]);
// The department-wide form's sub-rows: by the nature of spending, and by the budget the money comes from.
export const BasicSpendingLabel = cell("BasicSpendingLabel", `${IN_WHICH}基本支出:?`, [FundingRowLabel]);
export const ProjectSpendingLabel = cell("ProjectSpendingLabel", `${IN_WHICH}项目支出:?`, [FundingRowLabel]);
export const GeneralBudgetLabel = cell("GeneralBudgetLabel", `${IN_WHICH}一般公共预算(?:资金|拨款)?:?`, [FundingRowLabel]);
export const FundBudgetLabel = cell("FundBudgetLabel", `${IN_WHICH}政府性基金预算(?:资金|拨款)?:?`, [FundingRowLabel]);
/** 按收入性质分, 按支出性质分: a grouping of sub-rows, printed in a merged cell before its first row. */
export const FundingGroupLabel = cell("FundingGroupLabel", "按(?:收入|支出|资金)(?:性质|来源|用途)分:?");
export const InWhichLabel = cell("InWhichLabel", "其中:?");

// Goals.
export const GoalsLabel = cell("GoalsLabel", `(?:年度)?总体目标|年度目标|项目基本情况|${SECTION}目标完成情况`);
export const ExpectedGoalHeader = cell("ExpectedGoalHeader", "预期目标|年初设定目标|项目年度目标|年度预期目标");
export const AchievedGoalHeader = cell("AchievedGoalHeader", "实际完成情况|年度总体目标完成情况综述|全年实际完成情况|年度目标完成情况|具体完成情况")
/** 总体完成率(%) (Hebei): how much of the year's goals was done, a number beside the two goal texts. */
export const CompletionRateHeader = cell("CompletionRateHeader", "总体完成率(?:\\(%\\))?");
/** 项目实施内容及过程概述 (Sichuan 2023): a text row under 项目基本情况. */
export const ImplementationSummaryLabel = cell("ImplementationSummaryLabel", "项目实施(?:内容|情况)(?:及过程)?(?:概述|简述)");;

// Indicator table header.
/** 绩效指标(90分) (Sichuan 2023): the indicator block's label, in a merged cell before the column headers. */
export const IndicatorBlockLabel = cell("IndicatorBlockLabel", `绩效指标${SUBTOTAL}`);
export const Level1Header = cell("Level1Header", "一级指标", [IndicatorColumnHeader]);
export const Level2Header = cell("Level2Header", "二级指标", [IndicatorColumnHeader]);
export const Level3Header = cell("Level3Header", "三级指标", [IndicatorColumnHeader]);
export const TargetHeader = cell("TargetHeader", "年度指标值|指标值|目标值", [IndicatorColumnHeader]);
export const ActualHeader = cell("ActualHeader", "实际完成值|实际值|完成值|全年实际值|全年完成值", [IndicatorColumnHeader]);
export const DeviationHeader = cell(
  "DeviationHeader",
  "偏差原因分析及改进措施|偏差原因分析|偏差原因|未完成原因及拟采取的改进措施|未完成原因(?:分析)?(?:及改进措施)?",
  [IndicatorColumnHeader],
);
/** 权重占比 (Hebei): an indicator's share of the 100 points, in percent; it stands where other templates print 分值. */
export const WeightShareHeader = cell("WeightShareHeader", "权重占比(?:\\(%\\))?", [IndicatorColumnHeader]);
/** 折算得分 (Hebei): 得分 (out of 100) scaled by 权重占比, the figure the 总分 adds up. */
export const WeightedScoreHeader = cell("WeightedScoreHeader", "折算得分", [IndicatorColumnHeader]);
export const NatureHeader = cell("NatureHeader", "指标性质", [IndicatorColumnHeader]);
export const UnitHeader = cell("UnitHeader", "计量单位|度量单位", [IndicatorColumnHeader]);
export const CoreHeader = cell("CoreHeader", "是否(?:为)?核心指标", [IndicatorColumnHeader]);
/*
 * The columns of the evaluation-criteria templates (Hubei, Ningxia): 一级指标 |
 * (二级指标 |) 评价内容 | 分值 | 自评分 | 复核分 | 评价标准及依据. A header row
 * with one of them is read as a criteria table (criteriaBlock), never as an
 * indicator table, whose fields its cells would land in wrongly.
 */
export const ContentHeader = cell("ContentHeader", "评价内容|评价要点|考评内容", [CriteriaColumnHeader]);
export const SelfScoreHeader = cell("SelfScoreHeader", "自评分|自评得分", [CriteriaColumnHeader]);
export const ReviewScoreHeader = cell("ReviewScoreHeader", "复核分|复核得分", [CriteriaColumnHeader]);
export const BasisHeader = cell("BasisHeader", "评价标准(?:及依据)?|评分标准及依据|评价依据", [CriteriaColumnHeader]);

// Indicator level labels. 成本指标 is both a level-1 (some templates) and a
// level-2 label (under 产出指标): the normaliser decides by position.
export const Level1Label = cell("Level1Label", `(?:(?:产出|效益|效果|满意度|成本)指标|履职效能|管理效率)${SUBTOTAL}`, [LevelLabel]);
export const Level2Label = cell(
  "Level2Label",
  `(?:数量|质量|时效|经济成本|社会成本|生态环境成本|生态成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)指标${SUBTOTAL}`,
  [LevelLabel],
);

/** A level-1 label printed only as its subtotal, (50分) (Shandong): the level is its level-2 labels' own. */
export const SubtotalLevelLabel = cell("SubtotalLevelLabel", "\\(\\d+(?:\\.\\d+)?分\\)", [LevelLabel]);

/** 小计 (a criteria table's group subtotal row, Ningxia): a value everywhere else. */
export const SubtotalRowLabel = cell("SubtotalRowLabel", "小计", [Value]);

// Closing rows.
export const TotalScoreLabel = cell("TotalScoreLabel", "总分|总计");
export const GradeLabel = cell("GradeLabel", "评分等级|评价等级|自评等级|绩效等级");
export const NoteLabel = cell("NoteLabel", "评价结论|自评结论|存在(?:的)?问题|改进措施|整改措施|问题及改进措施|结果应用|其他说明|其他需要说明(?:的)?事项");
/**
 * Who filled in, checked and signed the form, and how to reach them: 填报人,
 * 审核人, 单位负责人, 联系电话, 项目负责人(及电话). Printed as a label cell with
 * the value beside it, or as 填报人：张三 in one cell, several to a row.
 */
export const SignOffLabel = cell(
  "SignOffLabel",
  "(?:填报人|审核人|单位负责人|联系电话|项目负责人(?:及(?:联系)?电话)?|联系人)(?::[^\\t\\n]*)?",
);

// Values. Number and Dash before Measure, Measure before Text.
export const NumberCell = cell("NumberCell", "-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?%?|\\((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?\\)", [Value]);
export const DashCell = cell("DashCell", "[-‐‑–—―/\\\\]+", [Value]);
export const MeasureCell = cell(
  "MeasureCell",
  "(?:>=|<=|==|[=≥≤><]|不低于|不少于|不小于|不高于|不超过|不大于|大于等于|小于等于|大于|小于|高于|低于)?-?\\d[\\d,]*(?:\\.\\d+)?(?:\\([^\\t\\n]*\\)|[^\\t\\n\\d]{0,8})",
  [Value],
);
// Any other cell. A range instead of [^\t\n] so Chevrotain keeps its first-char
// optimisation (it cannot analyse complement sets).
// eslint-disable-next-line no-control-regex -- the range must start at U+0000 to cover every character but \t and \n
export const TextCell = createToken({ name: "TextCell", pattern: /[\u0000-\u0008\u000b-\uffff]+/, categories: [Value, AnyCell] });

export const CellSep = createToken({ name: "CellSep", pattern: /\t/, group: Lexer.SKIPPED });
export const RowEnd = createToken({ name: "RowEnd", pattern: /\n/, line_breaks: true });

/** All tokens, in the order the lexer tries them: specific before general. */
export const allTokens: TokenType[] = [
  // categories first (no pattern)
  Value, LevelLabel, FundingColumnHeader, IndicatorColumnHeader, CriteriaColumnHeader, SourceColumnHeader, FundingRowLabel, FormTitleCategory, Furniture, AnyCell,
  CellSep, RowEnd,
  DepartmentFormTitle, FormTitle, BudgetProjectFormTitle, HebeiFormTitle, TargetSelfEvalTitle, ProjectNameLabel, DepartmentLabel, ImplementingUnitLabel, DepartmentNameLabel,
  ReportNumberLabel, BasicInfoSectionLabel, SpecialFundLabel, AmountUnitLabel, SelfTotalLabel, ProjectAttributeLabel,
  AttachmentCell, UnitNoteCell, FillingUnitCell, PublicationTableCell, DepartmentLineCell,
  FundingLabel, InitialBudgetHeader, AdjustedBudgetHeader, ExecutedHeader, RateHeader, ReceivedHeader, WeightHeader, ScoreHeader,
  CentralSourceHeader, ProvincialSourceHeader, LocalSourceHeader,
  TotalFundsLabel, FiscalFundsLabel, CarryoverFundsLabel, OtherFundsLabel, SpecialAccountFundsLabel, UnitFundsLabel,
  BasicSpendingLabel, ProjectSpendingLabel, GeneralBudgetLabel, FundBudgetLabel, FundingGroupLabel,
  BudgetGroupHeader, ReasonHeader, ScoreMethodHeader,
  InWhichLabel,
  GoalsLabel, ExpectedGoalHeader, AchievedGoalHeader, CompletionRateHeader, ImplementationSummaryLabel,
  IndicatorBlockLabel,
  Level1Header, Level2Header, Level3Header, TargetHeader, ActualHeader, DeviationHeader, WeightShareHeader, WeightedScoreHeader, NatureHeader, UnitHeader, CoreHeader,
  ContentHeader, SelfScoreHeader, ReviewScoreHeader, BasisHeader,
  Level1Label, Level2Label, SubtotalLevelLabel,
  SubtotalRowLabel, TotalScoreLabel, GradeLabel, NoteLabel, SignOffLabel,
  YearLine, NumberCell, DashCell, MeasureCell, TextCell,
];

/** The one lexer instance; Chevrotain lexers are stateless between calls. */
export const formLexer = new Lexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
});
