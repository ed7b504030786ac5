/**
 * The state one verification run shares between the rule modules: the form,
 * the options, the findings emitted so far and the rounding votes. Rule modules
 * only call `report` and `vote`; they never build a Finding by hand, so every
 * finding gets the same shape (severity from the catalogue, difference, where).
 */
import type { Finding, Form, Provenance, Rounding } from "../model/index.js";
import { provenanceAt } from "../model/provenance-log.js";
import { fmtAmount, type Dec, type RoundingMatch } from "./decimal.js";
import { isDisabled, type ResolvedVerifyOptions } from "./options.js";
import { ruleInfo, type RuleId } from "./rules.js";

/** What a rule module says about one check that failed. */
export interface Report {
  rule: RuleId;
  /** Path of the value in the form: indicators[3].score, funding[0].rate, total.score … */
  path?: string;
  /** Human label of the row: the indicator name, the funding row label, 总分 … */
  row?: string;
  zh: string;
  en: string;
  /** Recomputed value: a number (printed with 2 decimals) or a text such as "[9.00, 12.00)". */
  expected: Dec | string | null;
  /** Printed value. */
  found: Dec | string | null;
}

/** Verification state of one form. */
export class VerifyContext {
  readonly findings: Finding[] = [];
  private readonly votes: RoundingMatch[] = [];

  constructor(
    readonly form: Form,
    readonly formIndex: number,
    readonly options: ResolvedVerifyOptions,
  ) {}

  /** The project name used in findings (empty when the form has none). */
  get project(): string {
    return this.form.projectName ?? "";
  }

  /** False when the caller switched the rule off; rules skip their work then. */
  enabled(rule: RuleId): boolean {
    return !isDisabled(ruleInfo(rule), this.options.disable);
  }

  /** Records a finding, unless its rule is disabled. */
  report(r: Report): void {
    if (!this.enabled(r.rule)) return;
    const expected = toText(r.expected);
    const found = toText(r.found);
    const difference = typeof r.expected === "object" && r.expected !== null && typeof r.found === "object" && r.found !== null
      ? fmtAmount(r.found.minus(r.expected))
      : null;
    this.findings.push({
      rule: r.rule,
      severity: ruleInfo(r.rule).severity,
      message: { zh: r.zh, en: r.en },
      expected,
      found,
      difference,
      where: this.where(r.path, r.row),
    });
  }

  /** Records how one printed derived figure relates to its exact value. */
  vote(match: RoundingMatch): void {
    this.votes.push(match);
  }

  /**
   * The rounding the form's derived figures are consistent with. Figures that
   * match neither rendering are errors and do not vote; figures that match both
   * say nothing either way.
   */
  rounding(): Rounding {
    let truncateOnly = false;
    let halfUpOnly = false;
    for (const v of this.votes) {
      if (v.truncate && !v.halfUp) truncateOnly = true;
      if (v.halfUp && !v.truncate) halfUpOnly = true;
    }
    if (truncateOnly && halfUpOnly) return "inconsistent";
    if (truncateOnly) return "truncate";
    if (halfUpOnly) return "half-up";
    return "either";
  }

  private where(path: string | undefined, row: string | undefined): Finding["where"] {
    const where: Finding["where"] = { form: this.formIndex, project: this.project };
    if (path !== undefined) where.path = path;
    if (row !== undefined) where.row = row;
    const prov = path === undefined ? undefined : provenanceOf(this.form, path);
    if (prov?.line !== undefined) where.line = prov.line;
    if (prov?.page !== undefined) where.page = prov.page;
    if (prov?.bbox !== undefined) where.bbox = prov.bbox;
    return where;
  }
}

function toText(v: Dec | string | null): string | null {
  if (v === null || typeof v === "string") return v;
  // Values reported are printed figures, 2-decimal renderings of computed
  // ones, or sums of printed figures: shown to the precision they have.
  return fmtAmount(v);
}

/**
 * Provenance of a path, or of its nearest recorded parent: indicators[3].score
 * falls back to indicators[3], then indicators, because a parser may record a
 * row's position once rather than per cell.
 */
export function provenanceOf(form: Pick<Form, "provenance">, path: string): Provenance | undefined {
  let p: string | undefined = path;
  while (p !== undefined && p !== "") {
    const hit = provenanceAt(form, p);
    if (hit) return hit;
    p = parentPath(p);
  }
  return undefined;
}

function parentPath(path: string): string | undefined {
  const m = /^(.*)(\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m ? m[1] : undefined;
}
