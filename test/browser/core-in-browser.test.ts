import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFile } from "../../src/files.js";
import { launchChromium } from "./chromium.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pdfjsDir = join(root, "node_modules/pdfjs-dist");
const pdfiumWasm = join(root, "node_modules/@embedpdf/pdfium/dist/pdfium.wasm");
// localhost is a secure context (crypto.subtle for the sha256), and every request to it is answered here: no server, no network.
const ORIGIN = "http://localhost:9";

let browser: Browser;
let page: Page;
const outside: string[] = [];
const served: string[] = [];

beforeAll(async () => {
  const bundle = await build({
    absWorkingDir: root, entryPoints: ["test/browser/page/app.ts"], bundle: true, platform: "browser", format: "esm",
    write: false, logLevel: "silent",
  });
  const files: Record<string, () => { body: Buffer | string; type: string }> = {
    "/": () => ({ body: `<!doctype html><meta charset="utf-8"><body><script type="module" src="/app.js"></script></body>`, type: "text/html" }),
    "/app.js": () => ({ body: bundle.outputFiles[0]!.text, type: "text/javascript" }),
    "/pdfjs/pdf.worker.mjs": () => ({ body: readFileSync(join(pdfjsDir, "build/pdf.worker.mjs")), type: "text/javascript" }),
    "/seed.txt": () => ({ body: readFileSync(join(root, "fixtures/seed/seed.txt")), type: "text/plain" }),
    "/narrow.pdf": () => ({ body: readFileSync(join(root, "fixtures/pdf/seed/narrow.pdf")), type: "application/pdf" }),
    "/pdfium/pdfium.wasm": () => ({ body: readFileSync(pdfiumWasm), type: "application/wasm" }),
  };
  browser = await launchChromium();
  const context = await browser.newContext();
  context.setDefaultTimeout(30_000);
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      outside.push(url.href);
      return route.abort();
    }
    served.push(url.pathname);
    const file = files[url.pathname];
    if (file) return route.fulfill({ status: 200, contentType: file().type, body: file().body });
    const asset = /^\/pdfjs\/(cmaps|standard_fonts)\/([\w.-]+)$/.exec(url.pathname);
    if (asset) return route.fulfill({ status: 200, contentType: "application/octet-stream", body: readFileSync(join(pdfjsDir, asset[1]!, asset[2]!)) });
    return route.fulfill({ status: 404, body: "not found" });
  });
  page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.waitForSelector("body[data-ready]", { state: "attached" });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

type Parsed = { kind: string; sha256: string; forms: { project: string | null; total: string | null; totalScoreBbox: number[] | null; findings: string[] }[] };
const parseIn = (url: string, engine: "pdfjs" | "pdfium" = "pdfjs") =>
  page.evaluate(([u, e]) => (globalThis as unknown as { jixiaoParse: (u: string, e: string) => Promise<Parsed> }).jixiaoParse(u, e), [url, engine] as const);

/** The seed's narrow PDF as read in the browser against the same engine in Node: the same forms, the same boxes, form 6's three errors. */
async function expectSameAsNode(inBrowser: Parsed, engine: "pdfjs" | "pdfium"): Promise<void> {
  const inNode = await parseFile(join(root, "fixtures/pdf/seed/narrow.pdf"), { verify: {}, pdf: { engine } });
  expect(inBrowser.kind).toBe("pdf");
  expect(inBrowser.sha256).toBe(inNode.source.sha256);
  expect(inBrowser.forms.map((f) => f.project)).toEqual(inNode.forms.map((f) => f.projectName));
  expect(inBrowser.forms[5]!.total).toBe("85.27");
  expect(inBrowser.forms[5]!.totalScoreBbox).toEqual(inNode.forms[5]!.provenance["total.score"]!.bbox);
  expect(inBrowser.forms[5]!.findings.filter((f) => f.startsWith("error"))).toHaveLength(3);
}

describe("jixiao/browser, bundled with esbuild, in Chromium", () => {
  it("reads the seed's text export: 7 forms, form 6 with its 3 errors", async () => {
    const doc = await parseIn("/seed.txt");
    expect(doc.kind).toBe("text-tsv");
    expect(doc.forms).toHaveLength(7);
    expect(doc.forms[5]!.project).toBe("未来公园展厅运营项目");
    expect(doc.forms[5]!.findings.filter((f) => f.startsWith("error")).sort()).toEqual(["error total.missing-row", "error total.sum", "error weights.total"]);
  });

  it("reads the seed PDF through pdf.js's worker with the served CMaps: the same forms and provenance as in Node", async () => {
    await expectSameAsNode(await parseIn("/narrow.pdf"), "pdfjs");
    // pdf.js really ran in its worker, and fetched its assets from the app.
    expect(served).toContain("/pdfjs/pdf.worker.mjs");
  });

  it("a PDF without cMapUrl and standardFontDataUrl is refused with a UsageError naming both, not a stack trace from node:", async () => {
    const r = await page.evaluate((u) => (globalThis as unknown as { jixiaoWithoutAssets: (u: string) => Promise<string> }).jixiaoWithoutAssets(u), "/narrow.pdf");
    expect(r).toMatch(/^UsageError usage\.options: .*pdf\.cMapUrl and pdf\.standardFontDataUrl/);
  });

  // Before any PDFium read: the module, once loaded, serves the page without the option.
  it("the default engine, PDFium, without pdf.pdfiumWasm: a UsageError naming it and the pdf.js choice", async () => {
    const r = await page.evaluate((u) => (globalThis as unknown as { jixiaoDefaultWithoutWasm: (u: string) => Promise<string> }).jixiaoDefaultWithoutWasm(u), "/narrow.pdf");
    expect(r).toMatch(/^UsageError usage\.options: .*pdf\.pdfiumWasm.*pdf\.engine "pdfjs"/);
  });

  it("reads the seed PDF with PDFium, its wasm fetched from the app by URL: the same forms and provenance as in Node", async () => {
    await expectSameAsNode(await parseIn("/narrow.pdf", "pdfium"), "pdfium");
    expect(served).toContain("/pdfium/pdfium.wasm");
  });

  it("made no request outside its own origin", () => {
    expect(outside).toEqual([]);
  });
});
