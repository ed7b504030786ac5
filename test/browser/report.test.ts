import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFile } from "../../src/files.js";
import { run } from "../cli/run.js";
import { launchChromium } from "./chromium.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = join(root, "test-output", "browser");
const report = join(outDir, "report.html");
const SEED = "fixtures/seed/seed.txt";
const PDF = "fixtures/pdf/seed/narrow.pdf";

interface Expected { form: string; rule: string; severity: string; path: string }
// Hand-checked findings of the seed (fixtures/README.md), not the program's output.
const expected = JSON.parse(readFileSync(join(root, "fixtures/seed/expected-findings.json"), "utf8")) as Expected[];
const projects = (JSON.parse(readFileSync(join(root, "fixtures/seed/expected.json"), "utf8")) as { forms: { projectName: string }[] }).forms.map((f) => f.projectName);

let browser: Browser;
let page: Page;
const outside: string[] = [];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  const r = await run("report", join(root, SEED), join(root, PDF), "--out", report, "--lang", "en");
  expect(r.err).toMatch(/wrote .*report\.html: [\d.]+ MB .*2 files, 14 forms/);
  expect(r.code).toBe(0);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  // Everything that is not the file itself is refused, and remembered.
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith("file://")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  page.on("request", (req) => { if (!req.url().startsWith("file://") && !req.url().startsWith("data:")) outside.push(req.url()); });
  await page.goto(pathToFileURL(report).href);
  await page.waitForSelector("body[data-ready]");
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a form by clicking its row in the overview (the overview is virtualised: the row is scrolled to first). */
async function openForm(file: string, n: number): Promise<void> {
  await page.fill("#jx-filter", "");
  await page.fill("#jx-filter", file);
  const row = page.locator(".vt-row").filter({ has: page.locator("span:nth-child(2)", { hasText: new RegExp(`^${n}$`) }) }).first();
  await row.click();
  // The previous form's heading is already there: wait for this form's, or the checks read the last one.
  await page.waitForFunction((want) => document.querySelector("#jx-detail h2")?.textContent?.startsWith(want) ?? false, `form ${n} ·`);
}

describe("report.html in Chromium, from a file:// URL", () => {
  it("lists every form of both inputs in the overview and draws a dot for each", async () => {
    expect(await page.getAttribute("#jx-body", "data-rows")).toBe("14");
    expect(await page.locator("#jx-chart circle").count()).toBe(14);
    await page.screenshot({ path: join(outDir, "overview.png") });
  });

  it("shows the seed's hand-checked findings, form by form, for the text export and the PDF", async () => {
    for (const file of [SEED, PDF]) {
      expect(projects).toHaveLength(7);
      for (const [i, name] of projects.entries()) {
        await openForm(file, i + 1);
        expect(await page.textContent("#jx-detail h2")).toContain(name);
        const shown = await page.$$eval("#jx-detail .finding", (els) => els.map((e) => `${e.getAttribute("data-severity")} ${e.getAttribute("data-rule")} ${e.getAttribute("data-path") ?? ""}`));
        const want = expected.filter((x) => x.form === name).map((x) => `${x.severity} ${x.rule} ${x.path ?? ""}`);
        expect(shown.sort(), `${file} form ${i + 1}`).toEqual(want.sort());
      }
    }
  });

  it("form 6 of the PDF: 3 errors, each with its page picture; the total.sum outline lies on the 总分 row's bbox", async () => {
    await openForm(PDF, 6);
    expect(await page.locator("#jx-detail section[data-severity=error] .finding").count()).toBe(3);
    const card = page.locator('.finding[data-rule="total.sum"]');
    await card.scrollIntoViewIfNeeded();
    const img = card.locator(".frame img");
    await img.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll(".finding[data-rule='total.sum'] img")].every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
    await card.screenshot({ path: join(outDir, "form6-total-sum.png") });

    // Where the value was read, from the parser's own provenance (not from the report).
    const doc = await parseFile(join(root, PDF));
    const form = doc.forms[5]!;
    const bbox = form.provenance["total.score"]!.bbox!;
    const scoreRow = form.provenance["total.weight"]!.bbox!;
    expect(form.provenance["total.score"]!.page).toBe(await card.locator(".frame").getAttribute("data-page").then(Number));
    const frame = await card.locator(".frame").evaluate((f) => ({ crop: f.getAttribute("data-crop")!.split(",").map(Number), scale: Number(f.getAttribute("data-scale")), width: Number(f.getAttribute("data-width")) }));
    const ib = (await img.boundingBox())!;
    const rb = (await card.locator(".frame rect").boundingBox())!;
    const k = ib.width / frame.width; // displayed pixels per picture pixel
    // PDF user space (origin bottom-left) → picture pixels: x from the crop's left, y down from its top.
    const px = (x: number) => ib.x + (x - frame.crop[0]!) * frame.scale * k;
    const py = (y: number) => ib.y + (frame.crop[3]! - y) * frame.scale * k;
    const tol = 2 * k + 0.5; // the crop is cut at whole pixels
    expect(Math.abs(rb.x - px(bbox[0]))).toBeLessThan(tol);
    expect(Math.abs(rb.x + rb.width - px(bbox[2]))).toBeLessThan(tol);
    expect(Math.abs(rb.y - py(bbox[3]))).toBeLessThan(tol);
    expect(Math.abs(rb.y + rb.height - py(bbox[1]))).toBeLessThan(tol);
    // The 总分 row: the outline spans the same band as the row's weight cell, right of it.
    expect(Math.abs(rb.y - py(scoreRow[3]))).toBeLessThan(tol);
    expect(rb.x).toBeGreaterThanOrEqual(px(scoreRow[2]) - tol);
  });

  it("a finding links to its row in the form's table view, marked with its severity", async () => {
    await openForm(SEED, 6);
    await page.locator('.finding[data-rule="total.sum"] a').click();
    const row = page.locator("tr.target");
    await expect.poll(() => row.getAttribute("data-key")).toBe("total");
    expect(await row.getAttribute("class")).toContain("has-error");
    expect(await row.textContent()).toContain("85.27");
    // The text export has no page: its lines are shown, the value's cell marked.
    expect(await page.locator('.finding[data-rule="total.sum"] pre.excerpt .mark .cell').textContent()).toBe("85.27");
    await page.screenshot({ path: join(outDir, "seed-form6-table.png"), fullPage: true });
  });

  it("sorts and filters the overview", async () => {
    await page.fill("#jx-filter", "");
    await page.locator('#jx-head span[data-key="score"]').click();
    const first = await page.locator(".vt-row").first().locator("span:nth-child(7)").textContent();
    expect(first).toBe("85.27");
    await page.selectOption("#jx-sev", "error");
    expect(await page.getAttribute("#jx-body", "data-rows")).toBe("2");
    await page.selectOption("#jx-sev", "");
  });

  it("asked nothing of any network", () => {
    expect(outside).toEqual([]);
  });
});
