/**
 * Checks the committed corpus (fixtures/corpus/) and prints, per failing
 * rendering, its failure kinds and differing fields. With --write it rewrites
 * fixtures/corpus/known-gaps.json to list exactly the renderings that fail
 * now, keeping the diagnosis (`cause`) already written for each, and
 * proposing one from its failure kinds for a new entry (to be checked by
 * hand, see FINDINGS.md).
 *
 * Per failing rendering it also counts the wrong values (a value the
 * generating form does not hold, not a blank) and how many a field-level
 * `layout.inferred-*` diagnostic flags (flat-fixtures/flags.ts); --unflagged
 * lists the others. Exact renderings that carry such a diagnostic are named:
 * there it is noise.
 *
 *   npx tsx scripts/corpus/gaps.ts [--write] [--unflagged]
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
  let wrong = 0;
  let unflagged = 0;
  const noisy: string[] = [];
  for (const name of names) {
    const c = await readCase(DIR, name);
    for (const kind of KINDS) {
      const r = await checkRendering(DIR, c, kind);
      fields += r.fields;
      matched += r.matched;
      wrong += r.wrong;
      unflagged += r.unflagged.length;
      if (r.differences.length === 0) {
        if (r.inferred > 0) noisy.push(`${r.file} (${r.inferred})`);
        continue;
      }
      const kinds = classify(r);
      gaps[r.file] = {
        kinds,
        cause: old[r.file]?.cause ?? proposeCause(kinds, c.rendering.renderer, kind, r.differences),
        fields: `${r.matched}/${r.fields}`,
        differences: r.differences.slice(0, 12),
        ...(r.differences.length > 12 ? { more: r.differences.length - 12 } : {}),
        unflagged: r.unflagged.length,
      };
      console.log(`${r.file} ${r.matched}/${r.fields} [${kinds.join(", ")}] wrong values ${r.wrong}, flagged ${r.wrong - r.unflagged.length}`);
      for (const d of r.differences.slice(0, 6)) console.log(`    ${d}`);
      if (process.argv.includes("--unflagged")) for (const d of r.unflagged) console.log(`    unflagged: ${d}`.slice(0, 240));
    }
  }
  console.log(`${names.length * KINDS.length} renderings, ${Object.keys(gaps).length} failing, field accuracy ${((100 * matched) / fields).toFixed(2)} % (${matched}/${fields})`);
  console.log(`wrong values ${wrong}, unflagged ${unflagged}; exact renderings with layout.inferred-* diagnostics: ${noisy.length ? noisy.join(" ") : "none"}`);
  if (process.argv.includes("--write")) {
    await writeFile(path, JSON.stringify(gaps, null, 1) + "\n");
    console.log(`wrote ${path}`);
  }
}

main().catch((e: unknown) => {
  console.error(`gaps: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 70;
});
