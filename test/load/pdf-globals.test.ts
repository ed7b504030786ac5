/**
 * What importing jixiao and reading a PDF does to the host's globals (issue
 * 12): pdf.js's legacy build replaced Array.prototype.push, for every program
 * that imports jixiao. The modern build runs instead, with what Node lacks
 * added where missing (src/load/pdf/shims.ts), and nothing replaced. PDFium's
 * module (issue 16) must add nothing at all: the package's ES-module build
 * defines some 150 warning getters on globalThis, so Node loads its CommonJS
 * entry (src/load/pdf/engines/pdfium-module.ts). Each engine runs in a fresh
 * process: the test runner's own realm has seen other code.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

const SCRIPT = `
const owners = { Array: Array.prototype, Object, ObjectProto: Object.prototype, String: String.prototype, Promise, PromiseProto: Promise.prototype,
  Uint8Array: Uint8Array.prototype, Uint8ArrayCtor: Uint8Array, ArrayBuffer: ArrayBuffer.prototype, Map: Map.prototype, Set: Set.prototype, Math, JSON, globalThis };
const snapshot = () => Object.fromEntries(Object.entries(owners).map(([k, o]) => [k, new Map(Reflect.ownKeys(o).map((p) => [String(p), Object.getOwnPropertyDescriptor(o, p)]))]));
// Node defines some globals (ReadableStream, AbortController …) as getters that become plain values when first read: read them first.
for (const p of Reflect.ownKeys(globalThis)) try { void globalThis[p]; } catch {}
const before = snapshot();
const { parseFile } = await import("./src/index.ts");
const { added } = await import("./src/load/pdf/shims.ts");
const doc = await parseFile("fixtures/pdf/seed/landscape-one.pdf", { pdf: { engine: process.env.JIXIAO_TEST_ENGINE } });
const after = snapshot();
const replaced = [], addedNow = [];
for (const [k, props] of Object.entries(after)) for (const [p, d] of props) {
  const b = before[k].get(p);
  if (!b) addedNow.push(k + "." + p);
  else if (!Object.is(b.value, d.value) || b.get !== d.get || b.set !== d.set) replaced.push(k + "." + p);
}
console.log(JSON.stringify({ forms: doc.forms.length, replaced, added: addedNow.sort(), listed: [...added()] }));
`;

describe.each(["pdfjs", "pdfium"])("reading a PDF with %s", (engine) => {
  it("replaces no global or built-in method; it only adds what Node 20 lacks, each one listed", { timeout: 60_000 }, async () => {
    const env = { ...process.env, JIXIAO_TEST_ENGINE: engine };
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], { cwd: root, env });
    const r = JSON.parse(stdout) as { forms: number; replaced: string[]; added: string[]; listed: string[] };
    expect(r.forms).toBeGreaterThan(0);
    // Array.prototype.push above all: the legacy build replaced it.
    expect(r.replaced).toEqual([]);
    // What was added is what shims.ts says it added, and pdf.js's own Math.sumPrecise, beside the libraries' named bookkeeping globals.
    const BOOKKEEPING = ["globalThis.__zod_globalConfig", "globalThis.__zod_globalRegistry", "globalThis._pdfjsTestingUtils", "globalThis.pdfjsWorker", "globalThis.pdfjsLib"];
    const own = r.added.filter((p) => !BOOKKEEPING.includes(p));
    const expected = [...r.listed.map(listedKey), ...(r.added.includes("Math.sumPrecise") ? ["Math.sumPrecise"] : [])].sort();
    expect(own).toEqual(expected);
  });
});

/** "Uint8Array.prototype.toHex" → the snapshot's key for it. */
function listedKey(label: string): string {
  const name = label.split(" ")[0]!;
  const table: Record<string, string> = {
    "Promise.withResolvers": "Promise.withResolvers", "Promise.try": "Promise.try",
    "Uint8Array.prototype.toHex": "Uint8Array.toHex", "Uint8Array.prototype.toBase64": "Uint8Array.toBase64",
    "Uint8Array.fromBase64": "Uint8ArrayCtor.fromBase64", "ArrayBuffer.prototype.transferToFixedLength": "ArrayBuffer.transferToFixedLength",
    DOMMatrix: "globalThis.DOMMatrix",
  };
  return table[name] ?? name;
}
