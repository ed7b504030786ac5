/**
 * Options of the verifier, as a zod schema so the CLI and library callers
 * validate them the same way. Every field has a default: `verify(form)` with no
 * options applies domain.md's rules as written.
 */
import { z } from "zod";
import { DecimalString } from "../model/index.js";
import { RULES, type RuleInfo } from "./rules.js";

/** One grade band: totals at or above `min` get `grade` (first matching band wins). */
export const GradeBand = z.object({
  grade: z.string().min(1),
  min: DecimalString,
});
export type GradeBand = z.infer<typeof GradeBand>;

/** The standard bands of domain.md. */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { grade: "优", min: "90" },
  { grade: "良", min: "80" },
  { grade: "中", min: "60" },
  { grade: "差", min: "0" },
];

/** The standard level-1 split: 产出 50 (成本 counted with it), 效益 30, 满意度 10. */
export const DEFAULT_SPLIT = { output: "50", benefit: "30", satisfaction: "10" } as const;

/** Options of {@link verify}. */
export const VerifyOptions = z.object({
  /** Grade bands, highest first; a total below every band gets the last band's grade. */
  gradeBands: z.array(GradeBand).min(1).default(() => DEFAULT_GRADE_BANDS.map((b) => ({ ...b })))
    .describe("Ordered grade bands, e.g. [{grade: 优, min: 90}, …]"),
  /** Which 2-decimal rendering of a computed figure is accepted. */
  rounding: z.enum(["truncate", "half-up", "either"]).default("either")
    .describe("Accepted rounding of printed 2-decimal figures"),
  /** Rule ids (funding.rate), id prefixes (indicator. or indicator) or family names (indicators) to switch off. */
  disable: z.array(z.string()).default(() => [])
    .describe("Rule ids, id prefixes (with or without the trailing '.'), or family names to switch off"),
  /** Standard level-1 weights for weights.split. */
  split: z.object({ output: DecimalString, benefit: DecimalString, satisfaction: DecimalString })
    .default(() => ({ ...DEFAULT_SPLIT }))
    .describe("Expected level-1 weights: 产出 (with 成本), 效益, 满意度"),
});
/** Options as a caller passes them (every field optional). */
export type VerifyOptions = z.input<typeof VerifyOptions>;
/** Options with every default filled in. */
export type ResolvedVerifyOptions = z.output<typeof VerifyOptions>;

/** Validates options and fills in the defaults; throws a ZodError on bad input. */
export function resolveOptions(options: VerifyOptions | undefined): ResolvedVerifyOptions {
  return VerifyOptions.parse(options ?? {});
}

/**
 * True when `rule` is switched off by one of the `disable` entries: its id
 * (funding.rate), an id prefix with or without the dot (indicator., indicator),
 * or its family name (indicators).
 */
export function isDisabled(rule: Pick<RuleInfo, "id" | "family">, disable: readonly string[]): boolean {
  return disable.some((d) => d === rule.id || d === rule.family
    || (d.endsWith(".") ? rule.id.startsWith(d) : rule.id.startsWith(`${d}.`)));
}

/** Rule ids known to the verifier, for validating a `disable` list. */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
