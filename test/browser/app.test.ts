import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import * as XLSX from "@e965/xlsx";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Document, Form } from "../../src/core.js";
import { run } from "../cli/run.js";
import { launchChromium } from "./chromium.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = join(root, "test-output", "browser");
const built = mkdtempSync(join(tmpdir(), "jixiao-app-"));
const ORIGIN = "http://localhost:9";
const PDF = "fixtures/pdf/seed/narrow.pdf";
const TEXT = "fixtures/seed/seed.txt";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

let browser: Browser;
let page: Page;
const outside: string[] = [];

/** The CLI's reading of a file, to compare the page with. */
/** The CLI's Document, read with the engine the app uses (pdf.js, which also draws its page view). */
async function cliDoc(path: string): Promise<Document> {
  const r = await run("parse", join(root, path), "--format", "json", "--engine", "pdfjs");
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as Document[])[0]!;
}

/** The bbox the finding points at: its own, else its path's provenance. */
function findingBbox(form: Form, rule: string): [number, number, number, number] {
  const f = form.verification!.findings.find((x) => x.rule === rule)!;
  const b = f.where.bbox ?? form.provenance[f.where.path!]!.bbox;
  expect(b).toBeDefined();
  return b!;
}

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  // The app as `npm run app:build` makes it, into a folder of its own.
  await build({ configFile: join(root, "app/vite.config.ts"), logLevel: "silent", build: { outDir: built, emptyOutDir: true } });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  context.setDefaultTimeout(90_000);
  // A static host: the built folder, and nothing else.
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      outside.push(url.href);
      return route.abort();
    }
    const file = normalize(join(built, url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname)));
    if (!file.startsWith(built)) return route.fulfill({ status: 404 });
    try {
      return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? "application/octet-stream", body: readFileSync(file) });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.waitForSelector("body[data-ready]", { state: "attached" });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(built, { recursive: true, force: true });
});

describe("the offline app (app/, built with Vite)", () => {
  it("reads the seed PDF in a worker: 7 forms, and form 6 with its 3 errors", async () => {
    await page.setInputFiles("#files", join(root, PDF));
    await page.waitForSelector('#status[data-forms="7"]');
    expect(await page.locator("#forms li").count()).toBe(7);
    expect(await page.locator("#chart circle").count()).toBe(7);
    await page.locator('#forms li[data-form="5"]').click();
    await page.waitForSelector('#page[data-ready="5"]');
    expect(await page.locator("#form-title").textContent()).toContain("未来公园展厅运营项目");
    expect(await page.locator('#panel [data-severity="error"] .finding').count()).toBe(3);
    expect(await page.locator('#panel [data-severity="error"] .finding[data-rule="total.sum"]').count()).toBe(1);
  });

  it("outlines total.sum on the page view, on the 总分 row's bbox", async () => {
    const form = (await cliDoc(PDF)).forms[5]!;
    const bbox = findingBbox(form, "total.sum");
    const canvas = page.locator(`#page canvas[data-page="${form.verification!.findings.find((x) => x.rule === "total.sum")!.where.page}"]`);
    const scale = Number(await canvas.getAttribute("data-scale"));
    const view = (await canvas.getAttribute("data-view"))!.split(",").map(Number);
    const c = (await canvas.boundingBox())!;
    const outline = (await page.locator('#page .finding-box[data-rule="total.sum"]').boundingBox())!;
    // PDF user space (origin bottom-left) to the canvas's CSS pixels.
    const want = { x: c.x + (bbox[0] - view[0]!) * scale, y: c.y + (view[3]! - bbox[3]) * scale, width: (bbox[2] - bbox[0]) * scale, height: (bbox[3] - bbox[1]) * scale };
    for (const k of ["x", "y", "width", "height"] as const) expect(Math.abs(outline[k] - want[k])).toBeLessThan(1.5);
    expect(await page.locator('#page .finding-box[data-rule="total.sum"]').getAttribute("class")).toContain("error");
    await page.screenshot({ path: join(outDir, "app-form6.png") });
  });

  it("clicking a cell on the page shows its field, value and provenance, and selects it in the panel", async () => {
    const form = (await cliDoc(PDF)).forms[5]!;
    await page.locator('#page .cell[data-path="total.score"]').click();
    expect(await page.locator("#info .field").textContent()).toContain("total.score");
    expect(await page.locator("#info .value").textContent()).toContain(form.total.score!);
    const p = form.provenance["total.score"]!;
    const words = (await page.locator("#info .provenance").textContent())!;
    expect(words).toContain(`第 ${p.page} 页`);
    expect(words).toContain(`bbox [${p.bbox!.map((n) => n.toFixed(1)).join(", ")}]`);
    expect(await page.locator('#panel .value[data-path="total.score"]').getAttribute("class")).toContain("selected");
    // And the other way: a value in the panel outlines its cell on the page.
    await page.locator('#panel .value[data-path="projectName"]').click();
    expect(await page.locator('#page .cell[data-path="projectName"]').getAttribute("class")).toContain("selected");
    expect(await page.locator("#info .value").textContent()).toContain(form.projectName!);
    await page.screenshot({ path: join(outDir, "app-picked.png") });
  });

  it("exports the CSV the CLI writes", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
    const fromApp = readFileSync((await download.path())!, "utf8");
    const cli = await run("parse", join(root, PDF), "--format", "csv", "--engine", "pdfjs");
    expect(cli.code).toBe(0);
    // The app names the file by its name; the CLI by the path it was given.
    expect(fromApp).toBe(cli.out.split(join(root, PDF)).join("narrow.pdf"));
  });

  it("exports an XLSX that reads back with the CSV's rows, amounts as text", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#xlsx")]);
    const book = XLSX.read(readFileSync((await download.path())!), { type: "buffer" });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true, defval: "" });
    const cli = await run("parse", join(root, PDF), "--format", "csv", "--engine", "pdfjs");
    const csv = cli.out.replace(/^\uFEFF/, "").split(join(root, PDF)).join("narrow.pdf");
    const want = XLSX.utils.sheet_to_json<string[]>(XLSX.read(csv, { type: "string", raw: true }).Sheets.Sheet1!, { header: 1, raw: true, defval: "" });
    expect(rows.length).toBeGreaterThan(7);
    expect(rows).toEqual(want);
    // Every cell is text: a decimal such as 0.10 keeps its printed digits.
    const cells = Object.keys(sheet).filter((k) => !k.startsWith("!"));
    expect(cells.every((k) => (sheet[k] as XLSX.CellObject).t === "s")).toBe(true);
  });

  it("takes the seed text dropped onto the page, beside the PDF, and marks its cells in the lines", async () => {
    const text = readFileSync(join(root, TEXT), "utf8");
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], "seed.txt", { type: "text/plain" }));
      document.getElementById("drop")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector('#status[data-forms="14"]');
    expect(await page.locator("#chart circle").count()).toBe(14);
    const form = (await cliDoc(TEXT)).forms[5]!;
    await page.locator('#forms li[data-form="12"]').click();
    await page.waitForSelector('#page[data-ready="12"]');
    const f = form.verification!.findings.find((x) => x.rule === "total.sum")!;
    const p = form.provenance[f.where.path!]!;
    const mark = page.locator(`#page .line[data-line="${p.line}"] .finding-box.error`).filter({ has: page.locator(`xpath=self::*[contains(@data-rule, "total.sum")]`) });
    expect(await mark.count()).toBe(1);
    // Its span is the tab cell the provenance names.
    expect(await mark.textContent()).toBe(text.split(/\r?\n/)[p.line! - 1]!.split("\t")[p.cell!]);
    await mark.click();
    expect(await page.locator("#info .provenance").textContent()).toContain(`第 ${p.line} 行`);
    await page.screenshot({ path: join(outDir, "app-seed-text.png") });
  });

  it("made no request outside its own origin", () => {
    expect(outside).toEqual([]);
  });
});
