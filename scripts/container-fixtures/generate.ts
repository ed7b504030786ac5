/**
 * Generates the container fixtures under fixtures/containers/ (see
 * fixtures/README.md, "Container fixtures") from a form description
 * (default: fixtures/seed/expected.json, the file the tests compare with):
 *
 *   npx tsx scripts/container-fixtures/generate.ts [--description FILE] [--out DIR]
 *
 * - seed.html: the seven forms as HTML tables (the narrow PDF style's HTML),
 *   inside page chrome (a top menu, a breadcrumb, a left menu in a layout
 *   table, a footer), UTF-8; seed.gbk.html: the same page in GBK, declared as
 *   gb2312 by <meta http-equiv>, as many government sites still serve it;
 *   seed-landscape.html: the landscape style (two tables per form, <thead>).
 * - seed.fods (written here) converted by LibreOffice to seed.xlsx, seed.xls
 *   and seed.ods: all seven forms on one sheet.
 * - per-sheet.fods → per-sheet.xlsx, .xls, .ods: one form per sheet, rates as
 *   percentages, with a hidden row and a hidden column holding text.
 * - seed.docx, seed.odt: LibreOffice Writer's conversions of the chrome-free HTML.
 * - bad/password.xls and bad/password.ods: seed.xlsx saved with the password
 *   "secret" through LibreOffice's UNO API (encrypt.py).
 *
 * Needs Debian's libreoffice (soffice, with its python3-uno) and iconv.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { readDescription } from "../pdf-fixtures/description.js";
import { documentHtml } from "../pdf-fixtures/html.js";
import { documentFods } from "./fods.js";

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** The page around the forms: what a department's 信息公开 page puts there. */
function withChrome(html: string, charsetMeta: string): string {
  const body = html.slice(html.indexOf("<body>") + 6, html.lastIndexOf("</body>"));
  const head = html.slice(0, html.indexOf("<body>")).replace('<meta charset="utf-8">', charsetMeta);
  return `${head}<body>
<div id="header" class="header"><a href="/">上海推进科技创新中心建设办公室</a> <span>无障碍</span> <span>English</span></div>
<nav class="menu"><ul><li><a href="/">首页</a></li><li><a href="/xxgk">信息公开</a></li><li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></nav>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a> &gt; 财政预决算</div>
<table class="layout" width="100%"><tr>
<td class="sidebar" width="18%"><ul><li>部门预算</li><li>部门决算</li><li>绩效自评</li></ul></td>
<td class="content">
<p>附件：2023年度项目支出绩效自评表&nbsp;&nbsp;（发布日期：2024-09-30）</p>
${body}
</td></tr></table>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<div class="footer"><p>版权所有：上海推进科技创新中心建设办公室 &copy; 2024</p><p>沪ICP备00000000号</p></div>
</body></html>`;
}

async function soffice(args: string[], cwd: string): Promise<void> {
  // A profile of its own, so a running LibreOffice (or another helper's) is not disturbed.
  const profile = await mkdtemp(join(tmpdir(), "jixiao-lo-"));
  try {
    await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { cwd, timeout: 180_000 });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const description = resolve(root, arg("--description", "fixtures/seed/expected.json"));
  const out = resolve(root, arg("--out", "fixtures/containers"));
  const { forms } = await readDescription(description);
  await mkdir(out, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), "jixiao-containers-"));
  try {
    const plain = documentHtml(forms, "narrow", "2023年度项目支出绩效自评表");
    await writeFile(join(out, "seed.html"), withChrome(plain, '<meta charset="utf-8">'));
    const gbk = withChrome(plain, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    await writeFile(join(work, "gbk.utf8.html"), gbk);
    const { stdout } = await run("iconv", ["-f", "UTF-8", "-t", "GBK", join(work, "gbk.utf8.html")], { encoding: "buffer", maxBuffer: 64 << 20 });
    await writeFile(join(out, "seed.gbk.html"), stdout);
    await writeFile(join(out, "seed-landscape.html"), documentHtml(forms, "landscape", "2023年度项目支出绩效自评表"));

    await writeFile(join(out, "seed.fods"), documentFods([{ name: "自评表", forms }]));
    await writeFile(
      join(out, "per-sheet.fods"),
      documentFods(forms.map((f, i) => ({ name: `${i + 1} ${(f.projectName ?? "").slice(0, 20)}`, forms: [f], percentRates: true, hiddenParts: true }))),
    );
    for (const name of ["seed", "per-sheet"]) {
      await copyFile(join(out, `${name}.fods`), join(work, `${name}.fods`));
      for (const fmt of ["xlsx", "xls", "ods"]) {
        await soffice(["--convert-to", fmt, "--outdir", out, `${name}.fods`], work);
      }
    }
    await writeFile(join(work, "seed.html"), plain);
    await soffice(["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, "seed.html"], work);
    await soffice(["--infilter=HTML (StarWriter)", "--convert-to", "odt", "--outdir", out, "seed.html"], work);
    await mkdir(join(out, "bad"), { recursive: true });
    for (const [file, filter] of [["password.xls", "MS Excel 97"], ["password.ods", "calc8"]] as const) {
      await run("/usr/bin/python3", [join(root, "scripts/container-fixtures/encrypt.py"), join(out, "seed.xlsx"), join(out, "bad", file), filter, "secret"], { timeout: 180_000 });
    }
    console.log(`wrote ${out}: seed.html seed.gbk.html seed-landscape.html seed.{fods,xlsx,xls,ods} per-sheet.{fods,xlsx,xls,ods} seed.docx seed.odt bad/password.{xls,ods}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
