/**
 * Checks the committed corpus (fixtures/corpus/) and prints, per failing
 * rendering, its failure kinds and differing fields. With --write it rewrites
 * fixtures/corpus/known-gaps.json to list exactly the renderings that fail
 * now, keeping the diagnosis (`cause`) already written for each, and
 * proposing one from its failure kinds for a new entry (to be checked by
 * hand, see FINDINGS.md).
 *
 *   npx tsx scripts/corpus/gaps.ts [--write]
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { checkRendering, KINDS, readCase } from "./check.js";
import { classify } from "./classify.js";
import { KNOWN_GAPS_FILE, type KnownGap, proposeCause } from "./known-gaps.js";

const DIR = resolve("fixtures/corpus");

async function main(): Promise<void> {
  const names = (await readdir(DIR)).filter((f) => /^\d{4}-\w+\.json$/.test(f)).map((f) => f.replace(/\.json$/, "")).sort();
  const path = join(DIR, KNOWN_GAPS_FILE);
  const old = JSON.parse(await readFile(path, "utf8").catch(() => "{}")) as Record<string, KnownGap>;
  const gaps: Record<string, KnownGap> = {};
  let fields = 0;
  let matched = 0;
  for (const name of names) {
    const c = await readCase(DIR, name);
    for (const kind of KINDS) {
      const r = await checkRendering(DIR, c, kind);
      fields += r.fields;
      matched += r.matched;
      if (r.differences.length === 0) continue;
      const kinds = classify(r);
      gaps[r.file] = {
        kinds,
        cause: old[r.file]?.cause ?? proposeCause(kinds, c.rendering.renderer, kind, r.differences),
        fields: `${r.matched}/${r.fields}`,
        differences: r.differences.slice(0, 12),
        ...(r.differences.length > 12 ? { more: r.differences.length - 12 } : {}),
      };
      console.log(`${r.file} ${r.matched}/${r.fields} [${kinds.join(", ")}]`);
      for (const d of r.differences.slice(0, 6)) console.log(`    ${d}`);
    }
  }
  console.log(`${names.length * KINDS.length} renderings, ${Object.keys(gaps).length} failing, field accuracy ${((100 * matched) / fields).toFixed(2)} % (${matched}/${fields})`);
  if (process.argv.includes("--write")) {
    await writeFile(path, JSON.stringify(gaps, null, 1) + "\n");
    console.log(`wrote ${path}`);
  }
}

main().catch((e: unknown) => {
  console.error(`gaps: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 70;
});
