/**
 * `jixiao/browser` (src/core.ts) reads a PDF with either engine when given
 * what a browser would give it: pdf.js's CMaps and fonts as URLs, and
 * PDFium's wasm as a URL (fetched, here from a local HTTP server) or as
 * bytes. The Documents equal those of the Node entry.
 *
 * PDFium's module is loaded once per worker, so this file starts with the
 * URL (its first load) and checks the bytes form through a fresh module.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { describeDiffs, documentDiff } from "../../../scripts/pdf-engines/diff.js";
import { parseBytes } from "../../../src/core.js";
import { parseFile } from "../../../src/files.js";

const require = createRequire(import.meta.url);
const WASM = readFileSync(require.resolve("@embedpdf/pdfium/pdfium.wasm"));
const PDFJS = dirname(require.resolve("pdfjs-dist/package.json"));
const FILE = fileURLToPath(new URL("../../../fixtures/pdf/seed/narrow-one.pdf", import.meta.url));
const bytes = () => new Uint8Array(readFileSync(FILE));

let server: Server;
let base = "";
const fetched: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    fetched.push(req.url ?? "");
    if (req.url === "/pdfium.wasm") {
      res.writeHead(200, { "content-type": "application/wasm" });
      res.end(WASM);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

function same(a: unknown, b: unknown): void {
  const diffs = documentDiff(a, b, 0.5, 20);
  expect(diffs, describeDiffs("narrow-one.pdf", diffs)).toEqual([]);
}

describe("jixiao/browser reads a PDF", () => {
  it("with PDFium, its wasm fetched from a URL", async () => {
    const doc = await parseBytes(bytes(), { source: FILE, pdf: { engine: "pdfium", pdfiumWasm: `${base}/pdfium.wasm` } });
    expect(fetched).toEqual(["/pdfium.wasm"]);
    expect(doc.forms).toHaveLength(1);
    same(await parseFile(FILE, { pdf: { engine: "pdfjs" } }), doc);
  });

  it("refuses wasm bytes that are not PDFium, naming the option", async () => {
    vi.resetModules();
    const fresh = (await import("../../../src/core.js")) as typeof import("../../../src/core.js");
    const e = await fresh.parseBytes(bytes(), { source: FILE, pdf: { engine: "pdfium", pdfiumWasm: new Uint8Array([0, 97, 115, 109]) } }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "pdf.unsupported", message: expect.stringMatching(/PDFium's WebAssembly could not be loaded .*pdfiumWasm/) });
  });

  it("with PDFium, its wasm given as bytes", async () => {
    vi.resetModules();
    const fresh = (await import("../../../src/core.js")) as typeof import("../../../src/core.js");
    const doc = await fresh.parseBytes(bytes(), { source: FILE, pdf: { engine: "pdfium", pdfiumWasm: new Uint8Array(WASM) } });
    expect(fetched).toEqual(["/pdfium.wasm"]);
    same(await parseFile(FILE, { pdf: { engine: "pdfjs" } }), doc);
  });

  it("with pdf.js, its CMaps and fonts given as locations", async () => {
    const pdf = { engine: "pdfjs" as const, cMapUrl: join(PDFJS, "cmaps") + "/", standardFontDataUrl: join(PDFJS, "standard_fonts") + "/" };
    const doc = await parseBytes(bytes(), { source: FILE, pdf });
    expect(doc.forms).toHaveLength(1);
    same(await parseFile(FILE, { pdf: { engine: "pdfium" } }), doc);
  });
});
