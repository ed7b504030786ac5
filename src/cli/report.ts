/**
 * Rendering of `jixiao verify` results: a readable report for people (grouped
 * by file and form, coloured on a terminal) and json / jsonl / csv for
 * machines; and the exit code the results call for. Pure string functions:
 * the command decides where the text goes and whether colour is wanted.
 */
import type { Finding, Form, Rounding, Severity } from "../model/index.js";
import { BOM, csvLine } from "./csv.js";
import { RULES } from "../verify/rules.js";

/** One input of `jixiao verify`: its verified forms, or why it could not be read. */
export interface VerifiedFile {
  path: string;
  /** The forms read from the file, with `verification` set by verifyForms. */
  forms?: Form[];
  /** Set when the input could not be read (exit code 2). */
  error?: { code: string; message: string };
}

/** Output formats of the report. */
export type ReportFormat = "text" | "json" | "jsonl" | "csv";

/** How to render a report. */
export interface ReportOptions {
  format: ReportFormat;
  /** Language of the messages and of the text report's labels. */
  lang: "zh" | "en";
  /** ANSI colours in the text report (the command sets this when stdout is a terminal). */
  color: boolean;
}

/** The lowest severity that makes `jixiao verify` fail, or never. */
export type FailOn = Severity | "never";

const SEVERITIES: readonly Severity[] = ["error", "warning", "notice"];
const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * The exit code for a set of results: 2 when an input could not be read, 1
 * when a finding is at or above the fail level, 0 otherwise.
 */
export function exitCodeFor(files: readonly VerifiedFile[], failOn: FailOn): 0 | 1 | 2 {
  if (files.some((f) => f.error)) return 2;
  if (failOn === "never") return 0;
  const limit = RANK[failOn];
  const failing = files.some((file) => (file.forms ?? []).some((form) =>
    (form.verification?.findings ?? []).some((x) => RANK[x.severity] <= limit)));
  return failing ? 1 : 0;
}

/** Renders the results in the requested format; text and csv end with a newline. */
export function renderVerifyReport(files: readonly VerifiedFile[], opts: ReportOptions): string {
  switch (opts.format) {
    case "json":
      return renderJson(files);
    case "jsonl":
      return renderJsonl(files, opts.lang);
    case "csv":
      return renderCsv(files, opts.lang);
    case "text":
      return renderText(files, opts);
  }
}

// ── summary ────────────────────────────────────────────────────────────────

/** Counts over all files: what the closing summary prints. */
export interface ReportSummary {
  files: number;
  unreadable: number;
  forms: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  /** Findings per rule id, in catalogue order, rules without findings left out. */
  byRule: { rule: string; severity: Severity; count: number }[];
}

/** Counts files, forms and findings by severity and by rule. */
export function summarize(files: readonly VerifiedFile[]): ReportSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  const perRule = new Map<string, { severity: Severity; count: number }>();
  let forms = 0;
  for (const file of files) {
    for (const form of file.forms ?? []) {
      forms++;
      for (const x of form.verification?.findings ?? []) {
        bySeverity[x.severity]++;
        const r = perRule.get(x.rule) ?? { severity: x.severity, count: 0 };
        r.count++;
        perRule.set(x.rule, r);
      }
    }
  }
  const order = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  const byRule = [...perRule.entries()]
    .map(([rule, r]) => ({ rule, ...r }))
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || (order.get(a.rule) ?? 1e9) - (order.get(b.rule) ?? 1e9) || a.rule.localeCompare(b.rule));
  return {
    files: files.length,
    unreadable: files.filter((f) => f.error).length,
    forms,
    findings: bySeverity.error + bySeverity.warning + bySeverity.notice,
    bySeverity,
    byRule,
  };
}

// ── json / jsonl / csv ─────────────────────────────────────────────────────

function renderJson(files: readonly VerifiedFile[]): string {
  const out = {
    files: files.map((file) => ({
      path: file.path,
      ...(file.error ? { error: file.error } : {}),
      forms: (file.forms ?? []).map((form, i) => ({
        form: i + 1,
        project: form.projectName,
        complete: form.complete,
        rounding: form.verification?.rounding ?? null,
        findings: form.verification?.findings ?? [],
      })),
    })),
    summary: summarize(files),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** One finding as a flat record, the message in one language. */
function flat(file: string, form: Form, x: Finding, lang: "zh" | "en") {
  return {
    file,
    form: x.where.form,
    indicator: x.where.indicator ?? null,
    project: x.where.project,
    rounding: form.verification?.rounding ?? null,
    rule: x.rule,
    severity: x.severity,
    message: x.message[lang],
    expected: x.expected,
    found: x.found,
    difference: x.difference,
    path: x.where.path ?? null,
    row: x.where.row ?? null,
    line: x.where.line ?? null,
    page: x.where.page ?? null,
    bbox: x.where.bbox ?? null,
  };
}

function* flatFindings(files: readonly VerifiedFile[], lang: "zh" | "en") {
  for (const file of files) {
    for (const form of file.forms ?? []) {
      for (const x of form.verification?.findings ?? []) yield flat(file.path, form, x, lang);
    }
  }
}

function renderJsonl(files: readonly VerifiedFile[], lang: "zh" | "en"): string {
  const lines: string[] = [];
  for (const file of files) if (file.error) lines.push(JSON.stringify({ file: file.path, error: file.error }));
  for (const rec of flatFindings(files, lang)) lines.push(JSON.stringify(rec));
  return lines.map((l) => `${l}\n`).join("");
}

const CSV_COLUMNS = ["file", "form", "indicator", "project", "rounding", "rule", "severity", "message", "expected", "found", "difference", "path", "row", "line", "page"] as const;

function renderCsv(files: readonly VerifiedFile[], lang: "zh" | "en"): string {
  const rows: string[] = [csvLine([...CSV_COLUMNS])];
  // An unreadable input is a row of its own: its code in the rule column, no form.
  for (const file of files) {
    if (file.error) rows.push(csvLine([file.path, null, null, null, null, file.error.code, "error", file.error.message, null, null, null, null, null, null, null]));
  }
  for (const rec of flatFindings(files, lang)) rows.push(csvLine(CSV_COLUMNS.map((c) => rec[c])));
  // UTF-8 BOM so Excel reads the Chinese; csvLine ends lines in CRLF as RFC 4180 writes them.
  return BOM + rows.join("");
}

// ── text ───────────────────────────────────────────────────────────────────

const LABELS = {
  zh: {
    form: (n: number) => `第 ${n} 张表`,
    untitled: "（无项目名称）",
    incomplete: "（不完整）",
    rounding: "舍入",
    roundings: { truncate: "截断", "half-up": "四舍五入", either: "两者皆可", inconsistent: "不一致" } as Record<Rounding, string>,
    severity: { error: "错误", warning: "警告", notice: "提示" } as Record<Severity, string>,
    count: (n: number, s: Severity) => `${LABELS.zh.severity[s]} ${n}`,
    noFindings: "无发现",
    notVerified: "未校验",
    noForms: "未读到表",
    unreadable: "无法读取",
    expected: "应为",
    found: "实为",
    difference: "差额",
    at: "位置",
    line: (n: number) => `第 ${n} 行`,
    page: (n: number) => `第 ${n} 页`,
    summary: "汇总",
    files: (n: number, bad: number) => `${n} 个文件${bad ? `（${bad} 个无法读取）` : ""}`,
    forms: (n: number) => `${n} 张表`,
    findings: (n: number) => `${n} 条发现`,
    sep: "，",
    colon: "：",
    paren: (s: string) => `（${s}）`,
  },
  en: {
    form: (n: number) => `form ${n}`,
    untitled: "(no project name)",
    incomplete: "(incomplete)",
    rounding: "rounding",
    roundings: { truncate: "truncate", "half-up": "half-up", either: "either", inconsistent: "inconsistent" } as Record<Rounding, string>,
    severity: { error: "error", warning: "warning", notice: "notice" } as Record<Severity, string>,
    count: (n: number, s: Severity) => `${n} ${s}${n === 1 ? "" : "s"}`,
    noFindings: "no findings",
    notVerified: "not verified",
    noForms: "no forms read",
    unreadable: "cannot read",
    expected: "expected",
    found: "found",
    difference: "difference",
    at: "at",
    line: (n: number) => `line ${n}`,
    page: (n: number) => `page ${n}`,
    summary: "Summary",
    files: (n: number, bad: number) => `${n} file${n === 1 ? "" : "s"}${bad ? ` (${bad} unreadable)` : ""}`,
    forms: (n: number) => `${n} form${n === 1 ? "" : "s"}`,
    findings: (n: number) => `${n} finding${n === 1 ? "" : "s"}`,
    sep: ", ",
    colon: ": ",
    paren: (s: string) => ` (${s})`,
  },
};

const ANSI = { reset: "\x1b[0m", bold: "\x1b[1m", dim: "\x1b[2m", red: "\x1b[31m", yellow: "\x1b[33m", cyan: "\x1b[36m" } as const;
const SEVERITY_COLOR: Record<Severity, keyof typeof ANSI> = { error: "red", warning: "yellow", notice: "cyan" };

function renderText(files: readonly VerifiedFile[], opts: ReportOptions): string {
  const L = LABELS[opts.lang];
  const paint = (style: keyof typeof ANSI, s: string) => (opts.color ? `${ANSI[style]}${s}${ANSI.reset}` : s);
  const sevWidth = Math.max(...SEVERITIES.map((s) => width(L.severity[s])));
  const ruleWidth = Math.max(...RULES.map((r) => r.id.length));
  const out: string[] = [];

  for (const file of files) {
    out.push(paint("bold", file.path));
    if (file.error) {
      out.push(`  ${paint("red", `${L.unreadable}${L.colon}${file.error.code}`)} ${file.error.message}`);
      out.push("");
      continue;
    }
    const forms = file.forms ?? [];
    if (forms.length === 0) out.push(`  ${paint("dim", L.noForms)}`);
    forms.forEach((form, i) => {
      const v = form.verification;
      const head = [`${L.form(i + 1)} · ${form.projectName ?? L.untitled}${form.complete ? "" : ` ${L.incomplete}`}`];
      if (!v) head.push(L.notVerified);
      else {
        head.push(`${L.rounding}${L.colon}${L.roundings[v.rounding]}`);
        const counts = SEVERITIES.map((s) => [s, v.findings.filter((x) => x.severity === s).length] as const).filter(([, n]) => n > 0);
        head.push(counts.length ? counts.map(([s, n]) => paint(SEVERITY_COLOR[s], L.count(n, s))).join(L.sep) : L.noFindings);
      }
      out.push(`  ${head.join(" · ")}`);
      for (const x of v?.findings ?? []) {
        const sev = paint(SEVERITY_COLOR[x.severity], pad(L.severity[x.severity], sevWidth));
        out.push(`    ${sev}  ${pad(x.rule, ruleWidth)}  ${x.message[opts.lang]}`);
        const detail: string[] = [];
        if (x.expected !== null) detail.push(`${L.expected} ${x.expected}`);
        if (x.found !== null) detail.push(`${L.found} ${x.found}`);
        if (x.difference !== null) detail.push(`${L.difference} ${signed(x.difference)}`);
        const where = [x.where.path, x.where.row && x.where.row !== x.where.path ? `(${x.where.row})` : undefined,
          x.where.line !== undefined ? L.line(x.where.line) : undefined,
          x.where.page !== undefined ? L.page(x.where.page) : undefined].filter((s) => s !== undefined);
        if (where.length) detail.push(`${L.at} ${where.join(" ")}`);
        if (detail.length) out.push(`    ${" ".repeat(sevWidth)}  ${" ".repeat(ruleWidth)}  ${paint("dim", detail.join(" · "))}`);
      }
    });
    out.push("");
  }

  const s = summarize(files);
  const counts = SEVERITIES.map((sev) => paint(SEVERITY_COLOR[sev], L.count(s.bySeverity[sev], sev)));
  out.push(`${paint("bold", L.summary)}${L.colon}${[L.files(s.files, s.unreadable), L.forms(s.forms), `${L.findings(s.findings)}${L.paren(counts.join(L.sep))}`].join(L.sep)}`);
  for (const r of s.byRule) {
    out.push(`  ${pad(r.rule, ruleWidth)}  ${paint(SEVERITY_COLOR[r.severity], pad(L.severity[r.severity], sevWidth))}  ${String(r.count).padStart(4)}`);
  }
  return `${out.join("\n")}\n`;
}

/** "4.00" → "+4.00": the sign says which way the printed figure is off. */
function signed(d: string): string {
  return d.startsWith("-") || /^0(\.0+)?$/.test(d) ? d : `+${d}`;
}

/** Display width: Han characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, to: number): string {
  return s + " ".repeat(Math.max(0, to - width(s)));
}
