/**
 * The words of the form that flattened text is read by: labels, level names,
 * column headers. Flattened text keeps no cell boundaries, so these words
 * and the shape of each value (shapes.ts) are what tells the parts of a form
 * apart; the grammar still decides what every cell means.
 */

/** Titles, compared as keys (keyOf). */
export const TITLES = ["财政项目支出绩效自评表", "部门项目支出绩效自评表", "项目支出绩效自评表", "部门整体支出绩效自评表", "部门整体绩效自评表"];

/** The header fields above the funding block, in the order a form prints them. */
export const HEADER_LABELS = ["项目名称", "主管部门", "实施单位", "部门名称"];

/** The funding block's own label. */
export const FUNDING_BLOCK = [
  "项目资金(万元)", "项目资金(元)", "项目资金(单位:元)", "项目资金(单位:万元)", "项目资金", "年度预算执行情况(万元)", "年度预算执行情况(元)",
  "年度预算执行情况", "预算执行情况", "资金情况",
];

/** Column headers of the funding block. */
export const FUNDING_HEADERS = [
  "年初预算数", "年初预算", "全年预算数", "全年预算", "调整后预算数", "调整后预算", "全年执行数", "预算执行数",
  "分值", "分数", "权重", "预算执行率(%)", "执行率(%)", "预算执行率", "执行率", "得分",
];

/** Row labels of the funding block (compared without 其中: and a closing colon). */
export const FUNDING_ROWS = [
  "年度资金总额", "资金总额", "当年财政拨款", "本年财政拨款", "财政拨款", "财政资金", "上年结转资金", "上年结转",
  "其他资金", "财政专户管理资金", "单位资金",
];

/** The goals block: its label and its two column headers. */
export const GOALS_LABEL = ["年度总体目标"];
export const GOALS_HEADERS = ["预期目标", "实际完成情况"];

/** Column headers of the indicator table. */
export const INDICATOR_HEADERS = [
  "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "分数", "权重", "得分", "偏差原因分析及改进措施",
  "指标性质", "指标值", "计量单位", "指标名称",
];

/** What a 指标性质 cell holds. */
export const OPERATORS = ["=", "＝", "≥", "≧", "≤", "≦", ">", "＞", "<", "＜", ">=", "<=", "不低于", "不少于", "不高于", "不超过", "大于等于", "小于等于", "正向", "反向", "定性", "定量"];

/** Level-1 labels. */
export const LEVEL1 = ["产出指标", "效益指标", "满意度指标", "成本指标"];

/** Level-2 labels. */
export const LEVEL2 = [
  "数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
  "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
];

/** Qualitative statements printed as targets and actuals. */
export const QUALITATIVE = ["部分达成指标并具有一定效果", "达成指标", "未达成指标", "全年正常运营", "效果明显", "效果较好", "基本达成", "达成", "未达成"];

/** Labels after the table. */
export const TOTAL = ["总分", "合计"];
export const GRADE = ["评分等级", "自评等级"];
export const NOTES = ["评价结论", "自评结论", "存在问题", "存在的问题", "改进措施", "整改措施", "问题及改进措施", "结果应用", "其他说明"];
