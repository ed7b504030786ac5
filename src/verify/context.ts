/**
 * The state one verification run shares between the rule modules: the form,
 * the options, the findings emitted so far and the rounding votes. Rule modules
 * only call `report` and `vote`; they never build a Finding by hand, so every
 * finding gets the same shape (severity from the catalogue, difference, where).
 */
import type { Finding, Form, Provenance, Rounding } from "../model/index.js";
import { provenanceAt } from "../model/provenance-log.js";
import { fmtAmount, type AcceptedRounding, type Dec, type RoundingMatch } from "./decimal.js";
import type { PreparedOptions, ResolvedVerifyOptions } from "./options.js";
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
  /** found − expected, when the rule has worked it out already (it must be exactly that). */
  difference?: Dec;
}

/** Verification state of one form. */
export class VerifyContext {
  /** Findings so far, in the order the rules reported them. */
  readonly findings: Finding[] = [];
  /** Per finding: its place in the sorted list (severity, then reading order; see {@link sortKey}). */
  private readonly keys: number[][] = [];
  private truncateOnly = false;
  private halfUpOnly = false;
  readonly options: ResolvedVerifyOptions;

  constructor(
    readonly form: Form,
    readonly formIndex: number,
    readonly prepared: PreparedOptions,
  ) {
    this.options = prepared.options;
  }

  /** The project name used in findings (empty when the form has none). */
  get project(): string {
    return this.form.projectName ?? "";
  }

  /** The accepted rounding. */
  get mode(): AcceptedRounding {
    return this.options.rounding;
  }

  /** False when the caller switched the rule off; rules skip their work then. */
  enabled(rule: RuleId): boolean {
    return this.prepared.enabled.has(rule);
  }

  /** Records a finding, unless its rule is disabled. */
  report(r: Report): void {
    if (!this.enabled(r.rule)) return;
    const expected = toText(r.expected);
    const found = toText(r.found);
    const difference = typeof r.expected === "object" && r.expected !== null && typeof r.found === "object" && r.found !== null
      ? fmtAmount(r.difference ?? r.found.minus(r.expected))
      : null;
    const severity = ruleInfo(r.rule).severity;
    settle(r.zh);
    settle(r.en);
    if (r.path !== undefined) settle(r.path);
    this.findings.push({
      rule: r.rule,
      severity,
      message: { zh: r.zh, en: r.en },
      expected,
      found,
      difference,
      where: this.where(r.path, r.row),
    });
    this.keys.push(sortKey(severity, r.path));
  }

  /**
   * The findings sorted error → warning → notice, then top to bottom; equal
   * keys keep the order the rules reported them in. Called once, when the
   * form is done: the array returned may be the context's own.
   */
  sortedFindings(): Finding[] {
    const n = this.findings.length;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = compareKeys(this.keys[i - 1]!, this.keys[i]!) <= 0;
    if (sorted) return this.findings;
    const order = Array.from({ length: n }, (_, i) => i);
    // Array.prototype.sort is stable, so equal keys keep the families' order.
    order.sort((a, b) => compareKeys(this.keys[a]!, this.keys[b]!));
    return order.map((i) => this.findings[i]!);
  }

  /** Records how one printed derived figure relates to its exact value. */
  vote(match: RoundingMatch): void {
    if (match.truncate && !match.halfUp) this.truncateOnly = true;
    if (match.halfUp && !match.truncate) this.halfUpOnly = true;
  }

  /**
   * The rounding the form's derived figures are consistent with. Figures that
   * match neither rendering are errors and do not vote; figures that match both
   * say nothing either way.
   */
  rounding(): Rounding {
    if (this.truncateOnly && this.halfUpOnly) return "inconsistent";
    if (this.truncateOnly) return "truncate";
    if (this.halfUpOnly) return "half-up";
    return "either";
  }

  private where(path: string | undefined, row: string | undefined): Finding["where"] {
    // Numbers for people are 1-based; only `path` counts from 0 (README: numbering).
    const where: Finding["where"] = { form: this.formIndex + 1, project: this.project };
    if (path !== undefined) {
      where.path = path;
      const indicator = indicatorNumber(path);
      if (indicator !== undefined) where.indicator = indicator;
    }
    if (row !== undefined) where.row = row;
    const prov = path === undefined ? undefined : provenanceOf(this.form, path);
    if (prov?.line !== undefined) where.line = prov.line;
    if (prov?.page !== undefined) where.page = prov.page;
    if (prov?.bbox !== undefined) where.bbox = prov.bbox;
    return where;
  }
}

/** The 1-based number of the indicator a path such as `indicators[3].score` is in (4), if any. */
export function indicatorNumber(path: string): number | undefined {
  const m = /^indicators\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) + 1 : undefined;
}

/**
 * Makes a string built by a template literal one piece of memory. V8 keeps
 * such a string as a tree of its parts until a character is read, and then
 * copies it into one string and drops the tree: a finding kept with its
 * document holds about 30 % less (925 → 629 bytes per seed finding), and the
 * collector copies less while the parser runs. Elsewhere it reads a character.
 */
function settle(text: string): void {
  // Kept in a variable so that no compiler drops the read as unused.
  _lastCode = text.charCodeAt(0);
}
let _lastCode = 0;

const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, notice: 2 };

/** The sort key of a finding: severity rank, then the row's place in reading order ({@link rowOrder}). */
function sortKey(severity: Finding["severity"], path: string | undefined): number[] {
  const [section, index] = rowOrder(path);
  return [SEVERITY_RANK[severity], section, index];
}

function compareKeys(a: number[], b: number[]): number {
  return a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
}

/**
 * Position of a path in reading order: funding rows, then indicators, then the
 * 总分 and 评分等级 rows; so findings list top to bottom within a severity.
 */
export function rowOrder(path: string | undefined): [number, number] {
  if (path === undefined) return [9, 0];
  const m = /^(funding|indicators)(?:\[(\d+)\])?/.exec(path);
  if (m) {
    // A finding on the whole indicator table (total.missing-row) follows the 总分 rows it explains.
    if (m[2] === undefined) return m[1] === "funding" ? [0, 1e6] : [2, 1];
    return [m[1] === "funding" ? 0 : 1, Number(m[2])];
  }
  if (path.startsWith("total")) return [2, 0];
  if (path === "grade") return [3, 0];
  return [9, 0];
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

/** The path without its last part (`.name` or `[digits]`); undefined when it has none. */
export function parentPath(path: string): string | undefined {
  const m = /^(.*)(\.[^.[\]]+|\[\d+\])$/.exec(path);
  return m ? m[1] : undefined;
}
