// Field-for-field accuracy of a parse against fixtures/seed/expected.json.
import { readFileSync } from "node:fs";
import { parseText } from "/work/wt-flat/src/parse.js";
const expected = JSON.parse(readFileSync("/work/wt-flat/fixtures/seed/expected.json", "utf8")).forms;
function leaves(o: unknown, p: string, out: Map<string, unknown>) {
  if (o && typeof o === "object" && !Array.isArray(o)) for (const [k, v] of Object.entries(o)) leaves(v, `${p}.${k}`, out);
  else if (Array.isArray(o)) o.forEach((v, i) => leaves(v, `${p}[${i}]`, out));
  else out.set(p, o);
}
for (const f of process.argv.slice(2)) {
  const doc = await parseText(readFileSync(f), { source: f, verify: false });
  const e = new Map<string, unknown>(); const g = new Map<string, unknown>();
  expected.forEach((x: any, i: number) => leaves(x, `[${i}]`, e));
  doc.forms.forEach((x: any, i: number) => { const { provenance, verification, ...rest } = x; leaves(rest, `[${i}]`, g); });
  let ok = 0; const bad: string[] = [];
  for (const [k, v] of e) { if (JSON.stringify(g.get(k)) === JSON.stringify(v)) ok++; else bad.push(`${k}: want ${JSON.stringify(v)} got ${JSON.stringify(g.get(k))}`); }
  const codes: Record<string, number> = {}; for (const d of doc.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  console.log(`${f}: ${doc.source.kind} ${doc.forms.length} forms, ${ok}/${e.size} fields = ${(100 * ok / e.size).toFixed(2)} %`, JSON.stringify(codes));
  if (process.env.V) for (const b of bad.slice(0, Number(process.env.V))) console.log("   ", b);
}
