/**
 * Sorts a failing rendering's differences into failure kinds, so a soak can
 * say what went wrong how often, not only that something did. The kinds are
 * by symptom (which field came out wrong and how); FINDINGS.md gives each its
 * suspected cause in the loaders.
 */
import type { RenderingResult } from "./check.js";

export const FAILURE_KINDS = {
  "form-lost": "a whole form missing from the parse",
  "form-cut": "a form ends early (complete: false, 总分 or 评分等级 lost)",
  "header-lost": "项目名称, 主管部门 or 实施单位 null or wrong",
  "unit-wrong": "fundingUnit wrong (项目资金(元) read as 万元)",
  "funding-row-lost": "a funding row missing",
  "funding-value": "a funding amount, rate, weight or score wrong",
  "goal-text": "年度总体目标 text null, cut, or with foreign text in it",
  "indicator-lost": "indicator rows missing",
  "indicator-extra": "more indicator rows than printed",
  "level-label": "一级 or 二级 label wrong (fragment, neighbour's label, merged labels)",
  "indicator-cell": "an indicator's name, measure, weight, score or note wrong",
  "total-grade": "总分 or 评分等级 wrong",
  "title-year": "title or year wrong",
} as const;
export type FailureKind = keyof typeof FAILURE_KINDS;

/** The kinds a result's differences show; empty when it passed. */
export function classify(r: Pick<RenderingResult, "differences"> & Partial<RenderingResult>): FailureKind[] {
  const kinds = new Set<FailureKind>();
  for (const d of r.differences) {
    const m = /^forms(?:\[(\d+)\])?(?:\.([A-Za-z]+))?(?:\[(\d+)\])?(?:\.([A-Za-z0-9]+))?.*?: (.*)$/.exec(d);
    if (!m) continue;
    const [, form, field, , sub, rest = ""] = m;
    if (form === undefined) {
      if (/expected \d+ item/.test(rest)) kinds.add("form-lost");
      continue;
    }
    if (field === undefined) continue;
    const missing = rest.endsWith("got (missing)");
    switch (field) {
      case "projectName": case "department": case "implementingUnit": kinds.add("header-lost"); break;
      case "fundingUnit": kinds.add("unit-wrong"); break;
      case "title": case "year": kinds.add("title-year"); break;
      case "goals": kinds.add("goal-text"); break;
      case "complete": kinds.add("form-cut"); break;
      case "total": case "grade": kinds.add("total-grade"); break;
      case "funding":
        if (/expected \d+ item/.test(rest)) kinds.add("funding-row-lost");
        else if (!missing) kinds.add("funding-value");
        break;
      case "indicators": {
        const counts = /expected (\d+) item\(s\), got (\d+)/.exec(rest);
        if (counts) kinds.add(Number(counts[2]) < Number(counts[1]) ? "indicator-lost" : "indicator-extra");
        else if (missing) break;
        else if (sub === "level1" || sub === "level2" || sub === "level1Subtotal") kinds.add("level-label");
        else kinds.add("indicator-cell");
        break;
      }
      default: kinds.add("indicator-cell");
    }
  }
  return [...kinds].sort();
}
