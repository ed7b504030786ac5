/**
 * A Document as rows of the dataset tables (dataset-schema.ts). Pure: the
 * DuckDB, SQLite and Parquet writers all take their rows from here, so the
 * three agree value for value.
 */
import type { Diagnostic, Document } from "../model/document.js";
import type { Form, Measure } from "../model/form.js";
import type { Provenance } from "../model/primitives.js";
import { DECIMAL_PRECISION, DECIMAL_SCALE, TABLE_NAMES, type TableName } from "./dataset-schema.js";

/** One value of a row: decimals travel as decimal strings, timestamps as ISO-8601 strings. */
export type CellValue = string | number | boolean | null;
/** One row, its values in the table's column order. */
export type DatasetRow = CellValue[];
/** A document's rows, table by table. */
export type DocumentRows = Record<TableName, DatasetRow[]>;

/** What the writer adds to each document row. */
export interface RowOptions {
  /** When the document was added (ISO-8601, UTC). */
  parsedAt: string;
  /** jixiao's version. */
  version: string;
  /** Whether the provenance table gets the document's rows. */
  provenance: boolean;
  /**
   * Whether decimals must fit DECIMAL(18,4) (DuckDB, Parquet). SQLite keeps
   * them as text and needs no limit.
   */
  decimalLimit: boolean;
}

const INDICATOR = /^indicators\[(\d+)\]/;
const DECIMAL = /^-?(\d+)(?:\.(\d+))?$/;
const MAX_INTEGER_DIGITS = DECIMAL_PRECISION - DECIMAL_SCALE;

/** The 1-based indicator number of a path inside indicators[], else null. */
export function indicatorOfPath(path: string | undefined): number | null {
  const m = path === undefined ? null : INDICATOR.exec(path);
  return m ? Number(m[1]) + 1 : null;
}

/**
 * Whether a decimal string fits DECIMAL(18,4) exactly: at most 4 decimals
 * that are not trailing zeros, at most 14 integer digits. DuckDB would round
 * "1.23456" to 1.2346 without a word; the writer refuses it instead.
 */
export function fitsDecimal(value: string): boolean {
  // Most values fit as written (no leading or trailing zeros to strip): that is checked without building strings.
  const dot = value.indexOf(".");
  const intDigits = (dot < 0 ? value.length : dot) - (value.startsWith("-") ? 1 : 0);
  const fracDigits = dot < 0 ? 0 : value.length - dot - 1;
  if (intDigits <= MAX_INTEGER_DIGITS && fracDigits <= DECIMAL_SCALE) return DECIMAL.test(value);
  const m = DECIMAL.exec(value);
  if (!m) return false;
  const int = m[1]!.replace(/^0+(?=\d)/, "");
  const frac = (m[2] ?? "").replace(/0+$/, "");
  return int.length <= MAX_INTEGER_DIGITS && frac.length <= DECIMAL_SCALE;
}

/** "1121.92" → 11219200n, "-3" → -30000n: the value × 10^DECIMAL_SCALE, exactly (for a value that {@link fitsDecimal}). */
export function scaledDecimal(decimal: string): bigint {
  const negative = decimal.startsWith("-");
  const [int, frac = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const digits = BigInt(int! + frac.replace(/0+$/, "").padEnd(DECIMAL_SCALE, "0"));
  return negative ? -digits : digits;
}

/** Builds the rows of one document. */
export function documentRows(doc: Document, options: RowOptions): DocumentRows {
  const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as DatasetRow[]])) as DocumentRows;
  const sha = doc.source.sha256;
  const refused: Diagnostic[] = [];

  rows.documents.push([
    sha, doc.source.path, doc.source.kind, doc.source.encoding, doc.source.pages, doc.source.bytes, doc.forms.length,
    options.parsedAt, options.version, doc.schemaVersion,
  ]);

  doc.forms.forEach((form, fi) => {
    const formNo = fi + 1;
    // A decimal that DECIMAL(18,4) cannot hold becomes null, and a diagnostic
    // quotes it with its path: never a silently rounded number.
    // The path is put together only for a refused value: most fit.
    const dec = (value: string | null, path: string, field?: string): string | null => {
      if (value === null || (!options.decimalLimit && DECIMAL.test(value)) || fitsDecimal(value)) return value;
      refused.push({
        code: "dataset.precision",
        severity: "warning",
        form: formNo,
        message: `form ${formNo}, ${field === undefined ? path : `${path}.${field}`}: "${value}" does not fit DECIMAL(${DECIMAL_PRECISION},${DECIMAL_SCALE}) ` +
          `(not a decimal, or more than ${DECIMAL_SCALE} decimals or ${MAX_INTEGER_DIGITS} integer digits); stored as null, not rounded`,
      });
      return null;
    };
    formRows(rows, sha, formNo, form, dec);
  });

  const diagnostics = [...doc.diagnostics, ...refused];
  diagnostics.forEach((d, i) => {
    rows.diagnostics.push([
      sha, i + 1, d.form ?? null, d.code, d.severity, d.message, d.line ?? null, d.cell ?? null, d.page ?? null,
      d.expected ? JSON.stringify(d.expected) : null,
    ]);
  });

  if (options.provenance) {
    doc.forms.forEach((form, fi) => {
      for (const [path, p] of Object.entries(form.provenance)) rows.provenance.push(provenanceRow(sha, fi + 1, path, p));
    });
  }
  return rows;
}

/** Checks a decimal against the database type; `path` (and `field` after a dot) names it in the diagnostic of a refused value. */
type Dec = (value: string | null, path: string, field?: string) => string | null;

function formRows(rows: DocumentRows, sha: string, formNo: number, form: Form, dec: Dec): void {
  const findings = form.verification?.findings;
  const count = (severity: string) => (findings ? findings.filter((f) => f.severity === severity).length : null);
  rows.forms.push([
    sha, formNo, form.formType, form.title, form.year, form.projectName, form.department, form.implementingUnit, form.fundingUnit,
    form.goals.expected, form.goals.actual, dec(form.total.weight, "total.weight"), dec(form.total.score, "total.score"),
    form.grade, form.complete, form.verification?.rounding ?? null, count("error"), count("warning"), count("notice"),
    form.template ?? null,
    form.projectAttribute ?? null, dec(form.selfEvaluationTotal ?? null, "selfEvaluationTotal"), dec(form.total.review ?? null, "total.review"),
    ...sourceFunding(form, dec),
  ]);

  form.funding.forEach((r, i) => {
    const at = `funding[${i}]`;
    rows.funding.push([
      sha, formNo, i + 1, r.kind, r.label, dec(r.initialBudget, at, "initialBudget"), dec(r.adjustedBudget, at, "adjustedBudget"),
      dec(r.executed, at, "executed"), dec(r.weight, at, "weight"), dec(r.rate, at, "rate"), dec(r.score, at, "score"),
      dec(r.received ?? null, at, "received"),
    ]);
  });

  form.indicators.forEach((ind, i) => {
    const at = `indicators[${i}]`;
    rows.indicators.push([
      sha, formNo, i + 1, ind.level1, dec(ind.level1Subtotal, at, "level1Subtotal"), ind.level2, ind.name,
      ...measure(ind.target, at, "target.value", dec), ...measure(ind.actual, at, "actual.value", dec),
      dec(ind.weight, at, "weight"), dec(ind.score, at, "score"), ind.deviation,
      dec(ind.weightShare ?? null, at, "weightShare"), dec(ind.weightedScore ?? null, at, "weightedScore"),
    ]);
  });

  form.criteria?.forEach((c, i) => {
    const at = `criteria[${i}]`;
    rows.criteria.push([
      sha, formNo, i + 1, c.level1, c.level2, c.content, dec(c.weight, at, "weight"), dec(c.selfScore, at, "selfScore"),
      dec(c.reviewScore, at, "reviewScore"), c.basis,
    ]);
  });
  form.criteriaSubtotals?.forEach((s, i) => {
    const at = `criteriaSubtotals[${i}]`;
    rows.criteria_subtotals.push([sha, formNo, i + 1, s.level1, dec(s.weight, at, "weight"), dec(s.selfScore, at, "selfScore"), dec(s.reviewScore, at, "reviewScore")]);
  });

  for (const [label, text] of Object.entries(form.notes)) rows.notes.push([sha, formNo, label, text]);

  findings?.forEach((x, i) => {
    const bbox = x.where.bbox;
    rows.findings.push([
      sha, formNo, i + 1, x.rule, x.severity, x.message.zh, x.message.en, x.expected, x.found,
      dec(x.difference, `findings[${i}]`, "difference"),
      x.where.path ?? null, x.where.row ?? null, x.where.indicator ?? indicatorOfPath(x.where.path),
      x.where.line ?? null, x.where.page ?? null, bbox?.[0] ?? null, bbox?.[1] ?? null, bbox?.[2] ?? null, bbox?.[3] ?? null,
    ]);
  });
}

/** The forms columns of the funding block by source, null where the form has none. */
function sourceFunding(form: Form, dec: Dec): CellValue[] {
  const f = form.fundingBySource;
  const fields = ["central", "provincial", "local", "other", "total", "executed", "rate"] as const;
  return fields.map((k) => (f ? dec(f[k], "fundingBySource", k) : null));
}

/** A target's or an actual's columns; `field` names its value ("target.value") after the indicator's path `at`. */
function measure(m: Measure, at: string, field: string, dec: Dec): CellValue[] {
  return [m.raw, m.op, dec(m.value, at, field), m.unit, m.qualitative];
}

function provenanceRow(sha: string, formNo: number, path: string, p: Provenance): DatasetRow {
  const b = p.bbox;
  return [sha, formNo, path, indicatorOfPath(path), p.page ?? null, p.line ?? null, p.cell ?? null, b?.[0] ?? null, b?.[1] ?? null, b?.[2] ?? null, b?.[3] ?? null];
}
