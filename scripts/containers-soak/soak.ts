/**
 * The container soak: random corpus cases (scripts/corpus/case.ts) written in
 * every structured container (make.ts: HTML, GBK HTML in page chrome, xlsx,
 * xls, ods by Calc, docx and odt by Writer), read back with parseBytes and
 * compared field for field with their generating forms.
 *
 *   npx tsx scripts/containers-soak/soak.ts --seeds N [--from S] [--only CONTAINER[,CONTAINER]]
 *                                           [--keep DIR [--reuse]] [--json FILE]
 *
 * Prints field accuracy per container, the warnings of files read exactly
 * (by code), the failing files with their first differences, and the command that reproduces the first failing seed; with
 * --seeds 1 every differing field and warning.
 * - --keep writes into DIR (kept) instead of a temporary folder; with --reuse
 *   a seed whose files DIR already holds, made from the same case, is not
 *   written again (for re-checking after a loader change).
 */
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { caseName, drawCase, type CorpusCase } from "../corpus/case.js";
import { checkContainer, type ContainerResult } from "./check.js";
import { caseJson, CONTAINERS, writeContainers, type Container } from "./make.js";

/** Seeds converted per soffice call: bounds one call's length and the temporary files. */
const BATCH = 10;

const USAGE = "usage: npx tsx scripts/containers-soak/soak.ts --seeds N [--from S] [--only html,xlsx,…] [--keep DIR [--reuse]] [--json FILE]";

function usage(message: string): never {
  console.error(`containers-soak: ${message}\n${USAGE}`);
  process.exit(64);
}

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = args[i + 1];
  if (v === undefined || v.startsWith("--")) usage(`${name} needs a value`);
  return v;
}

function intOption(args: string[], name: string, dflt: number): number {
  const v = option(args, name);
  if (v === null) return dflt;
  if (!/^\d+$/.test(v)) usage(`${name} needs a whole number, got ${v}`);
  return Number(v);
}

const pct = (m: number, n: number): string => (n === 0 ? "-" : `${((100 * m) / n).toFixed(2)} %`);

/** True when DIR already holds every asked container of a case, made from the same case. */
async function written(dir: string, c: CorpusCase, only: readonly Container[]): Promise<boolean> {
  const name = caseName(c.seed);
  try {
    if ((await readFile(join(dir, `${name}.json`), "utf8")) !== caseJson(c)) return false;
    // The GBK page may be missing on purpose (a character without a GBK code); the rest must be there.
    await Promise.all(only.filter((k) => k !== "chrome.gbk.html").map((k) => access(join(dir, `${name}.${k}`))));
    return true;
  } catch {
    return false;
  }
}

const exists = (f: string): Promise<boolean> => access(f).then(() => true, () => false);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = intOption(args, "--seeds", 20);
  const from = intOption(args, "--from", 20001);
  const onlyArg = option(args, "--only");
  const only = (onlyArg ? onlyArg.split(",") : [...CONTAINERS]) as Container[];
  for (const k of only) if (!(CONTAINERS as readonly string[]).includes(k)) usage(`--only takes ${CONTAINERS.join(", ")}; got ${k}`);
  const keepArg = option(args, "--keep");
  const keep = keepArg ? resolve(keepArg) : null;
  const reuse = args.includes("--reuse");
  if (reuse && !keep) usage("--reuse needs --keep DIR");
  const jsonArg = option(args, "--json");
  const dir = keep ?? (await mkdtemp(join(tmpdir(), "jixiao-containers-soak-")));
  await mkdir(dir, { recursive: true });

  const results: ContainerResult[] = [];
  const missing: string[] = [];
  try {
    for (let start = from; start < from + n; start += BATCH) {
      const cases = Array.from({ length: Math.min(BATCH, from + n - start) }, (_, i) => drawCase(start + i));
      const todo = reuse ? (await Promise.all(cases.map(async (c) => ((await written(dir, c, only)) ? null : c)))).filter((c): c is CorpusCase => c !== null) : cases;
      if (todo.length > 0) await writeContainers(todo, dir, only);
      for (const c of cases) {
        for (const k of only) {
          if (!(await exists(join(dir, `${caseName(c.seed)}.${k}`)))) {
            missing.push(`${caseName(c.seed)}.${k}`);
            continue;
          }
          results.push(await checkContainer(dir, c, k));
        }
      }
      console.error(`containers-soak: ${Math.min(start + BATCH, from + n) - from}/${n} seeds`);
    }
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }

  const sum = (rs: ContainerResult[]) => rs.reduce((a, r) => ({ f: a.f + r.fields, m: a.m + r.matched }), { f: 0, m: 0 });
  const all = sum(results);
  const failing = results.filter((r) => r.differences.length > 0 || r.error);
  const lines: string[] = [];
  lines.push(`seeds ${from}..${from + n - 1}: ${results.length} files, field accuracy ${pct(all.m, all.f)} (${all.m}/${all.f})`);
  for (const k of only) {
    const rs = results.filter((r) => r.container === k);
    const s = sum(rs);
    const bad = rs.filter((r) => r.differences.length > 0 || r.error).length;
    lines.push(`  ${k.padEnd(16)} ${pct(s.m, s.f).padStart(9)}  (${s.m}/${s.f})  ${rs.length - bad}/${rs.length} files exact`);
  }
  if (missing.length > 0) lines.push(`not written (no GBK code for a character, or soffice wrote nothing): ${missing.join(" ")}`);
  // A warning on a file read exactly is either a fact about the file (a hidden sheet) or noise to look at.
  const warned = new Map<string, string[]>();
  for (const r of results) {
    if (r.differences.length > 0 || r.error) continue;
    for (const code of new Set(r.diagnostics.map((d) => d.slice(0, d.indexOf(":"))))) warned.set(code, [...(warned.get(code) ?? []), r.file]);
  }
  for (const [code, files] of warned) lines.push(`warning ${code} on ${files.length} exact file(s): ${files.slice(0, 6).join(" ")}${files.length > 6 ? " …" : ""}`);
  lines.push(`failing files: ${failing.length}/${results.length}`);
  for (const r of failing) {
    lines.push(`  ${r.file}: ${r.matched}/${r.fields}${r.error ? ` threw: ${r.error}` : ""}`);
    for (const d of r.differences.slice(0, n === 1 ? Infinity : 4)) lines.push(`    ${d}`);
    if (n !== 1 && r.differences.length > 4) lines.push(`    … ${r.differences.length - 4} more`);
    if (n === 1) for (const d of r.diagnostics) lines.push(`    diagnostic ${d}`);
  }
  const first = failing[0];
  if (first) {
    lines.push(`reproduce the first failing seed: npx tsx scripts/containers-soak/soak.ts --seeds 1 --from ${first.seed} --only ${first.container} --keep /tmp/jixiao-containers-${first.seed}`);
  }
  console.log(lines.join("\n"));
  if (jsonArg) await writeFile(resolve(jsonArg), JSON.stringify(results, null, 1));
}

main().catch((e: unknown) => {
  console.error(`containers-soak: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exitCode = 70;
});
