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
import { z } from "zod";
import { Form, type Verification } from "../model/index.js";
import { describeValue, usageFromZod, UsageError } from "../model/usage-error.js";
import { VerifyContext } from "./context.js";
import { checkCriteria } from "./criteria.js";
import { facts } from "./facts.js";
import { checkFunding } from "./funding.js";
import { checkGrade } from "./grade.js";
import { checkIndicators } from "./indicators.js";
import { VerifyOptions, prepareOptions, resolveOptions, type PreparedOptions } from "./options.js";
import { checkScores } from "./scores.js";
import { checkShares } from "./shares.js";
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

/**
 * Verifies one form: every rule of the catalogue (minus the disabled ones),
 * findings sorted error → warning → notice, then top to bottom. A
 * department-wide form (`formType: "department"`) is verified by the same
 * rules: its funding block, indicators and 总分 are read like a project form's.
 *
 * @param form the parsed form; its `provenance` gives findings their line/page/bbox
 * @param options grade bands, accepted rounding, rules to switch off
 * @param formIndex 0-based index of the form in its document, copied into every finding
 * @throws UsageError when `form` is not a Form or the options are invalid (the ZodError is its `cause`)
 */
export function verify(form: Form, options?: VerifyOptions, formIndex = 0): Verification {
  const opts = prepared("verify", options);
  checkForm("verify", "form", form);
  return verifyPrepared(form, opts, formIndex);
}

/** Options checked and prepared; the defaults only once. */
function prepared(fn: string, options: VerifyOptions | undefined): PreparedOptions {
  if (saysNothing(options)) return defaults();
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new UsageError("usage.options", "options", `${fn}: options must be an object of verifier options, not ${describeValue(options)}`);
  }
  const parsed = VerifyOptions.safeParse(options);
  if (!parsed.success) throw usageFromZod(fn, "options", parsed.error);
  return prepareOptions(parsed.data);
}

/** The parts of a Form the rules read: checked on what a caller passes, so a wrong value is named, not met as a TypeError. */
const VerifiedParts = z.compile(Form.pick({
  formType: true, projectName: true, fundingUnit: true, funding: true, indicators: true, total: true, grade: true, complete: true,
  criteria: true, criteriaSubtotals: true, selfEvaluationTotal: true, fundingBySource: true,
}));

function checkForm(fn: string, argument: string, form: unknown): void {
  if (typeof form !== "object" || form === null || Array.isArray(form)) {
    throw new UsageError("usage.form", argument, `${fn}: ${argument} must be a Form (as parseText returns in doc.forms), not ${describeValue(form)}`);
  }
  if (VerifiedParts.validate(form)) return;
  const r = VerifiedParts.safeParse(form);
  if (!r.success) throw usageFromZod(fn, argument, r.error, "usage.form");
}

// Options that say nothing always resolve to the defaults, so those are worked out once.
let defaultOptions: PreparedOptions | undefined;
function defaults(): PreparedOptions {
  return (defaultOptions ??= prepareOptions(resolveOptions(undefined)));
}

const OPTION_KEYS = Object.keys(VerifyOptions.shape);

/**
 * True for options that resolve to the defaults without being read:
 * undefined, or a plain object (`{}`, as parseText passes when given none)
 * with no enumerable key and no option key, own or inherited.
 */
function saysNothing(options: VerifyOptions | undefined): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype) return false;
  for (const _ in options) return false;
  return !OPTION_KEYS.some((k) => k in options);
}

/**
 * A verifier with its options checked once, for forms that arrive one at a
 * time (a large file is parsed form by form). The verifier it returns does
 * not check its forms: it is for forms the parser made.
 *
 * @throws UsageError when the options are invalid
 */
export function formVerifier(options?: VerifyOptions): (form: Form, formIndex: number) => Verification {
  const opts = prepared("formVerifier", options);
  return (form, formIndex) => verifyPrepared(form, opts, formIndex);
}

function verifyPrepared(form: Form, opts: PreparedOptions, formIndex: number): Verification {
  const ctx = new VerifyContext(form, formIndex, opts);
  const f = facts(form, opts.options.rounding);
  checkFunding(ctx, f);
  checkCriteria(ctx);
  // A criteria table's 总分 adds up its criteria (criteria.total), not indicators.
  if (form.criteria === undefined) {
    checkWeights(ctx, f);
    checkScores(ctx, f);
    checkShares(ctx);
    checkTotals(ctx, f);
  }
  checkGrade(ctx, f);
  checkIndicators(ctx, f);
  return { rounding: ctx.rounding(), findings: ctx.sortedFindings() };
}

/**
 * Verifies every form of a document; returns copies with `verification` set
 * and leaves the inputs untouched.
 *
 * @throws UsageError when `forms` is not an array of Forms or the options are invalid
 */
export function verifyForms(forms: readonly Form[], options?: VerifyOptions): Form[] {
  const opts = prepared("verifyForms", options);
  if (!Array.isArray(forms)) throw new UsageError("usage.form", "forms", `verifyForms: forms must be an array of Forms, not ${describeValue(forms)}`);
  forms.forEach((form, i) => checkForm("verifyForms", `forms[${i}]`, form));
  return forms.map((form, i) => ({ ...form, verification: verifyPrepared(form, opts, i) }));
}
