/**
 * The soak: random seeds rendered fresh (Chromium for odd seeds, Calc for even
 * ones) into a temporary folder, parsed from the PDF and from its
 * `pdftotext -layout` text, and compared field for field with their forms.
 *
 *   npm run soak -- --seeds N [--from S] [--keep DIR] [--json FILE]
 *
 * Prints field accuracy (by producer and by input kind), the failing seeds
 * with their failure kinds, and the command that reproduces the first failing
 * seed. With --seeds 1 it also prints every differing field. --keep renders
 * into DIR (kept, with the .html/.fods sources) instead of a temporary folder.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { drawCase } from "./case.js";
import { checkRendering, KINDS, type RenderingResult } from "./check.js";
import { classify, FAILURE_KINDS, type FailureKind } from "./classify.js";
import { renderCases, writeSource } from "./render.js";

/** Seeds rendered per producer run: bounds a batch's temporary files and a Calc call's length. */
const BATCH = 20;

function usage(message: string): never {
  console.error(`soak: ${message}\nusage: npm run soak -- --seeds N [--from S] [--keep DIR] [--json FILE]`);
  process.exit(64);
}

function intOption(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  if (v === undefined || !/^\d+$/.test(v)) usage(`${name} needs a whole number, got ${v ?? "nothing"}`);
  return Number(v);
}

const pct = (m: number, n: number): string => (n === 0 ? "-" : `${((100 * m) / n).toFixed(2)} %`);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = intOption(args, "--seeds", 40);
  // The committed fixtures use seeds 1-48; the soak starts past them unless told otherwise.
  const from = intOption(args, "--from", 1001);
  const keepIdx = args.indexOf("--keep");
  const keep = keepIdx >= 0 ? resolve(args[keepIdx + 1] ?? usage("--keep needs a folder")) : null;
  const jsonIdx = args.indexOf("--json");
  const jsonOut = jsonIdx >= 0 ? resolve(args[jsonIdx + 1] ?? usage("--json needs a file")) : null;
  const dir = keep ?? (await mkdtemp(join(tmpdir(), "jixiao-soak-")));
  await mkdir(dir, { recursive: true });

  const results: Array<RenderingResult & { seed: number; renderer: string; kinds: FailureKind[] }> = [];
  try {
    for (let start = from; start < from + n; start += BATCH) {
      const cases = Array.from({ length: Math.min(BATCH, from + n - start) }, (_, i) => drawCase(start + i));
      await renderCases(cases, dir);
      for (const c of cases) {
        if (keep) await writeSource(c, dir);
        for (const kind of KINDS) {
          const r = await checkRendering(dir, c, kind);
          results.push({ ...r, seed: c.seed, renderer: c.rendering.renderer, kinds: classify(r) });
        }
      }
      console.error(`soak: ${Math.min(start + BATCH, from + n) - from}/${n} seeds`);
    }
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }

  const sum = (rs: typeof results) => rs.reduce((a, r) => ({ f: a.f + r.fields, m: a.m + r.matched }), { f: 0, m: 0 });
  const all = sum(results);
  console.log(`seeds ${from}..${from + n - 1}: ${results.length} renderings, field accuracy ${pct(all.m, all.f)} (${all.m}/${all.f})`);
  for (const renderer of ["chromium", "calc"]) {
    for (const kind of KINDS) {
      const rs = results.filter((r) => r.renderer === renderer && r.file.endsWith(`.${kind}`));
      if (rs.length === 0) continue;
      const s = sum(rs);
      const failed = rs.filter((r) => r.differences.length > 0).length;
      console.log(`  ${renderer.padEnd(8)} ${kind.padEnd(10)} ${pct(s.m, s.f).padStart(9)}  ${rs.length - failed}/${rs.length} renderings exact`);
    }
  }
  const failing = results.filter((r) => r.differences.length > 0);
  console.log(`failing renderings: ${failing.length}/${results.length}`);
  const byKind = new Map<FailureKind, string[]>();
  for (const r of failing) for (const k of r.kinds) byKind.set(k, [...(byKind.get(k) ?? []), r.file]);
  for (const [k, files] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${k} (${FAILURE_KINDS[k]}): ${files.length}: ${files.slice(0, 12).join(" ")}${files.length > 12 ? " …" : ""}`);
  }
  const first = failing[0];
  if (first) {
    console.log(`first failing seed: ${first.seed} (${first.file}, ${first.differences.length} differing field(s))`);
    console.log(`  reproduce: npm run soak -- --seeds 1 --from ${first.seed} --keep /tmp/jixiao-seed-${first.seed}`);
  }
  const firstPdf = failing.find((r) => r.file.endsWith(".pdf"));
  if (firstPdf && firstPdf !== first) {
    console.log(`first failing PDF: seed ${firstPdf.seed} (${firstPdf.file}, ${firstPdf.differences.length} differing field(s))`);
    console.log(`  reproduce: npm run soak -- --seeds 1 --from ${firstPdf.seed} --keep /tmp/jixiao-seed-${firstPdf.seed}`);
  }
  if (n === 1) {
    for (const r of results) {
      console.log(`${r.file}: ${r.matched}/${r.fields} fields`);
      for (const d of r.differences) console.log(`  ${d}`);
      for (const d of r.diagnostics) console.log(`  diagnostic ${d}`);
    }
  }
  if (jsonOut) await writeFile(jsonOut, JSON.stringify(results, null, 1));
}

main().catch((e: unknown) => {
  console.error(`soak: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 70;
});
