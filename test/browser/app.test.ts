import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/run.js";
import { launchChromium } from "./chromium.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = join(root, "test-output", "browser");
const built = mkdtempSync(join(tmpdir(), "jixiao-app-"));
const ORIGIN = "http://localhost:9";
const PDF = "fixtures/pdf/seed/narrow.pdf";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css" };

let browser: Browser;
let page: Page;
const outside: string[] = [];

beforeAll(async () => {
  // The app as `npm run app:build` makes it, into a folder of its own.
  await build({ configFile: join(root, "app/vite.config.ts"), logLevel: "silent", build: { outDir: built, emptyOutDir: true } });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  context.setDefaultTimeout(60_000);
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
  it("reads the seed PDF in the browser: 7 forms, form 6 with its 3 errors and the total.sum outline", async () => {
    await page.setInputFiles("#files", join(root, PDF));
    await page.waitForSelector('#status[data-forms="7"]');
    const report = page.frameLocator("#report");
    await report.locator("body[data-ready]").waitFor({ state: "attached" });
    expect(await report.locator("#jx-body").getAttribute("data-rows")).toBe("7");
    await report.locator(".vt-row").nth(5).click();
    await report.locator("#jx-detail h2").waitFor();
    expect(await report.locator("#jx-detail h2").textContent()).toContain("未来公园展厅运营项目");
    expect(await report.locator("#jx-detail section[data-severity=error] .finding").count()).toBe(3);
    const card = report.locator('.finding[data-rule="total.sum"]');
    await card.scrollIntoViewIfNeeded();
    await card.locator(".frame img").waitFor();
    expect(await card.locator(".frame rect").count()).toBe(1);
    await page.screenshot({ path: join(outDir, "app-form6.png") });
  });

  it("exports the CSV the CLI writes", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#csv")]);
    const fromApp = readFileSync((await download.path())!, "utf8");
    const cli = await run("parse", join(root, PDF), "--format", "csv");
    expect(cli.code).toBe(0);
    // The app names the file by its name; the CLI by the path it was given.
    expect(fromApp).toBe(cli.out.split(join(root, PDF)).join("narrow.pdf"));
  });

  it("takes the seed text dropped onto the page, beside the PDF", async () => {
    const text = readFileSync(join(root, "fixtures/seed/seed.txt"), "utf8");
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], "seed.txt", { type: "text/plain" }));
      document.getElementById("drop")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector('#status[data-forms="14"]');
    expect(await page.frameLocator("#report").locator("#jx-chart circle").count()).toBe(14);
  });

  it("made no request outside its own origin", () => {
    expect(outside).toEqual([]);
  });
});
