/**
 * Field-for-field accuracy of the flattened-text fixtures against
 * fixtures/seed/expected.json, the hand-written parse of the seed:
 *
 *   npx tsx scripts/flat-fixtures/accuracy.ts [files…]   (default: every fixtures/flat/*.txt)
 *
 * Prints, per file, the kind it was read as, the share of fields right, and
 * the count of each diagnostic code; with --wrong, the fields it got wrong.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Form } from "../../src/model/form.js";
import { parseText } from "../../src/parse.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const expected = (JSON.parse(readFileSync(join(root, "fixtures/seed/expected.json"), "utf8")) as { forms: unknown[] }).forms;

function leaves(o: unknown, path: string, out: Map<string, unknown>): void {
  if (Array.isArray(o)) o.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) leaves(v, `${path}.${k}`, out);
  else out.set(path, o);
}

function withoutExtras(f: Form): unknown {
  const { provenance: _p, verification: _v, ...rest } = f;
  return rest;
}

const args = process.argv.slice(2);
const showWrong = args.includes("--wrong");
const files = args.filter((a) => !a.startsWith("--"));
const inputs = files.length ? files : readdirSync(join(root, "fixtures/flat")).filter((f) => f.endsWith(".txt")).sort().map((f) => join(root, "fixtures/flat", f));
for (const file of inputs) {
  const doc = await parseText(readFileSync(file), { source: file, verify: false });
  const want = new Map<string, unknown>();
  const got = new Map<string, unknown>();
  expected.forEach((f, i) => leaves(f, `[${i}]`, want));
  doc.forms.forEach((f, i) => leaves(withoutExtras(f), `[${i}]`, got));
  const wrong = [...want].filter(([k, v]) => JSON.stringify(got.get(k)) !== JSON.stringify(v));
  const codes: Record<string, number> = {};
  for (const d of doc.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  const right = want.size - wrong.length;
  console.log(`${file.replace(`${root}/`, "")}: ${doc.source.kind}, ${doc.forms.length} forms, ${right}/${want.size} fields = ${((100 * right) / want.size).toFixed(2)} % ${JSON.stringify(codes)}`);
  if (showWrong) for (const [k, v] of wrong) console.log(`    ${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(got.get(k))}`.slice(0, 300));
}
