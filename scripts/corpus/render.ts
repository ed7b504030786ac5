/**
 * Prints corpus cases to PDF, and each PDF to its `pdftotext -layout` text:
 * Chromium (playwright-core driving Debian's /usr/bin/chromium) for the HTML
 * cases, LibreOffice (`soffice --headless --convert-to pdf`, one call for
 * all the .fods and .fodt of a batch) for the spreadsheet cases (Calc) and
 * the word-processor cases (Writer).
 *
 * Writes, per case, <name>.json (seed, rendering, generating forms),
 * <name>.pdf and <name>.layout.txt into the output folder.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { nameOf, type CorpusCase } from "./case.js";
import { caseFods } from "./fods.js";
import { caseFodt } from "./fodt.js";
import { caseHtml } from "./html.js";
import { MARGIN } from "./page.js";

const run = promisify(execFile);

/** The flags scripts/pdf-fixtures uses: no network, no GPU, no first-run work. */
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/**
 * Pins what a producer stamps from the clock (same byte length, so xref
 * offsets stay valid): the dates, and Calc's document /ID and /DocChecksum, which it
 * hashes from the time, replaced by a hash of the rest of the file. A re-run
 * then shows only real changes.
 */
function pinDates(pdf: Buffer): Buffer {
  const dated = pdf.toString("latin1").replace(/\/(CreationDate|ModDate)\s*\(D:(\d{14})([^)]*)\)/g, (m, _k, d: string, tz: string) =>
    m.replace(d, "20240101000000").replace(tz, tz.replace(/\d/g, "0")));
  // The /ID pair and Calc's /DocChecksum, both hashed from the clock.
  const STAMPS = /(\/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\])|(\/DocChecksum\s*\/[0-9A-Fa-f]+)/g;
  const blank = dated.replace(STAMPS, (m) => m.replace(/[0-9A-Fa-f]{8,}/g, (h) => "0".repeat(h.length)));
  const digest = createHash("sha256").update(blank, "latin1").digest("hex").toUpperCase();
  const s = dated.replace(STAMPS, (m) => m.replace(/[0-9A-Fa-f]{8,}/g, (h) => digest.slice(0, h.length).padEnd(h.length, "0")));
  return Buffer.from(s, "latin1");
}

const FURNITURE = "font-family:'WenQuanYi Zen Hei'; font-size:8pt; width:100%; color:#333;";

async function printChromium(browser: Browser, c: CorpusCase, out: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setContent(caseHtml(c.forms, c.rendering), { waitUntil: "load" });
    // Fonts load asynchronously; printing before they are ready would fall back to another face.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const o = c.rendering;
    const dept = c.forms[0]?.department ?? "";
    const pdf = await page.pdf({
      format: "A4",
      landscape: o.landscape,
      margin: { top: `${MARGIN.top}mm`, right: `${MARGIN.right}mm`, bottom: `${MARGIN.bottom}mm`, left: `${MARGIN.left}mm` },
      printBackground: true,
      displayHeaderFooter: o.furniture,
      ...(o.furniture
        ? {
            headerTemplate: `<div style="${FURNITURE} margin:0 ${MARGIN.left}mm;">${dept} 项目支出绩效自评结果</div>`,
            footerTemplate: `<div style="${FURNITURE} text-align:center;">- <span class="pageNumber"></span> -</div>`,
          }
        : {}),
    });
    await writeFile(out, pinDates(pdf));
  } finally {
    await page.close();
  }
}

async function layoutText(pdf: string): Promise<void> {
  await run("pdftotext", ["-layout", pdf, pdf.replace(/\.pdf$/, ".layout.txt")]);
}

/** A LibreOffice case's source: .fods for Calc, .fodt for Writer. */
function officeSource(c: CorpusCase): [ext: string, text: string] {
  return c.rendering.renderer === "writer" ? ["fodt", caseFodt(c.forms, c.rendering)] : ["fods", caseFods(c.forms, c.rendering)];
}

/** Renders the cases into `outDir`. Producers may be mixed; LibreOffice runs once for all of its cases. */
export async function renderCases(cases: CorpusCase[], outDir: string): Promise<void> {
  const web = cases.filter((c) => c.rendering.renderer === "chromium");
  const office = cases.filter((c) => c.rendering.renderer !== "chromium");
  for (const c of cases) {
    await writeFile(join(outDir, `${nameOf(c)}.json`), JSON.stringify(c, null, 1) + "\n");
  }
  if (web.length > 0) {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    try {
      for (const c of web) await printChromium(browser, c, join(outDir, `${nameOf(c)}.pdf`));
    } finally {
      await browser.close();
    }
  }
  if (office.length > 0) {
    const tmp = await mkdtemp(join(tmpdir(), "jixiao-corpus-office-"));
    try {
      const files: string[] = [];
      for (const c of office) {
        const [ext, text] = officeSource(c);
        const f = join(tmp, `${nameOf(c)}.${ext}`);
        await writeFile(f, text);
        files.push(f);
      }
      // A profile of its own, so this soffice never meets another user's running instance.
      await run("soffice", [`-env:UserInstallation=file://${join(tmp, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", tmp, ...files], {
        timeout: 600_000,
      });
      for (const c of office) {
        const name = nameOf(c);
        await writeFile(join(outDir, `${name}.pdf`), pinDates(await readFile(join(tmp, `${name}.pdf`))));
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
  for (const c of cases) await layoutText(join(outDir, `${nameOf(c)}.pdf`));
}

/** Also writes a case's .fods, .fodt or .html source, for looking at a failing seed in the producer itself. */
export async function writeSource(c: CorpusCase, outDir: string): Promise<string> {
  const name = nameOf(c);
  const [ext, text] = c.rendering.renderer === "chromium" ? ["html", caseHtml(c.forms, c.rendering)] : officeSource(c);
  const f = join(outDir, `${name}.${ext}`);
  await writeFile(f, text);
  return f;
}
