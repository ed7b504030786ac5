import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { parseText } from "../../src/parse.js";
const root = "/work/wt-flat";
async function viewerCopy(pdf: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), cMapUrl: join(root, "node_modules/pdfjs-dist/cmaps/"), cMapPacked: true, useSystemFonts: false }).promise;
  let out = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const c = await (await doc.getPage(p)).getTextContent();
    for (const it of c.items) { if (!("str" in it)) continue; out += it.str; if (it.hasEOL) out += "\n"; }
    if (!out.endsWith("\n")) out += "\n";
  }
  return out;
}
function leaves(o: unknown, path: string, out: Map<string, unknown>): void {
  if (Array.isArray(o)) o.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) leaves(v, `${path}.${k}`, out);
  else out.set(path, o);
}
const dir = join(root, "fixtures/variants");
for (const fam of readdirSync(dir)) for (const f of readdirSync(join(dir, fam)).filter((x) => x.endsWith(".pdf"))) {
  const text = await viewerCopy(join(dir, fam, f));
  const exp = JSON.parse(readFileSync(join(dir, fam, f.replace(".pdf", ".expected.json")), "utf8")).forms;
  let doc;
  try { doc = await parseText(text, { verify: false }); } catch (e) { console.log(fam, f, "ERR", String(e).slice(0, 100)); continue; }
  const want = new Map(), got = new Map();
  exp.forEach((x: unknown, i: number) => leaves(x, `[${i}]`, want));
  doc.forms.forEach((x, i) => { const { provenance: _p, verification: _v, ...r } = x; leaves(r, `[${i}]`, got); });
  const wrong = [...want].filter(([k, v]) => JSON.stringify(got.get(k)) !== JSON.stringify(v));
  console.log(`${fam}/${f}: ${doc.source.kind} ${want.size - wrong.length}/${want.size}`, wrong.slice(0, Number(process.env.V ?? 3)).map(([k, v]) => `${k} want ${JSON.stringify(v)?.slice(0, 40)} got ${JSON.stringify(got.get(k))?.slice(0, 40)}`).join(" ; "));
}
if (process.env.SHOW) console.log(await viewerCopy(process.env.SHOW));
