/**
 * Rules on the weights (分值): that they add up to the printed total weight,
 * to any subtotal printed in a level-1 label, and to the standard split.
 */
import type { VerifyContext } from "./context.js";
import { D, ZERO, add, dec, eq, fmt, type Dec } from "./decimal.js";
import { splitSums, type Facts } from "./facts.js";
import type { SplitGroup } from "./split.js";

/** Runs every weights rule. */
export function checkWeights(ctx: VerifyContext, facts: Facts): void {
  checkTotal(ctx, facts);
  checkSubtotals(ctx, facts);
  checkBlocks(ctx, facts);
  checkSplit(ctx, facts);
}

/**
 * weights.block: the points a block's label prints (预算执行情况(10分),
 * 绩效指标(90分): Shandong, Sichuan 2023) are what its rows weigh: the
 * execution weight, and Σ indicator weights. Weights are set, not computed:
 * they must agree exactly.
 */
function checkBlocks(ctx: VerifyContext, facts: Facts): void {
  const form = ctx.form;
  const funding = dec(form.fundingPoints ?? null);
  if (funding !== null && facts.executionWeight !== null && !eq(funding, facts.executionWeight)) {
    const [labelled, weight] = [fmt(funding), fmt(facts.executionWeight)];
    ctx.report({
      rule: "weights.block",
      path: "fundingPoints",
      row: "预算执行情况",
      zh: `预算执行情况标注 ${labelled} 分，其分值为 ${weight}`,
      en: `the funding block is labelled ${labelled} points, but its execution weight is ${weight}`,
      expected: facts.executionWeight,
      found: funding,
    });
  }
  const indicators = dec(form.indicatorPoints ?? null);
  // A form cut off mid-table holds only some of its rows.
  if (indicators !== null && form.complete && form.indicators.length > 0 && !eq(indicators, facts.weightSum)) {
    const [labelled, sum] = [fmt(indicators), fmt(facts.weightSum)];
    ctx.report({
      rule: "weights.block",
      path: "indicatorPoints",
      row: "绩效指标",
      zh: `绩效指标标注 ${labelled} 分，各指标分值之和为 ${sum}`,
      en: `the indicator block is labelled ${labelled} points, but its indicators' weights add up to ${sum}`,
      expected: facts.weightSum,
      found: indicators,
    });
  }
}

/** Σ indicator weights + execution weight; the figure weights.total and total.missing-row compare with the printed total weight. */
export function recomputedTotalWeight(facts: Facts): Dec {
  // weightSum is a sum (rounded to the precision already), so adding nothing leaves it as it is.
  return (facts.recomputedTotalWeight ??= facts.executionWeight === null ? facts.weightSum : facts.weightSum.plus(facts.executionWeight));
}

/** weights.total: Σ indicator weights + execution weight = printed total weight. */
function checkTotal(ctx: VerifyContext, facts: Facts): void {
  const found = dec(ctx.form.total.weight);
  // A form not read whole (complete: false) is not summed: its rows are not all there.
  if (found === null || !ctx.form.complete) return;
  const expected = recomputedTotalWeight(facts);
  // Weights are printed as set, never rounded from anything: they must add up exactly.
  if (eq(found, expected)) return;
  const [sum, ew, total, printed] = [fmt(facts.weightSum), fmt(facts.executionWeight ?? ZERO), fmt(expected), fmt(found)];
  ctx.report({
    rule: "weights.total",
    path: "total.weight",
    row: "总分",
    zh: `指标分值合计 ${sum} + 预算执行率分值 ${ew} = ${total}，总分行却为 ${printed}`,
    en: `indicator weights ${sum} + execution weight ${ew} = ${total}, but the total weight is printed as ${printed}`,
    expected,
    found,
  });
}

/** weights.subtotal: a subtotal printed in the level-1 label equals its rows. */
function checkSubtotals(ctx: VerifyContext, facts: Facts): void {
  const inds = ctx.form.indicators;
  const figures = facts.indicators;
  let start = 0;
  while (start < inds.length) {
    const name = figures[start]!.level1;
    let end = start;
    while (end + 1 < inds.length && figures[end + 1]!.level1 === name) end++;
    let k = -1;
    for (let j = start; j <= end && k < 0; j++) if (inds[j]!.level1Subtotal !== null) k = j - start;
    if (k >= 0) {
      const found = new D(inds[start + k]!.level1Subtotal!);
      let expected = ZERO;
      for (let j = start; j <= end; j++) {
        const w = figures[j]!.weight;
        if (w !== null) expected = add(expected, w);
      }
      if (!eq(found, expected)) {
        const [labelled, rows] = [fmt(found), fmt(expected)];
        ctx.report({
          rule: "weights.subtotal",
          path: `indicators[${start + k}].level1Subtotal`,
          row: name,
          zh: `${name}标注小计 ${labelled} 分，其下各行分值之和为 ${rows}`,
          en: `${name} is labelled ${labelled} points, but its rows' weights add up to ${rows}`,
          expected,
          found,
        });
      }
    }
    start = end + 1;
  }
}

export { splitGroupOf } from "./split.js";

const GROUP_NAMES: Record<SplitGroup, { zh: string; en: string }> = {
  output: { zh: "产出指标", en: "output indicators (产出)" },
  benefit: { zh: "效益指标", en: "benefit indicators (效益)" },
  satisfaction: { zh: "满意度指标", en: "satisfaction indicators (满意度)" },
};

/** weights.split: level-1 weights differ from 产出 50 / 效益 30 / 满意度 10. */
function checkSplit(ctx: VerifyContext, facts: Facts): void {
  // A form cut off mid-table holds only some of its rows: its split says nothing.
  if (ctx.form.indicators.length === 0 || !ctx.form.complete) return;
  // With an unrecognised level 1 the split cannot be judged; say nothing rather than guess.
  const groups = splitSums(facts);
  if (groups === null) return;
  for (const g of ["output", "benefit", "satisfaction"] as const) {
    const expected = ctx.prepared.split[g];
    const entry = groups.get(g);
    const found = entry?.weight ?? ZERO;
    if (eq(found, expected)) continue;
    const name = GROUP_NAMES[g];
    const [weigh, standard] = [fmt(found), fmt(expected)];
    ctx.report({
      rule: "weights.split",
      path: entry ? `indicators[${entry.first}].level1` : "indicators",
      row: entry?.label ?? name.zh,
      zh: `${name.zh}分值合计 ${weigh}，标准为 ${standard}`,
      en: `${name.en} weigh ${weigh} in all, the standard is ${standard}`,
      expected,
      found,
    });
  }
}
