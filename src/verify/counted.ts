/**
 * Which printed figures of an indicator the weight and total rules count. One
 * place, so that facts.ts and readings.ts cannot disagree about a family.
 */
import type { Indicator } from "../model/index.js";

/**
 * The weight and score of an indicator that its rows and the 总分 count:
 * 分值 and 得分, or, in a form that prints 权重占比 and 折算得分 (Hebei), those
 * two: 权重占比 plays the part of 分值 (Σ = 100) and 折算得分 the part of 得分
 * (Σ = 总分). Its 得分 out of 100 is checked by indicator.weighted-score.
 */
export function countedWeight(ind: Indicator): string | null {
  return ind.weightShare !== undefined ? ind.weightShare : ind.weight;
}

/** The score of an indicator that the 总分 counts (see {@link countedWeight}). */
export function countedScore(ind: Indicator): string | null {
  return ind.weightShare !== undefined || ind.weightedScore !== undefined ? ind.weightedScore ?? null : ind.score;
}
