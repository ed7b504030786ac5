import { Decimal } from "decimal.js";
import type { Form } from "../model/form.js";
import { RULE_IDS, VerifyOptions, type GradeBand } from "../verify/options.js";
import { RULES } from "../verify/rules.js";
import { choice, EXIT, forEachInput, openSink, pdfOptionsOf, UsageError, withSink } from "./common.js";
import { commandLine } from "./command-line.js";
import { exitCodeFor, renderVerifyReport, type VerifiedFile } from "./report.js";
import { VERIFY, VERIFY_FORMATS } from "./spec.js";
import { checkStdout } from "./stdout.js";
import { batchSettings } from "./batch-settings.js";

/** `jixiao verify`: parse every input, run the verifier, report, and exit by --fail-on. */
export async function runVerify(argv: string[]): Promise<number> {
  const cl = await commandLine(VERIFY, argv);
  if (!cl) return EXIT.ok;
  const { values, positionals, out } = cl;
  const opt = VERIFY.options;
  const format = choice("format", values.format, VERIFY_FORMATS, "text");
  const lang = choice("lang", values.lang, opt.lang!.choices as readonly ("zh" | "en")[], "zh");
  const failOn = choice("fail-on", values["fail-on"], opt["fail-on"]!.choices as readonly ("error" | "warning" | "notice" | "never")[], "error");
  const rounding = choice("rounding", values.rounding, opt.rounding!.choices as readonly ("either" | "truncate" | "half-up")[], "either");
  if (values.color === true && values["no-color"] === true) throw new UsageError("--color and --no-color contradict each other", "verify");
  const disable = parseDisable(Array.isArray(values.disable) ? values.disable.map(String) : []);
  const options: VerifyOptions = { rounding, disable };
  if (typeof values.grades === "string") options.gradeBands = parseGrades(values.grades);
  const parsed = VerifyOptions.safeParse(options);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "), "verify");

  const files: VerifiedFile[] = [];
  const { internal } = await forEachInput(positionals, options, async (path, result) => {
    if ("error" in result) {
      process.stderr.write(`jixiao: ${result.error.describe()}\n`);
      files.push({ path, error: { code: result.error.code, message: result.error.message } });
    } else {
      files.push({ path, forms: result.doc.forms as Form[] });
    }
  }, out, { ...batchSettings(values, "verify"), pdf: pdfOptionsOf(values) });
  const color = format === "text" && out === undefined && !values["no-color"] &&
    (values.color === true || (process.stdout.isTTY === true && !process.env.NO_COLOR));
  const report = renderVerifyReport(files, { format, lang, color });
  await withSink(await openSink(out), (s) => s.write(report));
  checkStdout();
  if (internal > 0) return EXIT.internal;
  const code = exitCodeFor(files, failOn);
  return code === 2 ? EXIT.unreadable : code;
}

/** --disable values: comma-separated rule ids, prefixes or families; an empty list says nothing and is refused. */
export function parseDisable(args: string[]): string[] {
  const disable: string[] = [];
  for (const arg of args) {
    const parts = arg.split(",").map((d) => d.trim());
    if (parts.every((d) => d === "")) {
      throw new UsageError(`--disable "${arg}" names no rule; give rule ids, prefixes or families, e.g. --disable funding.rate,indicators`, "verify");
    }
    for (const d of parts) {
      if (d === "") throw new UsageError(`--disable "${arg}" has an empty entry between commas`, "verify");
      const known = RULE_IDS.includes(d) || RULES.some((r) => r.family === d) || RULE_IDS.some((id) => id.startsWith(d.endsWith(".") ? d : d + "."));
      if (!known) {
        throw new UsageError(`--disable: no rule or family "${d}"`, "verify");
      }
      disable.push(d);
    }
  }
  return disable;
}

/**
 * "优:90,良:80,中:60" → bands, highest first; a total below all gets 差.
 * Bands out of order, or a grade or minimum given twice, would make some
 * band unreachable or the grade ambiguous: refused, not sorted silently.
 */
export function parseGrades(spec: string): GradeBand[] {
  const bands = spec.split(",").map((part) => {
    const m = /^\s*([^:=\s]+)\s*[:=]\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m) throw new UsageError(`--grades: "${part}" is not GRADE:MIN, e.g. 优:90`, "verify");
    return { grade: m[1]!, min: m[2]! };
  });
  for (let i = 1; i < bands.length; i++) {
    const [prev, cur] = [bands[i - 1]!, bands[i]!];
    const earlier = bands.slice(0, i);
    const twice = earlier.find((b) => b.grade === cur.grade);
    if (twice) throw new UsageError(`--grades: grade ${cur.grade} is given twice (${twice.grade}:${twice.min} and ${cur.grade}:${cur.min})`, "verify");
    const order = new Decimal(cur.min).cmp(prev.min);
    if (order === 0) throw new UsageError(`--grades: ${prev.grade} and ${cur.grade} have the same minimum ${cur.min}`, "verify");
    if (order > 0) {
      throw new UsageError(`--grades: bands go from the highest minimum down, but ${cur.grade}:${cur.min} comes after ${prev.grade}:${prev.min}`, "verify");
    }
  }
  if (!bands.some((b) => /^0+(\.0+)?$/.test(b.min))) {
    if (bands.some((b) => b.grade === "差")) throw new UsageError("--grades: 差 is given without minimum 0, and is the grade added at 0; give 差:0 or another word", "verify");
    bands.push({ grade: "差", min: "0" });
  }
  return bands;
}
