/**
 * Writes the committed random container fixtures, fixtures/containers/random/:
 * five corpus seeds in every container of the container soak (make.ts), each
 * with its case (<name>.json: seed, rendering, generating forms), which
 * test/load/containers/random.test.ts reads field for field.
 *
 *   npx tsx scripts/containers-soak/fixtures.ts [--out DIR] [--only CONTAINER[,CONTAINER]]
 *
 * The seeds cover both producers' layouts, one to three forms, narrow and
 * wide label columns, rates as percentages and as plain numbers, <th>
 * labels (seeds divisible by 3) and unclosed cells (divisible by 5) in the
 * office HTML. Needs Debian's libreoffice (soffice) and iconv.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { drawCase } from "../corpus/case.js";
import { FIXTURE_SEEDS } from "./fixtures.seeds.js";
import { CONTAINERS, writeContainers, type Container } from "./make.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

async function main(): Promise<void> {
  const i = process.argv.indexOf("--out");
  const out = resolve(root, i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : "fixtures/containers/random");
  const k = process.argv.indexOf("--only");
  // --only rewrites some containers and leaves the others' bytes alone (soffice stamps every file it writes).
  const only = (k >= 0 && process.argv[k + 1] ? process.argv[k + 1]!.split(",") : [...CONTAINERS]) as Container[];
  await mkdir(out, { recursive: true });
  const written = await writeContainers(FIXTURE_SEEDS.map((s) => drawCase(s)), out, only);
  for (const [name, kinds] of written) console.log(`${name}: ${kinds.join(" ")}`);
}

await main();
