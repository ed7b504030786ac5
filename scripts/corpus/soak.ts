/**
 * The soak: random seeds rendered fresh (by each seed's own producer, Chromium
 * for odd seeds and Calc for even ones, or by every producer --producers
 * names) into a temporary folder, parsed from the PDF and from its
 * `pdftotext -layout` text, and compared field for field with their forms.
 *
 *   npm run soak -- --seeds N [--from S] [--only pdf|layout.txt] [--producers own|chromium,calc,writer]
 *                   [--keep DIR [--reuse]] [--report FILE.md|FILE.json] [--json FILE]
 *
 * Prints field accuracy (by producer and by input kind), the failing seeds
 * with their failure kinds, and the command that reproduces the first failing
 * seed. With --seeds 1 it also prints every differing field.
 * - --only checks one input kind (the renderings are made all the same).
 * - --producers renders every seed by each producer listed (its forms are the
 *   same for each); "own" (the default) is the seed's own producer only.
 * - --keep renders into DIR (kept, with the .html/.fods sources) instead of a
 *   temporary folder; with --reuse a seed whose files DIR already holds is
 *   not rendered again (for re-checking a soak after a loader change).
 * - --report writes the failing renderings as a known-gaps report: per
 *   rendering its kinds, a proposed cause (known-gaps.ts, to be checked by
 *   hand), its first differences and the command that reproduces it;
 *   markdown, or JSON when FILE ends in .json.
 * - --json writes every result, passing or not.
 * Wrong values (a value the form does not hold, not a blank) and how many of
 * them a field-level `layout.inferred-*` diagnostic flags are counted per
 * rendering and in all (flat-fixtures/flags.ts).
 *
 * Rendering (Chromium, soffice: processes of their own) and parsing (this
 * process) overlap: the next batch renders while this one is parsed, so the
 * soak keeps two cores busy.
 */
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { drawCase, drawCaseBy, nameOf, ownRenderer, type CorpusCase } from "./case.js";
import { checkRendering, KINDS, type RenderingKind, type RenderingResult } from "./check.js";
import { classify, FAILURE_KINDS, type FailureKind } from "./classify.js";
import { proposeCause } from "./known-gaps.js";
import { renderCases, writeSource } from "./render.js";
import { RENDERERS, type Renderer } from "./rendering.js";

/** Seeds rendered per producer run: bounds a batch's temporary files and a Calc call's length. */
const BATCH = 10;

const USAGE =
  "usage: npm run soak -- --seeds N [--from S] [--only pdf|layout.txt] [--producers own|chromium,calc,writer] [--keep DIR [--reuse]] [--report FILE.md|FILE.json] [--json FILE]";

function usage(message: string): never {
  console.error(`soak: ${message}\n${USAGE}`);
  process.exit(64);
}

function intOption(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  if (v === undefined || !/^\d+$/.test(v)) usage(`${name} needs a whole number, got ${v ?? "nothing"}`);
  return Number(v);
}

function strOption(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  if (i < 0) return null;
  const v = args[i + 1];
  if (v === undefined || v.startsWith("--")) usage(`${name} needs a value`);
  return v;
}

const pct = (m: number, n: number): string => (n === 0 ? "-" : `${((100 * m) / n).toFixed(2)} %`);

type Result = RenderingResult & { seed: number; renderer: string; kinds: FailureKind[] };

/** The command that renders one seed again (by the producer that failed) and prints its differences. */
const reproduce = (seed: number, only: RenderingKind | null, renderer: Renderer) =>
  `npm run soak -- --seeds 1 --from ${seed}${only ? ` --only ${only}` : ""}${renderer === ownRenderer(seed) ? "" : ` --producers ${renderer}`} --keep /tmp/jixiao-seed-${seed}`;

/** True when DIR already holds a seed's case, PDF and layout text, made from the same case. */
async function rendered(dir: string, c: CorpusCase): Promise<boolean> {
  const name = nameOf(c);
  try {
    await Promise.all([access(join(dir, `${name}.pdf`)), access(join(dir, `${name}.layout.txt`))]);
    return (await readFile(join(dir, `${name}.json`), "utf8")) === JSON.stringify(c, null, 1) + "\n";
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = intOption(args, "--seeds", 40);
  // The committed fixtures use seeds 1-48; the soak starts past them unless told otherwise.
  const from = intOption(args, "--from", 1001);
  const onlyArg = strOption(args, "--only");
  if (onlyArg !== null && !(KINDS as readonly string[]).includes(onlyArg)) usage(`--only takes ${KINDS.join(" or ")}, got ${onlyArg}`);
  const only = onlyArg as RenderingKind | null;
  const kinds = only ? [only] : KINDS;
  const keepArg = strOption(args, "--keep");
  const keep = keepArg ? resolve(keepArg) : null;
  const reuse = args.includes("--reuse");
  if (reuse && !keep) usage("--reuse needs --keep DIR");
  const producersArg = strOption(args, "--producers") ?? "own";
  const producers = producersArg === "own" ? null : producersArg.split(",");
  for (const p of producers ?? []) if (!(RENDERERS as readonly string[]).includes(p)) usage(`--producers takes own or a list of ${RENDERERS.join(", ")}, got ${p}`);
  const cases = (seed: number): CorpusCase[] => (producers ? producers.map((p) => drawCaseBy(seed, p as Renderer)) : [drawCase(seed)]);
  const jsonArg = strOption(args, "--json");
  const reportArg = strOption(args, "--report");
  const dir = keep ?? (await mkdtemp(join(tmpdir(), "jixiao-soak-")));
  await mkdir(dir, { recursive: true });

  const batches: CorpusCase[][] = [];
  for (let start = from; start < from + n; start += BATCH) {
    batches.push(Array.from({ length: Math.min(BATCH, from + n - start) }, (_, i) => cases(start + i)).flat());
  }
  const render = async (cases: CorpusCase[]) => {
    const todo = reuse ? (await Promise.all(cases.map(async (c) => ((await rendered(dir, c)) ? null : c)))).filter((c): c is CorpusCase => c !== null) : cases;
    if (todo.length > 0) await renderCases(todo, dir);
    if (keep) for (const c of cases) await writeSource(c, dir);
  };

  const results: Result[] = [];
  const started = Date.now();
  try {
    let next: Promise<void> | null = batches[0] ? render(batches[0]) : null;
    let done = 0;
    for (let b = 0; b < batches.length; b++) {
      await next;
      // The next batch renders in its own processes while this one is parsed here.
      next = b + 1 < batches.length ? render(batches[b + 1]!) : null;
      // A failed render must not go unobserved while this batch is parsed.
      next?.catch(() => undefined);
      for (const c of batches[b]!) {
        for (const kind of kinds) {
          const r = await checkRendering(dir, c, kind);
          results.push({ ...r, seed: c.seed, renderer: c.rendering.renderer, kinds: classify(r) });
        }
      }
      done += new Set(batches[b]!.map((c) => c.seed)).size;
      console.error(`soak: ${done}/${n} seeds`);
    }
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }

  const sum = (rs: Result[]) => rs.reduce((a, r) => ({ f: a.f + r.fields, m: a.m + r.matched }), { f: 0, m: 0 });
  const all = sum(results);
  const failing = results.filter((r) => r.differences.length > 0);
  const lines: string[] = [];
  lines.push(`seeds ${from}..${from + n - 1}: ${results.length} renderings, field accuracy ${pct(all.m, all.f)} (${all.m}/${all.f})`);
  const rows: { renderer: string; kind: string; accuracy: string; exact: string }[] = [];
  for (const renderer of RENDERERS) {
    for (const kind of kinds) {
      const rs = results.filter((r) => r.renderer === renderer && r.file.endsWith(`.${kind}`));
      if (rs.length === 0) continue;
      const s = sum(rs);
      const failed = rs.filter((r) => r.differences.length > 0).length;
      rows.push({ renderer, kind, accuracy: pct(s.m, s.f), exact: `${rs.length - failed}/${rs.length}` });
      lines.push(`  ${renderer.padEnd(8)} ${kind.padEnd(10)} ${pct(s.m, s.f).padStart(9)}  ${rs.length - failed}/${rs.length} renderings exact`);
    }
  }
  lines.push(`failing renderings: ${failing.length}/${results.length}`);
  const wrong = results.reduce((a, r) => a + r.wrong, 0);
  const unflagged = results.reduce((a, r) => a + r.unflagged.length, 0);
  const noisy = results.filter((r) => r.differences.length === 0 && r.inferred > 0).length;
  lines.push(`wrong values: ${wrong}, flagged at the field ${wrong - unflagged}, unflagged ${unflagged}; exact renderings with a layout.inferred-* diagnostic: ${noisy}`);
  const byKind = new Map<FailureKind, string[]>();
  for (const r of failing) for (const k of r.kinds) byKind.set(k, [...(byKind.get(k) ?? []), r.file]);
  const kindCounts = [...byKind].sort((a, b) => b[1].length - a[1].length);
  for (const [k, files] of kindCounts) {
    lines.push(`  ${k} (${FAILURE_KINDS[k]}): ${files.length}: ${files.slice(0, 12).join(" ")}${files.length > 12 ? " …" : ""}`);
  }
  const first = failing[0];
  if (first) {
    lines.push(`first failing seed: ${first.seed} (${first.file}, ${first.differences.length} differing field(s))`);
    lines.push(`  reproduce: ${reproduce(first.seed, only, first.renderer as Renderer)}`);
  }
  const firstPdf = failing.find((r) => r.file.endsWith(".pdf"));
  if (firstPdf && firstPdf !== first) {
    lines.push(`first failing PDF: seed ${firstPdf.seed} (${firstPdf.file}, ${firstPdf.differences.length} differing field(s))`);
    lines.push(`  reproduce: ${reproduce(firstPdf.seed, "pdf", firstPdf.renderer as Renderer)}`);
  }
  console.log(lines.join("\n"));
  if (n === 1) {
    for (const r of results) {
      console.log(`${r.file}: ${r.matched}/${r.fields} fields`);
      for (const d of r.differences) console.log(`  ${d}`);
      for (const d of r.diagnostics) console.log(`  diagnostic ${d}`);
    }
  }
  if (jsonArg) await writeFile(resolve(jsonArg), JSON.stringify(results, null, 1));
  if (reportArg) {
    const command = `npm run soak -- ${args.join(" ")}`;
    const minutes = ((Date.now() - started) / 60000).toFixed(1);
    const gaps = failing.map((r) => ({
      file: r.file,
      seed: r.seed,
      kinds: r.kinds,
      cause: proposeCause(r.kinds, r.renderer as Renderer, r.file.endsWith(".pdf") ? "pdf" : "layout.txt", r.differences),
      fields: `${r.matched}/${r.fields}`,
      wrong: r.wrong,
      flagged: r.wrong - r.unflagged.length,
      differences: r.differences.slice(0, 12),
      ...(r.differences.length > 12 ? { more: r.differences.length - 12 } : {}),
      reproduce: reproduce(r.seed, r.file.endsWith(".pdf") ? "pdf" : "layout.txt", r.renderer as Renderer),
    }));
    const path = resolve(reportArg);
    if (path.endsWith(".json")) {
      const summary = { command, seeds: { from, to: from + n - 1 }, renderings: results.length, fields: all.f, matched: all.m, accuracy: pct(all.m, all.f), byInput: rows, failing: failing.length, wrong, unflagged, kinds: Object.fromEntries(kindCounts.map(([k, f]) => [k, f.length])) };
      await writeFile(path, JSON.stringify({ summary, gaps }, null, 1) + "\n");
    } else {
      await writeFile(path, markdownReport(command, minutes, lines, rows, kindCounts, gaps));
    }
    console.error(`soak: wrote ${path}`);
  }
}

/** The known-gaps report as markdown: summary, kinds, then one section per failing rendering. */
function markdownReport(
  command: string,
  minutes: string,
  summary: string[],
  rows: { renderer: string; kind: string; accuracy: string; exact: string }[],
  kindCounts: [FailureKind, string[]][],
  gaps: { file: string; kinds: FailureKind[]; cause: string; fields: string; wrong: number; flagged: number; differences: string[]; more?: number; reproduce: string }[],
): string {
  const out: string[] = [];
  out.push("# Soak report", "");
  out.push(`Made by \`${command}\` (${minutes} min). Causes are proposed from the failure kinds (scripts/corpus/known-gaps.ts); check each by hand with its command.`, "");
  out.push(summary[0]!, "");
  out.push("| producer | input | field accuracy | exact renderings |", "|---|---|---|---|");
  for (const r of rows) out.push(`| ${r.renderer} | ${r.kind} | ${r.accuracy} | ${r.exact} |`);
  out.push("");
  if (gaps.length === 0) {
    out.push("No rendering failed.", "");
    return out.join("\n");
  }
  out.push("## Failure kinds", "", "| kind | renderings | meaning |", "|---|---|---|");
  for (const [k, files] of kindCounts) out.push(`| ${k} | ${files.length} | ${FAILURE_KINDS[k]} |`);
  out.push("", "## Known gaps", "");
  for (const g of gaps) {
    out.push(`### ${g.file} (${g.fields} fields)`, "");
    out.push(`- kinds: ${g.kinds.join(", ") || "(none classified)"}`);
    out.push(`- cause: ${g.cause}`);
    out.push(`- wrong values: ${g.wrong}, flagged at the field: ${g.flagged}`);
    out.push(`- reproduce: \`${g.reproduce}\``);
    out.push("- first differences:");
    for (const d of g.differences) out.push(`  - \`${d.replace(/`/g, "'").replace(/\n/g, "\\n")}\``);
    if (g.more) out.push(`  - … and ${g.more} more`);
    out.push("");
  }
  return out.join("\n");
}

main().catch((e: unknown) => {
  console.error(`soak: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 70;
});
