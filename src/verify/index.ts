/**
 * The verifier: recomputes every derived figure of a parsed form with
 * decimal.js and reports what does not add up. It never edits the extracted
 * data. Pure code with no `node:` import, so it runs in a browser too.
 *
 * @example
 * ```ts
 * const { rounding, findings } = verify(form);
 * const checked = verifyForms(document.forms, { disable: ["indicator."] });
 * ```
 */
import type { Finding, Form, Verification } from "../model/index.js";
import { VerifyContext } from "./context.js";
import { facts } from "./facts.js";
import { checkFunding } from "./funding.js";
import { checkGrade } from "./grade.js";
import { checkIndicators } from "./indicators.js";
import { resolveOptions, type ResolvedVerifyOptions, type VerifyOptions } from "./options.js";
import { checkScores } from "./scores.js";
import { checkTotals } from "./totals.js";
import { checkWeights } from "./weights.js";

export { RULES, ruleInfo, type RuleId, type RuleInfo, type RuleFamily } from "./rules.js";
export {
  VerifyOptions,
  GradeBand,
  DEFAULT_GRADE_BANDS,
  DEFAULT_SPLIT,
  RULE_IDS,
  resolveOptions,
  type ResolvedVerifyOptions,
} from "./options.js";
export { gradeFor } from "./grade.js";

const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, notice: 2 };

/**
 * Position of a path in reading order: funding rows, then indicators, then the
 * 总分 and 评分等级 rows; so findings list top to bottom within a severity.
 */
function rowOrder(path: string | undefined): [number, number] {
  if (path === undefined) return [9, 0];
  const m = /^(funding|indicators)(?:\[(\d+)\])?/.exec(path);
  // A finding on the whole indicator table (total.missing-row) follows the 总分 rows it explains.
  if (m) return m[2] === undefined ? (m[1] === "funding" ? [0, 1e6] : [2, 1]) : [m[1] === "funding" ? 0 : 1, Number(m[2])];
  if (path.startsWith("total")) return [2, 0];
  if (path === "grade") return [3, 0];
  return [9, 0];
}

function compareFindings(a: Finding, b: Finding): number {
  const s = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (s !== 0) return s;
  const [sa, ia] = rowOrder(a.where.path);
  const [sb, ib] = rowOrder(b.where.path);
  return sa - sb || ia - ib;
}

/**
 * Verifies one form: every rule of the catalogue (minus the disabled ones),
 * findings sorted error → warning → notice, then top to bottom. A
 * department-wide form (`formType: "department"`) gets no findings: the rules
 * are those of the project form, and its funding and indicators are not parsed.
 *
 * @param form the parsed form; its `provenance` gives findings their line/page/bbox
 * @param options grade bands, accepted rounding, rules to switch off
 * @param formIndex 0-based index of the form in its document, copied into every finding
 * @throws ZodError when the options are invalid
 */
export function verify(form: Form, options?: VerifyOptions, formIndex = 0): Verification {
  return verifyResolved(form, resolveOptions(options), formIndex);
}

/**
 * A verifier with its options checked once, for forms that arrive one at a
 * time (a large file is parsed form by form).
 *
 * @throws ZodError when the options are invalid
 */
export function formVerifier(options?: VerifyOptions): (form: Form, formIndex: number) => Verification {
  const opts = resolveOptions(options);
  return (form, formIndex) => verifyResolved(form, opts, formIndex);
}

function verifyResolved(form: Form, opts: ResolvedVerifyOptions, formIndex: number): Verification {
  // The rules are those of the project form (domain.md); a department-wide
  // form is parsed without its funding block and indicators, so checking its
  // printed 总分 against them would report errors that are not in the form.
  if (form.formType === "department") return { rounding: "either", findings: [] };
  const ctx = new VerifyContext(form, formIndex, opts);
  const f = facts(form, opts.rounding);
  checkFunding(ctx, f);
  checkWeights(ctx, f);
  checkScores(ctx);
  checkTotals(ctx, f);
  checkGrade(ctx, f);
  checkIndicators(ctx, f);
  // Array.prototype.sort is stable, so equal keys keep the families' order.
  const findings = [...ctx.findings].sort(compareFindings);
  return { rounding: ctx.rounding(), findings };
}

/**
 * Verifies every form of a document; returns copies with `verification` set
 * and leaves the inputs untouched.
 */
export function verifyForms(forms: readonly Form[], options?: VerifyOptions): Form[] {
  const check = formVerifier(options);
  return forms.map((form, i) => ({ ...form, verification: check(form, i) }));
}
