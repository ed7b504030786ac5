import type { Form } from "../model/form.js";
import { RULE_IDS, VerifyOptions, type GradeBand } from "../verify/options.js";
import { args, choice, EXIT, forEachInput, openSink, UsageError, withSink } from "./common.js";
import { exitCodeFor, renderVerifyReport, type VerifiedFile } from "./report.js";

/** `jixiao verify`: parse every input, run the verifier, report, and exit by --fail-on. */
export async function runVerify(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv, {
    format: { type: "string", short: "f" },
    lang: { type: "string" },
    "fail-on": { type: "string" },
    rounding: { type: "string" },
    disable: { type: "string", multiple: true },
    grades: { type: "string" },
    out: { type: "string", short: "o" },
    color: { type: "boolean" },
    "no-color": { type: "boolean" },
  });
  const format = choice("format", values.format, ["text", "json", "jsonl", "csv"] as const, "text");
  const lang = choice("lang", values.lang, ["zh", "en"] as const, "zh");
  const failOn = choice("fail-on", values["fail-on"], ["error", "warning", "notice", "never"] as const, "error");
  const rounding = choice("rounding", values.rounding, ["either", "truncate", "half-up"] as const, "either");
  const disableArgs = Array.isArray(values.disable) ? values.disable : [];
  const disable = disableArgs.flatMap((d) => String(d).split(",")).map((d) => d.trim()).filter(Boolean);
  for (const d of disable) {
    if (!RULE_IDS.includes(d) && !RULE_IDS.some((id) => id.startsWith(d.endsWith(".") ? d : d + "."))) {
      throw new UsageError(`--disable: no rule or family "${d}"`);
    }
  }
  const options: VerifyOptions = { rounding, disable };
  if (typeof values.grades === "string") options.gradeBands = parseGrades(values.grades);
  const parsed = VerifyOptions.safeParse(options);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));

  const files: VerifiedFile[] = [];
  const { internal } = await forEachInput(positionals, options, async (path, result) => {
    if ("error" in result) {
      process.stderr.write(`jixiao: ${result.error.describe()}\n`);
      files.push({ path, error: { code: result.error.code, message: result.error.message } });
    } else {
      files.push({ path, forms: result.doc.forms as Form[] });
    }
  });
  const color = format === "text" && typeof values.out !== "string" && !values["no-color"] &&
    (values.color === true || (process.stdout.isTTY === true && !process.env.NO_COLOR));
  const report = renderVerifyReport(files, { format, lang, color });
  await withSink(await openSink(values.out), (s) => s.write(report));
  if (internal > 0) return EXIT.internal;
  const code = exitCodeFor(files, failOn);
  return code === 2 ? EXIT.unreadable : code;
}

// "优:90,良:80,中:60" → bands, highest first; a total below all gets 差.
function parseGrades(spec: string): GradeBand[] {
  const bands = spec.split(",").map((part) => {
    const m = /^\s*([^:=\s]+)\s*[:=]\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m) throw new UsageError(`--grades: "${part}" is not GRADE:MIN, e.g. 优:90`);
    return { grade: m[1]!, min: m[2]! };
  });
  if (!bands.some((b) => /^0+(\.0+)?$/.test(b.min))) bands.push({ grade: "差", min: "0" });
  return bands;
}
