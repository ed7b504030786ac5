/**
 * Words the generated forms are made of. Names, goals and units come from the
 * seed's seven real forms (fixtures/seed/expected.json), cut into clauses and
 * recombined, plus the national template's fixed labels and a few lists of
 * what other offices print, so the text looks like a real form's and varies in
 * length.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface SeedForm {
  projectName: string | null;
  department: string | null;
  goals: { expected: string | null; actual: string | null };
  indicators: Array<{ name: string; deviation: string | null }>;
}

const seed = JSON.parse(readFileSync(fileURLToPath(new URL("../../fixtures/seed/expected.json", import.meta.url)), "utf8")) as {
  forms: SeedForm[];
};

const unique = (xs: string[]): string[] => [...new Set(xs)].sort();

/** Clauses of the seed's goal texts, without their punctuation or spaces, at least four characters long. */
export const GOAL_CLAUSES: readonly string[] = unique(
  seed.forms
    .flatMap((f) => [f.goals.expected ?? "", f.goals.actual ?? ""])
    .flatMap((g) => g.split(/[,，;；。.、\n]|\d\./))
    .map((c) => c.replace(/\s+/g, ""))
    // Clauses with Latin letters or digits would make the generated text depend
    // on how a loader spaces mixed scripts; the corpus tests layout, not that.
    .filter((c) => c.length >= 4 && !/[A-Za-z0-9]/.test(c)),
);

/** Indicator names: the seed's, and compositions of an object and a measure as offices word them. */
const OBJECTS = ["项目", "设施", "平台", "服务", "培训", "巡检", "活动", "系统", "设备维护", "档案整理", "宣传资料发放", "社区", "示范点建设", "课程", "志愿服务"];
const MEASURES = ["完成率", "覆盖率", "合格率", "完成及时性", "数量", "次数", "满意度", "利用率", "验收通过率", "故障率", "知晓率", "参与人数"];
export const INDICATOR_NAMES: readonly string[] = unique([
  ...seed.forms.flatMap((f) => f.indicators.map((i) => i.name)),
  ...OBJECTS.flatMap((o) => MEASURES.map((m) => o + m)),
]);

export const DEVIATIONS: readonly string[] = unique([
  ...seed.forms.flatMap((f) => f.indicators.flatMap((i) => (i.deviation ? [i.deviation] : []))),
  "受客观因素影响部分工作延期完成",
  "因预算调整部分采购计划未实施",
  "下一步将加强项目进度管理",
  "服务需求低于年初预期将优化目标设置",
]);

export const DEPARTMENTS: readonly string[] = unique([
  ...seed.forms.flatMap((f) => (f.department ? [f.department] : [])),
  "上海市教育委员会",
  "区卫生健康委员会",
  "市生态环境局",
  "县农业农村局",
  "区民政局",
  "市文化和旅游局",
  "区城市管理行政执法局",
  "市交通委员会",
]);

export const UNITS_OF: Record<string, readonly string[]> = {
  上海推进科技创新中心建设办公室: ["上海推进科技创新中心建设办公室"],
  上海市教育委员会: ["上海市教育委员会", "上海市教育考试院", "上海市教育委员会教学研究室"],
  区卫生健康委员会: ["区卫生健康委员会", "区疾病预防控制中心", "区社区卫生服务中心"],
  市生态环境局: ["市生态环境局", "市环境监测中心"],
  县农业农村局: ["县农业农村局", "县农业技术推广中心"],
  区民政局: ["区民政局", "区社会福利院"],
  市文化和旅游局: ["市文化和旅游局", "市图书馆", "市群众艺术馆"],
  区城市管理行政执法局: ["区城市管理行政执法局", "区市容环境卫生管理所"],
  市交通委员会: ["市交通委员会", "市公路管理处"],
};

export const PROJECT_NAMES: readonly string[] = unique(seed.forms.flatMap((f) => (f.projectName ? [f.projectName] : [])));
export const PROJECT_PREFIXES = ["社区", "智慧", "公共", "老旧小区", "农村", "中小学", "基层", "城市", "重点", "应急"];
export const PROJECT_CORES = ["养老服务", "信息化运维", "道路养护", "垃圾分类", "文化惠民", "卫生健康", "安全设施改造", "人才培训", "展厅运营", "档案数字化", "河道保洁", "绿化养护"];
export const PROJECT_SUFFIXES = ["项目", "补助", "工作经费", "专项经费", "建设项目", "运行经费"];

/** Units printed after a target or actual; % and 人 most often, as in the seed. */
export const UNITS: ReadonlyArray<readonly [string, number]> = [
  ["%", 8], ["人", 3], ["次", 3], ["个", 2], ["小时", 1], ["天", 1], ["场", 1], ["项", 1], ["家", 1], ["条", 1], ["人次", 1], ["平方米", 1], ["万元", 1],
];

export const QUALITATIVE_TARGETS = ["全年正常运营", "按计划完成", "达到预期目标", "有效提升", "严格执行相关制度规定", "在项目计划完成时间内完成", "效果明显"];
export const QUALITATIVE_ACTUALS = ["全年正常运营", "达成指标", "按计划完成", "部分达成指标并具有一定效果", "基本达成", "效果明显"];

/** Level 1 of the national template, with the level 2 labels each may hold, in printed order. */
export const LEVELS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]],
  ["效益指标", ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]],
  ["满意度指标", ["服务对象满意度指标"]],
];
