/**
 * The report of 1,000 forms: its size, and how long headless Chromium takes to
 * open it. Prints figures; asserts nothing (the goal is < 60 MB and < 3 s).
 *
 *   npm run build && nice -n 10 npx tsx scripts/bench-report.ts [--forms 1000] [--pdf-files 43] [--distinct] [--images png|webp] [--opens 3]
 *
 * Inputs: copies of the seed's text export (7 forms each) and of its PDF
 * (fixtures/pdf/seed/narrow.pdf, 7 forms, 8 pages), enough to make --forms.
 * A PDF copy is byte-identical unless --distinct, which appends a comment
 * after %%EOF so that every copy has its own SHA-256: the report then renders
 * every copy's pages instead of reusing one rendering, as it would for a
 * thousand different published PDFs. Each text copy has its own first line.
 *
 * "open" is from navigation start to the page's script having drawn the
 * overview (body[data-ready]), then opening one form with its page picture.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values } = parseArgs({
  options: {
    forms: { type: "string" }, "pdf-files": { type: "string" }, distinct: { type: "boolean" },
    images: { type: "string" }, opens: { type: "string" }, keep: { type: "boolean" },
  },
});
const FORMS_PER_FILE = 7;
const forms = Number(values.forms ?? 1000);
const pdfFiles = Number(values["pdf-files"] ?? 43);
const textFiles = Math.max(0, Math.ceil(forms / FORMS_PER_FILE) - pdfFiles);
const images = values.images ?? "png";
const opens = Number(values.opens ?? 3);

const root = mkdtempSync(join(tmpdir(), "jixiao-bench-report-"));
const input = join(root, "in");
mkdirSync(input);
const seed = readFileSync(new URL("../fixtures/seed/seed.txt", import.meta.url), "utf8");
const pdf = readFileSync(new URL("../fixtures/pdf/seed/narrow.pdf", import.meta.url));
for (let i = 0; i < textFiles; i++) writeFileSync(join(input, `seed-${String(i).padStart(4, "0")}.txt`), `copy ${i}\n${seed}`);
for (let i = 0; i < pdfFiles; i++) {
  const bytes = values.distinct ? Buffer.concat([pdf, Buffer.from(`%copy ${i}\n`)]) : pdf;
  writeFileSync(join(input, `narrow-${String(i).padStart(4, "0")}.pdf`), bytes);
}
const out = join(root, "report.html");
const bin = new URL("../bin/jixiao.js", import.meta.url).pathname;

console.log(`inputs: ${textFiles} text files + ${pdfFiles} PDF files (${values.distinct ? "each PDF distinct" : "identical PDFs"}) = ${(textFiles + pdfFiles) * FORMS_PER_FILE} forms; --images ${images}`);
const t0 = performance.now();
const r = spawnSync(process.execPath, [bin, "report", input, "--out", out, "--images", images], { encoding: "utf8", maxBuffer: 1 << 26 });
const writeS = (performance.now() - t0) / 1000;
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
console.log(r.stderr.trim());
const bytes = statSync(out).size;
console.log(`report: ${(bytes / 1024 / 1024).toFixed(2)} MB (goal < 60 MB), written in ${writeS.toFixed(1)} s`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const times: { ready: number; form: number }[] = [];
try {
  for (let i = 0; i < opens; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(pathToFileURL(out).href, { waitUntil: "commit" });
    await page.waitForSelector("body[data-ready]", { timeout: 120_000 });
    const ready = await page.evaluate(() => performance.now());
    // One form with its page picture: what an auditor does next.
    const t = performance.now();
    // Copies sit on one another in the chart: the click goes to the dot itself.
    await page.locator("#jx-chart circle.dot-error").first().dispatchEvent("click");
    await page.waitForFunction(() => {
      const img = document.querySelector("#jx-detail .frame img, #jx-detail pre.excerpt");
      return img !== null && (!(img instanceof HTMLImageElement) || (img.complete && img.naturalWidth > 0));
    }, undefined, { timeout: 60_000 });
    times.push({ ready, form: performance.now() - t });
    await page.close();
  }
} finally {
  await browser.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`open in headless Chromium (navigation → overview drawn): ${times.map((t) => (t.ready / 1000).toFixed(2)).join(", ")} s; median ${(median(times.map((t) => t.ready)) / 1000).toFixed(2)} s (goal < 3 s)`);
console.log(`then one form with its picture: median ${(median(times.map((t) => t.form)) / 1000).toFixed(2)} s`);
if (!values.keep) rmSync(root, { recursive: true, force: true });
else console.log(`kept ${root}`);
