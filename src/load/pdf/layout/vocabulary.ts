/**
 * The few characters and words the re-assembly of pdftotext text relies on.
 * Layout text has lost the table's lines, so some decisions need to know a
 * header cell or a level label when they see one; the grammar still decides
 * what every cell means.
 */
import type { Chunk } from "./model.js";

/** A Han character. */
export const HAN = /\p{Script=Han}/u;
/** A space between two CJK characters (Han, CJK punctuation, full-width forms). */
export const CJK_GAP = /(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]) (?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])/gu;
/** A number, measure or placeholder: what makes a line a row's core. */
export const VALUE = /^(?:[-–—/]|[=≥≤<>＝≧≦＞＜]?\s*\d[\d,]*(?:\.\d+)?(?:\s*[(（][^)）]{0,6}[)）]?|%|[^\s\d.,;:，；：。、]{1,3})?)$/u;
/** A measure's unit in brackets, alone: what a measure that wrapped leaves on the line below ((人次), （平方米）). */
export const UNIT = /^[(（][^()（）\d\s]{1,6}[)）]$/u;
/** Characters of level labels and their pieces (产出/指标, 服务对象满意度指标, (50分)). */
export const LEVEL_CHARS = /^[产出效益满意度指标数量质时成本经济社会生态环境可持续影响服务对象其他分值()（）\d]+$/u;
/** The year line under the title: (2023 年度). */
export const YEAR_LINE = /^[(（]?\s*\d{4}\s*年度?\s*[)）]?$/u;
/** Header cells that are complete as printed: text below them is another row. */
export const HEADERS = new Set(["一级指标", "二级指标", "项目名称", "主管部门", "实施单位", "总分", "评分等级", "预期目标", "实际完成情况", "年初预算数", "全年预算数", "全年执行数", "分值", "分数", "权重", "得分", "执行率(%)", "执行率（%）", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"]);

/**
 * Header cells of the variant layouts (besides HEADERS) that narrow columns
 * wrap over two lines: 计量单 / 位, 年度指标 / 值, 全年执行 / 数.
 */
export const WRAPPED_HEADERS = new Set(["计量单位", "指标性质", "指标值", "执行率", "预算执行率", "预算执行数", "调整后预算数", "年初预算", "全年预算", "一级指标", "二级指标", "项目资金(万元)", "项目资金（万元）", "项目资金(元)", "项目资金（元）"]);

/** Row labels that narrow columns wrap over the rows they span. */
export const WRAPPED_LABELS = ["年度总体目标", "项目资金(万元)", "项目资金（万元）", "项目资金(元)", "项目资金（元）", "项目资金"];

/** A chunk that is a number, a measure or a placeholder. */
export const isValue = (c: Chunk) => VALUE.test(c.text);

/** A plain number, as 分值 and 得分 print. */
export const PLAIN_NUMBER = /^-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/u;

/** Open brackets minus closed ones in a text: above 0, the text goes on in a piece after it. */
export function unbalanced(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "（") n++;
    else if (ch === ")" || ch === "）") n--;
  }
  return n;
}
