import type { Document } from "../model/document.js";
import type { Form, FundingRow } from "../model/form.js";
import { BOM, csvLine } from "./csv.js";

/** Output formats of `jixiao parse`. */
export type ParseFormat = "json" | "jsonl" | "csv" | "summary";

const FUNDING_KINDS = ["total", "fiscal", "carryover", "other", "special-account", "unit"] as const;
const FUNDING_FIELDS = ["initialBudget", "adjustedBudget", "executed"] as const;

/**
 * Column names of the CSV: the form's fields, repeated on each of its
 * indicator rows. Each is snake_case (no SQL quoting needed) and, where the
 * dataset has the same value, the dataset's own column name (docs/dataset.md).
 */
export const CSV_HEADER = [
  "path", "sha256", "form_no", "form_type", "title", "year", "project_name", "department", "implementing_unit", "funding_unit",
  ...FUNDING_KINDS.flatMap((k) => FUNDING_FIELDS.map((f) => `${snake(k)}_${snake(f)}`)),
  "execution_weight", "execution_rate", "execution_score",
  "total_weight", "total_score", "grade", "complete", "rounding", "errors", "warnings", "notices",
  "indicator_no", "level1", "level1_subtotal", "level2", "name",
  "target_raw", "target_op", "target_value", "target_unit", "target_qualitative",
  "actual_raw", "actual_op", "actual_value", "actual_unit", "actual_qualitative",
  "weight", "score", "deviation",
];

// initialBudget → initial_budget, special-account → special_account
function snake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()).replace(/-/g, "_");
}

function fundingOf(form: Form, kind: string): FundingRow | undefined {
  return form.funding.find((r) => r.kind === kind);
}

function count(form: Form, severity: string): number | null {
  return form.verification ? form.verification.findings.filter((f) => f.severity === severity).length : null;
}

/**
 * The output of `jixiao parse`, one Document at a time, so a batch of
 * thousands of files streams through without being held in memory.
 */
export function documentWriter(format: ParseFormat, pretty: boolean): {
  begin(): string;
  item(doc: Document, index: number): string;
  end(count: number): string;
} {
  switch (format) {
    case "json":
      return {
        begin: () => "[",
        item: (d, i) => (i ? "," : "") + (pretty ? "\n" : "") + JSON.stringify(d, null, pretty ? 2 : undefined),
        end: (n) => (pretty && n ? "\n" : "") + "]\n",
      };
    case "jsonl":
      return { begin: () => "", item: (d) => JSON.stringify(d) + "\n", end: () => "" };
    case "csv":
      return { begin: () => BOM + csvLine(CSV_HEADER), item: (d) => [...csvRows(d)].join(""), end: () => "" };
    case "summary":
      return { begin: () => "", item: (d) => summarize(d), end: () => "" };
  }
}

/**
 * What goes around one Document's JSON, as its worker wrote it, when the
 * format writes just that (JSON Lines; JSON unindented), so it is not
 * parsed and written again; null when the format needs the Document.
 */
export function jsonFrame(format: ParseFormat, pretty: boolean, provenance: "inline" | "none" | "table", index: number): { before: string; after: string } | null {
  // The worker's JSON holds provenance unless it is left out (none); table wants it out of the forms.
  if (provenance === "table") return null;
  if (format === "jsonl") return { before: "", after: "\n" };
  if (format === "json" && !pretty) return { before: index ? "," : "", after: "" };
  return null;
}

/** The output of one Document made from its worker's JSON (see jsonFrame); null when the format needs the Document. */
export function reusedJson(format: ParseFormat, pretty: boolean, provenance: "inline" | "none" | "table", json: Uint8Array[], index: number): Array<string | Uint8Array> | null {
  const frame = jsonFrame(format, pretty, provenance, index);
  if (!frame) return null;
  return [...(frame.before ? [frame.before] : []), ...json, ...(frame.after ? [frame.after] : [])];
}

function* csvRows(doc: Document): Generator<string> {
  for (const [fi, form] of doc.forms.entries()) {
    const total = fundingOf(form, "total");
    const head = [
      doc.source.path, doc.source.sha256, fi + 1, form.formType, form.title, form.year, form.projectName, form.department, form.implementingUnit, form.fundingUnit,
      ...FUNDING_KINDS.flatMap((k) => FUNDING_FIELDS.map((f) => fundingOf(form, k)?.[f] ?? null)),
      total?.weight, total?.rate, total?.score,
      form.total.weight, form.total.score, form.grade, form.complete, form.verification?.rounding,
      count(form, "error"), count(form, "warning"), count(form, "notice"),
    ];
    // A form without indicator rows (a department-wide form, a form cut off
    // before its table) still gets its one row, so no form goes missing.
    if (form.indicators.length === 0) yield csvLine([...head, ...Array<null>(CSV_HEADER.length - head.length).fill(null)]);
    for (const [ii, ind] of form.indicators.entries()) {
      yield csvLine([
        ...head, ii + 1, ind.level1, ind.level1Subtotal, ind.level2, ind.name,
        ind.target.raw, ind.target.op, ind.target.value, ind.target.unit, ind.target.qualitative,
        ind.actual.raw, ind.actual.op, ind.actual.value, ind.actual.unit, ind.actual.qualitative,
        ind.weight, ind.score, ind.deviation,
      ]);
    }
  }
}

/** A few readable lines per form: what a person checks first. */
export function summarize(doc: Document): string {
  const lines = [`${doc.source.path ?? "input"}: ${doc.forms.length} form(s), ${doc.source.kind}${doc.source.encoding ? ", " + doc.source.encoding : ""}`];
  for (const [i, f] of doc.forms.entries()) {
    const t = fundingOf(f, "total");
    const v = f.verification;
    const errors = v ? v.findings.filter((x) => x.severity === "error").length : 0;
    const warnings = v ? v.findings.filter((x) => x.severity === "warning").length : 0;
    lines.push(
      `  ${i + 1}. ${f.projectName ?? "(no project name)"} ${f.year ?? ""}${f.complete ? "" : "  [incomplete]"}`,
      `     budget ${t?.adjustedBudget ?? "-"} ${f.fundingUnit}, spent ${t?.executed ?? "-"} (${t?.rate ?? "-"} %); ` +
        `${f.indicators.length} indicators; total ${f.total.score ?? "-"} / ${f.total.weight ?? "-"}, grade ${f.grade ?? "-"}` +
        (v ? `; verifier: ${errors} error(s), ${warnings} warning(s)` : ""),
    );
    if (v) for (const x of v.findings.filter((y) => y.severity === "error")) lines.push(`     ✗ ${x.rule}: ${x.message.en}`);
  }
  for (const d of doc.diagnostics.filter((x) => x.severity !== "info")) {
    lines.push(`  ${d.severity}: ${d.line !== undefined ? `line ${d.line}: ` : ""}${d.message} [${d.code}]`);
  }
  return lines.join("\n") + "\n";
}
