/**
 * Renders the corpus's fixed seeds into fixtures/corpus/ (see fixtures/README.md,
 * "Generated rendering corpus"), or any seeds into any folder:
 *
 *   npx tsx scripts/corpus/build.ts [--seeds 1-48] [--producer writer] [--out fixtures/corpus] [--source]
 *
 * --producer prints the seeds by that producer instead of their own (the
 * committed Writer cases: --seeds 49-53,55-56 --producer writer).
 * --source also writes each case's .html, .fods or .fodt, to open in the producer.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { drawCase, drawCaseBy } from "./case.js";
import { RENDERERS, type Renderer } from "./rendering.js";
import { renderCases, writeSource } from "./render.js";

/** The committed set: seeds 1..48, odd ones printed by Chromium, even ones by Calc. */
export const FIXED_SEEDS = "1-48";

/** The committed Writer cases: seeds printed by Writer instead of their own producer. */
export const WRITER_SEEDS = "49-53,55-56";

/** Parses "1-48" or "3,7,9-12" into seeds. */
export function parseSeeds(spec: string): number[] {
  return spec.split(",").flatMap((part) => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`--seeds: "${part}" is not a seed or a range like 1-48`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string): string => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
  };
  const out = resolve(opt("--out", "fixtures/corpus"));
  await mkdir(out, { recursive: true });
  const producer = opt("--producer", "own");
  if (producer !== "own" && !(RENDERERS as readonly string[]).includes(producer)) throw new Error(`--producer: one of ${RENDERERS.join(", ")}, got ${producer}`);
  const seeds = parseSeeds(opt("--seeds", FIXED_SEEDS));
  const cases = seeds.map((s) => (producer === "own" ? drawCase(s) : drawCaseBy(s, producer as Renderer)));
  await renderCases(cases, out);
  if (args.includes("--source")) for (const c of cases) await writeSource(c, out);
  console.log(`rendered ${cases.length} case(s) into ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
