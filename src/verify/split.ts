/**
 * The standard level-1 split (产出 50 / 效益 30 / 满意度 10): which group a
 * level-1 label belongs to, and the weights of each group. Depends on no
 * rule family, so facts.ts and weights.ts can both use it without importing
 * each other.
 */
import { ZERO, type Dec } from "./decimal.js";
import { stripSpace } from "./text.js";

/** The three level-1 groups of the standard split. */
export type SplitGroup = "output" | "benefit" | "satisfaction";

/** The split group of a level-1 label; 成本指标 as a level 1 counts with 产出 (it is part of the 50). */
export function splitGroupOf(level1: string): SplitGroup | null {
  return groupOfName(stripSpace(level1));
}

/** The split group of a level-1 label with its whitespace removed. */
export function groupOfName(name: string): SplitGroup | null {
  if (name.includes("满意")) return "satisfaction";
  if (name.includes("效益")) return "benefit";
  if (name.includes("产出") || name.includes("成本")) return "output";
  return null;
}

/** The weight of one split group and where it starts. */
export interface SplitSum {
  weight: Dec;
  /** Index of the group's first indicator row. */
  first: number;
  /** The level-1 label as printed (whitespace removed). */
  label: string;
}

/**
 * Σ weights per split group, with the first row of each; null when a row's
 * level 1 is unrecognised.
 *
 * @param figures indicator rows in form order, level-1 labels without whitespace
 */
export function sumSplitGroups(figures: readonly { readonly level1: string; readonly weight: Dec | null }[]): Map<SplitGroup, SplitSum> | null {
  const groups = new Map<SplitGroup, SplitSum>();
  for (let i = 0; i < figures.length; i++) {
    const { level1, weight } = figures[i]!;
    const g = groupOfName(level1);
    if (g === null) return null;
    const w = weight ?? ZERO;
    const entry = groups.get(g);
    if (entry) entry.weight = entry.weight.plus(w);
    else groups.set(g, { weight: w, first: i, label: level1 });
  }
  return groups;
}
