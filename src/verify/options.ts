/**
 * Options of the verifier, as a zod schema so the CLI and library callers
 * validate them the same way. Every field has a default: `verify(form)` with no
 * options applies domain.md's rules as written.
 */
import { z } from "zod";
import { DecimalString } from "../model/index.js";
import { D, type Dec } from "./decimal.js";
import { RULES, type RuleId, type RuleInfo } from "./rules.js";

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

/** A grade band with its minimum parsed. */
export interface PreparedBand {
  readonly grade: string;
  readonly min: Dec;
}

/**
 * Options as the rules use them, worked out once per verifier rather than per
 * form: the rules switched on, the grade bands sorted highest first with their
 * minimums parsed, the standard split parsed.
 */
export interface PreparedOptions {
  readonly options: ResolvedVerifyOptions;
  /** Rule ids not switched off by `disable`. */
  readonly enabled: ReadonlySet<string>;
  /** The bands sorted highest first (ties keep their order), as {@link gradeFor} sorts them. */
  readonly bands: readonly PreparedBand[];
  /** The grade words of the bands. */
  readonly grades: ReadonlySet<string>;
  readonly split: { readonly output: Dec; readonly benefit: Dec; readonly satisfaction: Dec };
}

/** Works out what the rules need from resolved options. */
export function prepareOptions(options: ResolvedVerifyOptions): PreparedOptions {
  const enabled = new Set<RuleId>();
  for (const r of RULES) if (!isDisabled(r, options.disable)) enabled.add(r.id);
  const bands = options.gradeBands.map((b) => ({ grade: b.grade, min: new D(b.min) }))
    .sort((a, b) => b.min.comparedTo(a.min));
  return {
    options,
    enabled,
    bands,
    grades: new Set(options.gradeBands.map((b) => b.grade)),
    split: { output: new D(options.split.output), benefit: new D(options.split.benefit), satisfaction: new D(options.split.satisfaction) },
  };
}
