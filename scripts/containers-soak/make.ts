/**
 * Writes a batch of corpus cases in every structured container, the way
 * offices make them:
 * - <name>.html: the case's HTML page (scripts/corpus/html.ts), UTF-8;
 * - <name>.chrome.gbk.html: the same forms inside page chrome, encoded as GBK
 *   and declared gb2312, as many government sites serve them;
 * - <name>.office.html: the forms as an office program saves them as a web
 *   page (office-html.ts), and <name>.office.docx, Writer's docx of that page;
 * - <name>.xlsx / .xls / .ods: the case's Calc sheet (scripts/corpus/fods.ts)
 *   converted by LibreOffice Calc, one soffice call per format for the batch;
 * - <name>.num.xlsx / .num.xls / .num.ods: the same sheet with its figures as
 *   number cells formatted to print the case's text (numeric.ts);
 * - <name>.book.xlsx / .book.xls / .book.ods: one form per sheet, off A1, with
 *   hidden rows, columns and a hidden sheet of drop-down lists (book.ts);
 * - <name>.docx / .odt: LibreOffice Writer's conversions of the HTML page.
 * - <name>.word.docx: a docx written as Word writes one (word-docx.ts).
 * And <name>.json: the case (seed, rendering, generating forms).
 */
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { caseName, type CorpusCase } from "../corpus/case.js";
import { caseFods } from "../corpus/fods.js";
import { caseHtml } from "../corpus/html.js";
import { withPageChrome } from "./chrome.js";
import { bookFods } from "./book.js";
import { wordDocx } from "./word-docx.js";
import { officeHtml } from "./office-html.js";
import { numericFods, type RateStyle } from "./numeric.js";

const run = promisify(execFile);

/** Every container a case is written in, as the file name's ending. */
export const CONTAINERS = ["html", "chrome.gbk.html", "office.html", "xlsx", "xls", "ods", "num.xlsx", "num.xls", "num.ods", "book.xlsx", "book.xls", "book.ods", "docx", "odt", "office.docx", "word.docx"] as const;
export type Container = (typeof CONTAINERS)[number];

/** LibreOffice's filter per converted container. */
const CALC: ReadonlyArray<readonly [Container, string]> = [["xlsx", "xlsx:Calc MS Excel 2007 XML"], ["xls", "xls:MS Excel 97"], ["ods", "ods:calc8"]];
const WRITER: ReadonlyArray<readonly [Container, string]> = [["docx", "docx:MS Word 2007 XML"], ["odt", "odt:writer8"]];

/** How a case's numeric sheet formats its rates: as percentages for half the seeds. */
export const rateStyle = (seed: number): RateStyle => (seed % 4 < 2 ? "percent" : "plain");

/** The case as JSON, the way the soak's files record it. */
export const caseJson = (c: CorpusCase): string => JSON.stringify(c, null, 1) + "\n";

async function soffice(args: string[], cwd: string, profile: string): Promise<void> {
  // A profile of its own, so this soffice never meets another helper's running instance.
  await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { cwd, timeout: 900_000 });
}

/** GBK bytes of a page; null when a character of it has no GBK code (then the case has no GBK page). */
async function gbk(html: string, work: string): Promise<Buffer | null> {
  const f = join(work, "gbk.utf8.html");
  await writeFile(f, html);
  try {
    const { stdout } = await run("iconv", ["-f", "UTF-8", "-t", "GBK", f], { encoding: "buffer", maxBuffer: 64 << 20 });
    return stdout;
  } catch {
    return null;
  }
}

/** Writes the cases' containers into `outDir`; returns the containers written per case name. */
export async function writeContainers(cases: CorpusCase[], outDir: string, only: readonly Container[] = CONTAINERS): Promise<Map<string, Container[]>> {
  const written = new Map<string, Container[]>();
  const work = await mkdtemp(join(tmpdir(), "jixiao-containers-soak-"));
  try {
    const profile = join(work, "profile");
    // Every Calc sheet of the batch, with the prefix its container's name takes (num.xlsx …).
    const sheets: [string, string][] = [];
    const html: string[] = [];
    const officePages: string[] = [];
    for (const c of cases) {
      const name = caseName(c.seed);
      const got: Container[] = [];
      written.set(name, got);
      await writeFile(join(outDir, `${name}.json`), caseJson(c));
      const page = caseHtml(c.forms, c.rendering);
      await writeFile(join(work, `${name}.html`), page);
      html.push(`${name}.html`);
      const sheet = caseFods(c.forms, c.rendering);
      await writeFile(join(work, `${name}.fods`), sheet);
      sheets.push(["", `${name}.fods`]);
      await writeFile(join(work, `${name}.num.fods`), numericFods(sheet, rateStyle(c.seed)));
      sheets.push(["num.", `${name}.num.fods`]);
      await writeFile(join(work, `${name}.book.fods`), bookFods(c));
      sheets.push(["book.", `${name}.book.fods`]);
      if (only.includes("html")) {
        await writeFile(join(outDir, `${name}.html`), page);
        got.push("html");
      }
      const office = officeHtml(c);
      await writeFile(join(work, `${name}.office.html`), office);
      officePages.push(`${name}.office.html`);
      if (only.includes("office.html")) {
        await writeFile(join(outDir, `${name}.office.html`), office);
        got.push("office.html");
      }
      if (only.includes("word.docx")) {
        await writeFile(join(outDir, `${name}.word.docx`), wordDocx(c));
        got.push("word.docx");
      }
      if (only.includes("chrome.gbk.html")) {
        const chrome = withPageChrome(page, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', c.forms[0]?.department ?? "某某局");
        const bytes = await gbk(chrome, work);
        if (bytes) {
          await writeFile(join(outDir, `${name}.chrome.gbk.html`), bytes);
          got.push("chrome.gbk.html");
        }
      }
    }
    for (const [ext, filter] of CALC) {
      // One soffice call per format, for every sheet of the batch that is asked for in it.
      const asked = sheets.filter(([prefix]) => only.includes(`${prefix}${ext}` as Container));
      if (asked.length === 0) continue;
      await soffice(["--convert-to", filter, "--outdir", work, ...asked.map(([, f]) => f)], work, profile);
      for (const [prefix, f] of asked) await move(work, outDir, f.slice(0, f.indexOf(".")), `${prefix}${ext}` as Container, written);
    }
    for (const [ext, filter] of WRITER) {
      if (!only.includes(ext)) continue;
      await soffice(["--infilter=HTML (StarWriter)", "--convert-to", filter, "--outdir", work, ...html], work, profile);
      for (const c of cases) await move(work, outDir, caseName(c.seed), ext, written);
    }
    if (only.includes("office.docx")) {
      await soffice(["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", work, ...officePages], work, profile);
      for (const c of cases) await move(work, outDir, caseName(c.seed), "office.docx", written);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return written;
}

/** Moves one converted file out of the work folder; a file soffice did not write is reported, not skipped silently. */
async function move(work: string, outDir: string, name: string, ext: Container, written: Map<string, Container[]>): Promise<void> {
  try {
    await copyFile(join(work, `${name}.${ext}`), join(outDir, `${name}.${ext}`));
    written.get(name)!.push(ext);
  } catch {
    console.error(`containers-soak: soffice wrote no ${name}.${ext}`);
  }
}
