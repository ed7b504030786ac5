/** Level-1 indicator labels printed across provinces. */
export const LEVEL1_LABELS = ["产出指标", "效益指标", "满意度指标", "成本指标"];

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
