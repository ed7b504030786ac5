/**
 * Generates the flattened-text fixtures under fixtures/flat/ (see
 * fixtures/README.md, "Flattened text"): the seed's seven forms as text
 * whose cell boundaries are lost, three ways:
 *
 * - `<style>.pdftotext.txt`: `pdftotext` without `-layout` on fixtures/pdf/seed/<style>.pdf;
 * - `<style>.viewer.txt`: what a PDF viewer's select-all-copy gives: pdf.js
 *   `getTextContent` items in content-stream order, each item's text followed
 *   by a line break where pdf.js marks `hasEOL` (as pdf.js's own viewer copies);
 * - `browser.txt`: Chromium's `document.body.innerText` of the HTML rendering
 *   of fixtures/seed/expected.json (scripts/pdf-fixtures/html.ts, the landscape
 *   style): what select-all + copy puts on the clipboard (Chromium separates
 *   table cells with tabs, so this one is read as a tab export);
 * - `browser.spaces.txt`: that copy pasted where tabs do not survive, every
 *   run of tabs one space.
 *
 * - `variants/<name>.viewer.txt`: the viewer copy of every fixtures/variants PDF.
 *
 *   npx tsx scripts/flat-fixtures/generate.ts
 *
 * Needs Debian's chromium (driven by playwright-core) and poppler-utils.
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { readDescription } from "../pdf-fixtures/description.js";
import { documentHtml, STYLES } from "../pdf-fixtures/html.js";
import { viewerCopy } from "./viewer-copy.js";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const pdfDir = join(root, "fixtures/pdf/seed");
const outDir = join(root, "fixtures/flat");

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

async function browserCopy(): Promise<string> {
  const { forms } = await readDescription(join(root, "fixtures/seed/expected.json"));
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(documentHtml(forms, "landscape", "项目支出绩效自评表"), { waitUntil: "load" });
    return await page.evaluate(() => document.body.innerText);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  for (const style of STYLES) {
    const pdf = join(pdfDir, `${style}.pdf`);
    await run("pdftotext", [pdf, join(outDir, `${style}.pdftotext.txt`)]);
    await writeFile(join(outDir, `${style}.viewer.txt`), await viewerCopy(pdf));
    console.log(`wrote ${style}`);
  }
  // Every variant PDF (fixtures/variants/<family>/<name>.pdf) as a viewer copies it.
  const variants = join(root, "fixtures/variants");
  await mkdir(join(outDir, "variants"), { recursive: true });
  for (const rel of (await readdir(variants, { recursive: true, encoding: "utf8" })).filter((f) => f.endsWith(".pdf")).sort()) {
    await writeFile(join(outDir, "variants", rel.replace(/^.*\//, "").replace(/\.pdf$/, ".viewer.txt")), await viewerCopy(join(variants, rel)));
  }
  const browser = await browserCopy();
  await writeFile(join(outDir, "browser.txt"), browser);
  // The same copy pasted where tabs do not survive (a plain-text field, a chat,
  // an editor that turns tabs into spaces): cells joined by single spaces.
  await writeFile(join(outDir, "browser.spaces.txt"), browser.replace(/[ \t]*\t[ \t]*/g, " ").replace(/ +$/gm, ""));
  console.log(`wrote fixtures to ${outDir}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
