/**
 * The report's data: what the page's script reads, built from the verified
 * Documents and the pictures the command made. Pure: no I/O, and values stay
 * the decimal strings the forms hold.
 */
import type { Finding, Form, Severity } from "../../model/index.js";
import { provenanceAt } from "../../model/provenance-log.js";
import type { ReportFile, ReportInput, Picture } from "./input.js";
import { rowKey } from "./rows.js";
import { formTable, type TableSection } from "./table.js";
import { excerptFor, type Excerpt } from "./excerpt.js";

/** One finding as the page shows it. */
export interface FindingData {
  rule: string;
  severity: Severity;
  message: string;
  expected: string | null;
  found: string | null;
  difference: string | null;
  /** Path of the value in the form, and the key of its row in the form's table view. */
  path: string | null;
  rowKey: string | null;
  row: string | null;
  line: number | null;
  page: number | null;
  bbox: [number, number, number, number] | null;
  /** Where the value was read, in words (sheet and cell, table and row …) when there is no picture or excerpt. */
  where: string | null;
  /** The page picture and the outline on it, in the picture's pixels. */
  picture: { image: number; outline: [number, number, number, number] } | null;
  excerpt: Excerpt | null;
}

/** One form: its overview row, its table view and its findings. */
export interface FormData {
  id: number;
  file: string;
  kind: string;
  /** 1-based number of the form in its file. */
  n: number;
  project: string | null;
  department: string | null;
  /** 全年预算数 of 年度资金总额 (else 年初预算数), in `unit`. */
  budget: string | null;
  unit: string;
  /** 执行率 of 年度资金总额 as printed. */
  spent: string | null;
  score: string | null;
  grade: string | null;
  rounding: string | null;
  complete: boolean;
  counts: Record<Severity, number>;
  worst: Severity | null;
  table: TableSection[];
  findings: FindingData[];
}

/** Everything the page's script needs except the images' bytes. */
export interface ReportData {
  lang: "zh" | "en";
  files: { path: string; kind: string | null; forms: number; error: string | null }[];
  forms: FormData[];
  /** Size of each image in pixels, by index into the report's images. */
  images: { width: number; height: number; scale: number; crop: [number, number, number, number]; page: number }[];
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "notice"];

/** Builds the page's data from the command's gathered input. */
export function reportData(input: ReportInput): ReportData {
  const forms: FormData[] = [];
  for (const file of input.files) {
    if (!file.doc) continue;
    file.doc.forms.forEach((form, i) => forms.push(formData(file, form as Form, i + 1, forms.length, input.lang)));
  }
  return {
    lang: input.lang,
    files: input.files.map((f) => ({ path: f.path, kind: f.doc?.source.kind ?? null, forms: f.doc?.forms.length ?? 0, error: f.error ?? null })),
    forms,
    images: input.pictures.images.map((p) => ({ width: p.width, height: p.height, scale: p.scale, crop: p.crop, page: p.page })),
  };
}

function formData(file: ReportFile, form: Form, n: number, id: number, lang: "zh" | "en"): FormData {
  const findings = form.verification?.findings ?? [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const x of findings) counts[x.severity]++;
  const total = form.funding.find((r) => r.kind === "total") ?? form.funding[0];
  const order = (x: Finding) => SEVERITIES.indexOf(x.severity);
  return {
    id,
    file: file.path,
    kind: file.doc?.source.kind ?? "",
    n,
    project: form.projectName,
    department: form.department,
    budget: total?.adjustedBudget ?? total?.initialBudget ?? null,
    unit: form.fundingUnit,
    spent: total?.rate ?? null,
    score: form.total.score,
    grade: form.grade,
    rounding: form.verification?.rounding ?? null,
    complete: form.complete,
    counts,
    worst: SEVERITIES.find((s) => counts[s] > 0) ?? null,
    table: formTable(form),
    // Stable sort: within a severity the verifier's order (the form's order) is kept.
    findings: [...findings].sort((a, b) => order(a) - order(b)).map((x) => findingData(file, form, n, x, lang)),
  };
}

function findingData(file: ReportFile, form: Form, n: number, x: Finding, lang: "zh" | "en"): FindingData {
  const path = x.where.path ?? null;
  const prov = path ? provenanceAt(form, path) : undefined;
  const placed = path ? file.pictures?.get(`${n}:${path}`) : undefined;
  return {
    rule: x.rule,
    severity: x.severity,
    message: x.message[lang],
    expected: x.expected,
    found: x.found,
    difference: x.difference,
    path,
    rowKey: path ? rowKey(path) : null,
    row: x.where.row ?? null,
    line: x.where.line ?? null,
    page: x.where.page ?? null,
    bbox: x.where.bbox ?? null,
    where: prov ? describeWhere(prov) : null,
    picture: placed ? { image: placed.image, outline: placed.outline } : null,
    excerpt: file.lines !== undefined && prov?.line !== undefined ? excerptFor(file.lines, prov.line, prov.cell, file.doc?.source.kind) : null,
  };
}

/** A provenance record in words, for inputs that have neither page picture nor text lines. */
function describeWhere(p: NonNullable<ReturnType<typeof provenanceAt>>): string | null {
  const parts: string[] = [];
  if (p.sheet !== undefined) parts.push(`sheet ${p.sheet}`);
  if (p.address !== undefined) parts.push(`cell ${p.address}`);
  if (p.table !== undefined) parts.push(`table ${p.table + 1}`);
  if (p.row !== undefined) parts.push(`row ${p.row + 1}`);
  if (p.column !== undefined) parts.push(`column ${p.column + 1}`);
  if (p.line !== undefined) parts.push(`line ${p.line}`);
  if (p.page !== undefined) parts.push(`page ${p.page}`);
  return parts.length ? parts.join(", ") : null;
}

export type { Picture };
