/**
 * Generates the PDF fixtures under fixtures/pdf/ (see fixtures/README.md, "PDF
 * fixtures"). The PDFs are committed, so tests and CI never need a renderer;
 * run this only to change them:
 *
 *   npx tsx scripts/pdf-fixtures/generate.ts [--description fixtures/seed/expected.json] [--out fixtures/pdf]
 *   npx tsx scripts/pdf-fixtures/generate.ts --variants [fixtures/variants]
 *
 * The second form renders every variant text (fixtures/variants/<family>/<name>.txt)
 * to <name>.pdf beside it, with its layout kept cell for cell (grid.ts).
 *
 * Needs Debian's chromium (driven by playwright-core, never a downloaded
 * browser), fonts-noto-cjk, poppler-utils (pdftotext, pdftoppm), qpdf and
 * python3-reportlab (run with /usr/bin/python3, which sees Debian's packages).
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { readDescription, type FormDescription } from "./description.js";
import { gridHtml, type GridOptions } from "./grid.js";
import { documentHtml, NOTO_FONTS, pageSetup, STYLES, type PageSetup, type Style } from "./html.js";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

/** The short form every style also gets on its own, and the bad PDFs are made of. */
const SINGLE_FORM = "信息化建设项目";

/** Flags that keep a headless chromium from reaching for the network or a GPU. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Chromium stamps every PDF with the time it was made. Pinning the stamp (same
 * byte length, so the xref offsets stay right) makes a re-run without changes
 * produce identical files, so git shows only real differences.
 */
function pinDates(pdf: Buffer): Buffer {
  const s = pdf.toString("latin1").replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (_m, key: string, _d, tz: string) => {
    const fixed = "20240101000000";
    return `/${key} (D:${fixed}${tz.replace(/\d/g, "0")})`;
  });
  return Buffer.from(s, "latin1");
}

async function renderPdf(browser: Browser, html: string, style: Style | PageSetup, runningHeader: string, out: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    // Fonts load asynchronously; printing before they are ready would fall back to a different face.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const setup = typeof style === "string" ? pageSetup(style, runningHeader) : style;
    const furniture = setup.headerTemplate !== undefined || setup.footerTemplate !== undefined;
    const pdf = await page.pdf({
      format: "A4",
      landscape: setup.landscape,
      margin: setup.margin,
      printBackground: true,
      displayHeaderFooter: furniture,
      ...(furniture ? { headerTemplate: setup.headerTemplate ?? "<div></div>", footerTemplate: setup.footerTemplate ?? "<div></div>" } : {}),
    });
    await writeFile(out, pinDates(pdf));
  } finally {
    await page.close();
  }
}

/** `pdftotext -layout`, committed beside each PDF so text-loader tests can use real PDF text. */
async function layoutText(pdf: string): Promise<void> {
  await run("pdftotext", ["-layout", pdf, pdf.replace(/\.pdf$/, ".layout.txt")]);
}

/** A page of ordinary Chinese prose: a PDF that loads fine and holds no 自评表. */
const NOT_A_FORM_HTML = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>部门决算说明</title>
<style>body{font-family:"AR PL UMing CN";font-size:12pt;line-height:1.8;margin:0}h1{font-weight:normal;font-family:"WenQuanYi Micro Hei";font-size:16pt;text-align:center}p{text-indent:2em;margin:0 0 3mm}</style></head>
<body><h1>关于2023年度部门决算的说明</h1>
<p>本部门认真贯彻落实党中央、国务院关于加强预算管理的决策部署，严格执行人民代表大会批准的预算，坚持过紧日子，进一步优化支出结构，保障重点领域支出。</p>
<p>一、收入支出决算总体情况。2023年度收入总计与支出总计均较上年有所增加，主要原因是新增科技创新相关工作任务，相应增加了项目支出。</p>
<p>二、财政拨款支出决算情况。财政拨款支出主要用于一般公共服务、科学技术等方面，其中基本支出用于保障机构正常运转，项目支出用于完成特定工作任务。</p>
<p>三、“三公”经费支出情况。本年度因公出国（境）费、公务用车购置及运行费、公务接待费均控制在预算以内，较上年有所下降。</p>
<p>四、绩效评价工作开展情况。本部门组织对年度项目开展了绩效自评，自评结果将随部门决算一并公开，接受社会监督。</p>
</body></html>`;

/** Variant families printed with page furniture, and a page per form: the furniture family's point. */
const FURNITURE_FAMILIES = new Set(["furniture"]);

const VARIANT_FONT = "font-family:'WenQuanYi Micro Hei'; font-size:8pt; width:100%; color:#333;";

/** Page setup of a variant: A4 landscape; the furniture family gets 附表3 / 单位：万元 on top and - n - below. */
function variantSetup(family: string): { setup: PageSetup; grid: GridOptions } {
  const margin = { top: "14mm", right: "12mm", bottom: "14mm", left: "12mm" };
  if (!FURNITURE_FAMILIES.has(family)) return { setup: { landscape: true, margin }, grid: { formPerPage: false } };
  return {
    setup: {
      landscape: true,
      margin,
      headerTemplate: `<div style="${VARIANT_FONT} margin:0 12mm; display:flex; justify-content:space-between;"><span>附表3</span><span>单位：万元</span></div>`,
      footerTemplate: `<div style="${VARIANT_FONT} text-align:center;">- <span class="pageNumber"></span> -</div>`,
    },
    grid: { formPerPage: true },
  };
}

/** Renders every fixtures/variants/<family>/<name>.txt to <name>.pdf and <name>.layout.txt beside it. */
async function renderVariants(dir: string): Promise<void> {
  const texts = (await readdir(dir, { recursive: true, encoding: "utf8" })).filter((f) => f.endsWith(".txt") && !f.endsWith(".layout.txt")).sort();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    for (const rel of texts) {
      const family = rel.split("/")[0]!;
      const { setup, grid } = variantSetup(family);
      const text = await readFile(join(dir, rel), "utf8");
      const out = join(dir, rel.replace(/\.txt$/, ".pdf"));
      await renderPdf(browser, gridHtml(text, rel, grid), setup, "", out);
      await layoutText(out);
      console.log(`rendered ${rel}`);
    }
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const variants = args.indexOf("--variants");
  if (variants >= 0) {
    const next = args[variants + 1];
    await renderVariants(resolve(root, next && !next.startsWith("--") ? next : "fixtures/variants"));
    return;
  }
  const opt = (name: string, dflt: string): string => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
  };
  const descriptionPath = resolve(root, opt("--description", "fixtures/seed/expected.json"));
  const outDir = resolve(root, opt("--out", "fixtures/pdf"));
  const { forms } = await readDescription(descriptionPath);
  const single: FormDescription | undefined = forms.find((f) => f.projectName === SINGLE_FORM) ?? forms[0];
  if (!single) throw new Error("no forms in the description");
  const runningHeader = `${forms[0]?.department ?? ""} ${forms[0]?.year ?? ""} 年度部门决算`.trim();

  const seedDir = join(outDir, "seed");
  const badDir = join(outDir, "bad");
  await mkdir(seedDir, { recursive: true });
  await mkdir(badDir, { recursive: true });
  const tmp = await mkdtemp(join(tmpdir(), "jixiao-pdf-"));

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    for (const style of STYLES) {
      const all = join(seedDir, `${style}.pdf`);
      await renderPdf(browser, documentHtml(forms, style, "项目支出绩效自评表"), style, runningHeader, all);
      const one = join(seedDir, `${style}-one.pdf`);
      await renderPdf(browser, documentHtml([single], style, single.projectName ?? "项目支出绩效自评表"), style, runningHeader, one);
      await layoutText(all);
      await layoutText(one);
      console.log(`rendered ${style}`);
    }
    // The narrow single form again in Noto CJK, which Chromium can only embed
    // as Type 3 fonts: text a loader must read through Type 3 glyph procedures.
    const type3 = join(seedDir, "type3-one.pdf");
    await renderPdf(browser, documentHtml([single], "narrow", single.projectName ?? "项目支出绩效自评表", NOTO_FONTS), "narrow", runningHeader, type3);
    await layoutText(type3);
    await renderPdf(browser, NOT_A_FORM_HTML, "narrow", runningHeader, join(badDir, "not-a-form.pdf"));
  } finally {
    await browser.close();
  }

  const narrowOne = join(seedDir, "narrow-one.pdf");

  // AES-128 with qpdf's static document id and IV: AES-256 draws random salts,
  // so its output changed on every run; these make a re-run byte-identical.
  // (The static values only weaken the encryption, which a fixture does not need.)
  const encrypt = ["--static-id", "--static-aes-iv", "--encrypt"];
  const aes128 = ["128", "--use-aes=y"];
  // Encrypted: the narrow single form behind a user password, so a loader can
  // test both the refusal without the password and the read with it.
  await run("qpdf", [...encrypt, "jixiao", "jixiao-owner", ...aes128, "--", narrowOne, join(badDir, "encrypted.pdf")]);
  // Owner-password only (empty user password, copying and editing forbidden):
  // many published PDFs are like this, and a reader opens them without asking,
  // so a loader must read this one as the plain form.
  await run("qpdf", [
    ...encrypt, "", "jixiao-owner", ...aes128, "--modify=none", "--extract=n", "--",
    narrowOne, join(outDir, "seed", "narrow-one-restricted.pdf"),
  ]);

  // Truncated: the seven-form narrow PDF cut to half its bytes, as an interrupted download leaves it.
  const whole = await readFile(join(seedDir, "narrow.pdf"));
  await writeFile(join(badDir, "truncated.pdf"), whole.subarray(0, Math.floor(whole.length / 2)));

  // Image-only: page 1 of the narrow single form as a greyscale raster, wrapped
  // into a PDF by reportlab (reportlab_fixtures.py); no text layer at all.
  const png = join(tmp, "page");
  await run("pdftoppm", ["-png", "-gray", "-r", "110", "-f", "1", "-l", "1", "-singlefile", narrowOne, png]);

  // The single form is handed to Python as JSON so both halves render the same data.
  const singleJson = join(tmp, "single.json");
  await writeFile(singleJson, JSON.stringify(single));
  await run("/usr/bin/python3", [join(here, "reportlab_fixtures.py"), singleJson, `${png}.png`, badDir]);
  await rm(tmp, { recursive: true, force: true });
  console.log(`wrote fixtures to ${outDir}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
