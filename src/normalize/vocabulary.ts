import { cleansTo, isSpace } from "../text/chars.js";

/** Level-1 indicator labels printed across provinces. */
export const LEVEL1_LABELS = ["产出指标", "效益指标", "效果指标", "满意度指标", "成本指标", "履职效能", "管理效率"];

/** Level-2 indicator labels printed across provinces. */
export const LEVEL2_LABELS = [
  "数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
  "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标",
];

/** A level label's subtotal suffix: 产出指标(50分) → ["产出指标", "50"]. */
export function splitSubtotal(label: string): { label: string; subtotal: string | null } {
  if (!label.endsWith("分)")) return { label, subtotal: null };
  const m = /^(.*?)\((\d+(?:\.\d+)?)分\)$/.exec(label);
  return m ? { label: m[1]!, subtotal: m[2]! } : { label, subtotal: null };
}

/**
 * Words a form commonly prints, each kept as one string: a value that reads
 * as one of them is given that string, so no form keeps a copy of its own
 * (nor the cell it was read from). Never a list of what is allowed: a value
 * that is no word of the list is read all the same.
 */
export class Vocabulary {
  // The words by the low byte of their first code unit.
  private readonly byFirst: Array<readonly string[] | undefined> = [];

  constructor(readonly words: readonly string[]) {
    const lists: string[][] = [];
    for (let b = 0; b < 256; b++) lists.push([]);
    for (const w of words) lists[w.charCodeAt(0) & 0xff]!.push(w);
    for (const list of lists) this.byFirst.push(list.length ? list : undefined);
  }

  /** s[from, to) as a string: the word it is, else a slice (s itself when it is the whole of s). */
  slice(s: string, from: number, to: number): string {
    const list = from < to ? this.byFirst[s.charCodeAt(from) & 0xff] : undefined;
    if (list) for (const w of list) if (w.length === to - from && s.startsWith(w, from)) return w;
    return from === 0 && to === s.length ? s : s.slice(from, to);
  }

  /**
   * The word cleanLabel(text) is, read off text without cleaning it (see
   * cleansTo: every word must be Han characters only); undefined when none.
   */
  cleaned(text: string): string | undefined {
    let i = 0; // the first code unit cleanLabel keeps
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (!isSpace(c) && c !== 0x200b) break;
      i++;
    }
    const list = i < text.length ? this.byFirst[text.charCodeAt(i) & 0xff] : undefined;
    if (list) for (const w of list) if (cleansTo(text, w)) return w;
    return undefined;
  }
}

/** Every level label, each once (Han characters only). */
export const LEVEL_LABELS = new Vocabulary([...new Set([...LEVEL1_LABELS, ...LEVEL2_LABELS])]);

/** Units targets and actuals are commonly printed in. */
export const UNITS = new Vocabulary([
  "%", "‰", "百分比", "分", "人", "人次", "万人次", "人天", "人/次", "次", "场次", "户次", "个", "万个", "项", "家", "户", "件", "台",
  "套", "所", "场", "期", "批", "篇", "本", "册", "份", "张", "条", "处", "座", "间", "辆", "艘", "架", "只", "头", "株", "棵",
  "种", "类", "门", "节", "班", "届", "床", "例", "起", "宗", "笔", "部", "首", "集", "幅", "亩", "万亩", "公顷", "平方米",
  "万平方米", "立方米", "米", "公里", "千米", "吨", "万吨", "千克", "公斤", "元", "万元", "亿元", "元/人", "天", "日",
  "工作日", "个工作日", "周", "月", "个月", "年", "小时", "分钟", "秒", "学时", "课时",
]);

/** Titles forms are commonly printed with (Han characters only). */
export const TITLES = new Vocabulary([
  "财政项目支出绩效自评表", "项目支出绩效自评表", "部门项目支出绩效自评表", "部门整体支出绩效自评表", "部门整体绩效自评表",
]);

/** Grades (评分等级) commonly printed (Han characters only). */
export const GRADES = new Vocabulary(["优", "良", "中", "差", "优秀", "良好", "合格", "不合格", "较好", "一般", "较差"]);

/** The labels of the funding rows jixiao knows, as its patterns spell them (without 其中: and a closing colon). */
export const FUNDING_LABELS = new Vocabulary([
  "年度资金总额", "资金总额", "当年财政拨款", "本年财政拨款", "财政拨款", "财政资金", "上年结转资金", "上年结转",
  "其他资金", "财政专户管理资金", "单位资金",
  "基本支出", "项目支出", "一般公共预算", "政府性基金预算", "按收入性质分", "按支出性质分",
]);

/** The labels of the notes rows after the table, as jixiao's patterns spell them (Han characters only). */
export const NOTES = new Vocabulary([
  "评价结论", "自评结论", "存在问题", "存在的问题", "改进措施", "整改措施", "问题及改进措施", "结果应用", "其他说明",
  "其他需要说明事项", "其他需要说明的事项",
]);
