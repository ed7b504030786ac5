/**
 * Split-anywhere fixtures (issue 9): one seed form rendered again and again,
 * each time with its table cut by a page break at another place, so a test
 * can check that the form reads the same wherever the cut falls.
 *
 *   npx tsx scripts/pdf-fixtures/splits.ts [--out fixtures/pdf/splits]
 *
 * The form is drawn in the narrow style (html.ts: merged level cells 9 mm
 * wide, 项目资金(万元) wrapping in its merged cell) as one table, one `<tr>`
 * per row of the form. A cut is a forced break (`break-before: page`) before
 * one row; every row but the first gets its turn. Kinds of cut:
 *
 * - `once`:   Chromium's own fragmentation: a merged cell cut by the break
 *             keeps its text on one fragment, the other is an empty ruled cell.
 * - `repeat`: what LibreOffice Calc, Excel and WPS do: the cut merged cell is
 *             printed on both pages. Emulated by ending the merged cell at the
 *             break and opening a new one with the same text on the next page,
 *             with the borders at the cut hidden (the cell stays open, as a
 *             fragment does). A funding label is printed cut in two instead
 *             (项目资金 on page 1, (万元) on page 2), which is how a wrapped label
 *             comes out when the cut falls between its lines.
 * - `header`: the indicator table is a table of its own whose header row is a
 *             `<thead>`, repeated on the new page, with a running header and a
 *             `- n -` footer on every page (only for cuts inside that table).
 * - `inside`: no forced break; a spacer above the form moves the page's end
 *             into the middle of a tall cell (the long goal text, 项目资金, a
 *             level label), with a `- n -` footer, so the cell's lines are
 *             shared by two pages and the footer lands among them.
 *
 * Writes `<kind>-<nn>-<row>.pdf` and its `pdftotext -layout` text, and
 * `cases.json` listing every file with the form it must read back as.
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { readDescription, type FormDescription } from "./description.js";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");

/** The form cut: 8 indicators in runs of 3, 1 and 2 under 产出指标, so cuts fall inside level groups. */
export const SPLIT_FORM = "信息化运维项目";
/** The form with the longest goals, cut inside its goal cell. */
export const LONG_GOAL_FORM = "科创中心建设工作经费";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const dash = (d: string | null): string => (d === null ? "-" : d);
function sep(d: string | null): string {
  if (d === null) return "-";
  const [int = "", frac] = d.split(".");
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac === undefined ? "" : "." + frac);
}

/** One cell of the drawn table; `id` marks cells the `inside` cuts aim at. */
interface Td {
  text: string;
  c?: number;
  r?: number;
  cls?: string;
  id?: string;
  /** Text printed on the next page when a `repeat` cut splits this merged cell (default: the same text). */
  rest?: string;
  /** Text left on the first page when a `repeat` cut splits this merged cell (default: the same text). */
  head?: string;
  style?: string;
}
interface Tr {
  name: string;
  cells: Td[];
  /** Part of the indicator table (after its header row), for the `header` kind. */
  lower?: boolean;
  title?: boolean;
}

function spans(ind: FormDescription["indicators"]): { l1: number; l2: number }[] {
  const out = ind.map(() => ({ l1: 0, l2: 0 }));
  for (let i = 0; i < ind.length; ) {
    let j = i;
    while (j < ind.length && ind[j]!.level1 === ind[i]!.level1) j++;
    out[i]!.l1 = j - i;
    for (let k = i; k < j; ) {
      let m = k;
      while (m < j && ind[m]!.level2 === ind[k]!.level2) m++;
      out[k]!.l2 = m - k;
      k = m;
    }
    i = j;
  }
  return out;
}

/** The form's rows, title to grade, as one grid of ten columns (html.ts's narrow style). */
function formRows(f: FormDescription): Tr[] {
  const rows: Tr[] = [
    { name: "title", title: true, cells: [{ text: f.title, c: 10, cls: "title" }] },
    { name: "year", title: true, cells: [{ text: `(${f.year} 年度)`, c: 10, cls: "year" }] },
    { name: "name", cells: [{ text: "项目名称", c: 2 }, { text: f.projectName ?? "", c: 8 }] },
    { name: "dept", cells: [{ text: "主管部门", c: 2 }, { text: f.department ?? "", c: 3 }, { text: "实施单位", c: 2 }, { text: f.implementingUnit ?? "", c: 3 }] },
    {
      name: "fundhead",
      cells: [
        { text: `项目资金(${f.fundingUnit})`, c: 2, r: f.funding.length + 1, id: "funding", head: "项目资金", rest: `(${f.fundingUnit})` },
        { text: "", c: 2 },
        ...["年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分"].map((t) => ({ text: t })),
      ],
    },
  ];
  for (const r of f.funding) {
    const label = r.kind === "total" ? `${r.label}:` : r.kind === "fiscal" ? `其中: ${r.label}` : r.label;
    rows.push({
      name: `fund-${r.kind}`,
      cells: [
        { text: label, c: 2 },
        ...[sep(r.initialBudget), sep(r.adjustedBudget), sep(r.executed), dash(r.weight), dash(r.rate), dash(r.score)].map((t) => ({ text: t, cls: "num" })),
      ],
    });
  }
  rows.push(
    { name: "goalhead", cells: [{ text: "年度总体目标", r: 2 }, { text: "预期目标", c: 4 }, { text: "实际完成情况", c: 5 }] },
    { name: "goals", cells: [{ text: f.goals.expected ?? "", c: 4, cls: "text", id: "goal" }, { text: f.goals.actual ?? "", c: 5, cls: "text" }] },
    {
      name: "indhead",
      cells: [{ text: "一级指标" }, { text: "二级指标" }, { text: "三级指标", c: 2 }, { text: "年度指标值" }, { text: "实际完成值" }, { text: "分值" }, { text: "得分" }, { text: "偏差原因分析及改进措施", c: 2 }],
    },
  );
  const sp = spans(f.indicators);
  f.indicators.forEach((ind, i) => {
    const s = sp[i]!;
    const cells: Td[] = [];
    if (s.l1) cells.push({ text: ind.level1, r: s.l1, cls: "lvl", id: i === 0 ? "level1" : undefined });
    if (s.l2) cells.push({ text: ind.level2, r: s.l2, cls: "lvl" });
    cells.push({ text: ind.name, c: 2 }, { text: ind.target.raw }, { text: ind.actual.raw }, { text: dash(ind.weight), cls: "num" }, { text: dash(ind.score), cls: "num" }, { text: ind.deviation ?? "", c: 2, cls: "text" });
    rows.push({ name: `ind${i + 1}`, lower: true, cells });
  });
  rows.push({ name: "total", lower: true, cells: [{ text: "总分", c: 6 }, { text: dash(f.total.weight), cls: "num" }, { text: dash(f.total.score), cls: "num" }, { text: "", c: 2 }] });
  if (f.grade !== null) rows.push({ name: "grade", lower: true, cells: [{ text: "评分等级", c: 2 }, { text: f.grade, c: 8 }] });
  return rows;
}

/**
 * `repeat` cut before row k: every merged cell open across the boundary ends
 * there and a new one with its text (or the rest of it) opens in row k, its
 * borders at the cut hidden.
 */
function repeatAt(rows: Tr[], k: number): Tr[] {
  const out = rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) }));
  const carried: Td[] = [];
  for (let i = 0; i < k; i++) {
    for (const c of out[i]!.cells) {
      const r = c.r ?? 1;
      if (i + r <= k) continue;
      carried.push({ ...c, text: c.rest ?? c.text, r: i + r - k, style: "border-top-style:hidden" });
      c.r = k - i;
      c.text = c.head ?? c.text;
      c.style = "border-bottom-style:hidden";
    }
  }
  out[k]!.cells.unshift(...carried);
  return out;
}

function tdHtml(c: Td): string {
  const a = [c.c && c.c > 1 ? ` colspan="${c.c}"` : "", c.r && c.r > 1 ? ` rowspan="${c.r}"` : "", c.cls ? ` class="${c.cls}"` : "", c.id ? ` id="${c.id}"` : "", c.style ? ` style="${c.style}"` : ""].join("");
  return `<td${a}>${c.text.split("\n").map(esc).join("<br>")}</td>`;
}

const CSS = `
  @page { size: A4 portrait; }
  body { font-family: "AR PL UMing CN"; font-size: 10.5pt; margin: 0; }
  table { border-collapse: collapse; table-layout: fixed; width: 180mm; }
  table + table { margin-top: -0.8pt; }
  td { border: 0.8pt solid #000; padding: 1.6mm 0.6mm; vertical-align: middle; text-align: center; line-height: 1.35; word-break: break-all; }
  td.text { text-align: left; }
  td.title { font-family: "WenQuanYi Micro Hei"; font-size: 16pt; border: none; }
  td.year { border: none; }
  tr.cut { break-before: page; }`;
const COLS = [9, 9, 22, 18, 21, 21, 15, 15, 25, 25];
const colgroup = `<colgroup>${COLS.map((w) => `<col style="width:${w}mm">`).join("")}</colgroup>`;

function trHtml(r: Tr, cut: boolean): string {
  return `<tr${cut ? ' class="cut"' : ""}>${r.cells.map(tdHtml).join("")}</tr>`;
}

/** The page: the form's rows, cut before row `cut` (or not at all), after a spacer `spacerMm` high. */
function pageHtml(rows: Tr[], cut: number, opts: { thead?: boolean; spacerMm?: number }): string {
  const spacer = opts.spacerMm ? `<div style="height:${opts.spacerMm.toFixed(2)}mm"></div>` : "";
  let body: string;
  if (opts.thead) {
    const h = rows.findIndex((r) => r.name === "indhead");
    const upper = rows.slice(0, h).map((r, i) => trHtml(r, i === cut)).join("\n");
    const lower = rows.slice(h + 1).map((r, i) => trHtml(r, h + 1 + i === cut)).join("\n");
    body = `<table>${colgroup}<tbody>${upper}</tbody></table><table>${colgroup}<thead>${trHtml(rows[h]!, false)}</thead><tbody>${lower}</tbody></table>`;
  } else {
    body = `<table>${colgroup}<tbody>${rows.map((r, i) => trHtml(r, i === cut)).join("\n")}</tbody></table>`;
  }
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>自评表</title><style>${CSS}</style></head><body>${spacer}${body}</body></html>`;
}

const FOOT = `font-family:'WenQuanYi Micro Hei'; font-size:8pt; width:100%; text-align:center;`;
const MARGIN = { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" };
/** Printable height of the page in CSS px (A4 297 mm less the margins). */
const PRINT_HEIGHT_MM = 297 - 30;

function pinDates(pdf: Buffer): Buffer {
  const s = pdf.toString("latin1").replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (_m, key: string, _d, tz: string) => `/${key} (D:20240101000000${tz.replace(/\d/g, "0")})`);
  return Buffer.from(s, "latin1");
}

async function print(page: Page, html: string, furniture: boolean, out: string): Promise<void> {
  await page.setContent(html, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({
    format: "A4",
    margin: MARGIN,
    printBackground: true,
    displayHeaderFooter: furniture,
    ...(furniture
      ? { headerTemplate: `<div style="${FOOT}">上海推进科技创新中心建设办公室 2023 年度部门决算</div>`, footerTemplate: `<div style="${FOOT}">- <span class="pageNumber"></span> -</div>` }
      : {}),
  });
  await writeFile(out, pinDates(pdf));
  await run("pdftotext", ["-layout", out, out.replace(/\.pdf$/, ".layout.txt")]);
}

/** Where an element's vertical middle sits, in mm from the top of the body, as printed (180 mm wide). */
async function middleMm(page: Page, html: string, id: string, at: number): Promise<number> {
  await page.setContent(html, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.evaluate(
    ({ id, at }) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      const pxPerMm = 96 / 25.4;
      return (r.top + r.height * at) / pxPerMm;
    },
    { id, at },
  );
}

interface Case {
  file: string;
  kind: string;
  form: string;
  /** What the cut falls on: the row it comes before, or the cell it runs through. */
  at: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf("--out");
  const outDir = resolve(root, i >= 0 ? args[i + 1]! : "fixtures/pdf/splits");
  const { forms } = await readDescription(resolve(root, "fixtures/seed/expected.json"));
  const form = forms.find((f) => f.projectName === SPLIT_FORM)!;
  const longGoal = forms.find((f) => f.projectName === LONG_GOAL_FORM)!;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const browser: Browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const cases: Case[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: Math.round((180 * 96) / 25.4), height: 1200 } });
    const rows = formRows(form);
    const name = (kind: string, k: number, at: string) => `${kind}-${String(k).padStart(2, "0")}-${at}.pdf`;
    for (let k = 1; k < rows.length; k++) {
      const at = rows[k]!.name;
      const once = name("once", k, at);
      await print(page, pageHtml(rows, k, {}), false, join(outDir, once));
      cases.push({ file: once, kind: "once", form: SPLIT_FORM, at });
      const repeat = name("repeat", k, at);
      await print(page, pageHtml(repeatAt(rows, k), k, {}), true, join(outDir, repeat));
      cases.push({ file: repeat, kind: "repeat", form: SPLIT_FORM, at });
      if (rows[k]!.lower) {
        const header = name("header", k, at);
        await print(page, pageHtml(rows, k, { thead: true }), true, join(outDir, header));
        cases.push({ file: header, kind: "header", form: SPLIT_FORM, at });
      }
      console.log(`rendered cuts before ${at}`);
    }
    // Cuts inside a tall cell: the page ends at a share of the cell's height.
    const inside: [FormDescription, string, number][] = [[longGoal, "goal", 0.5], [form, "funding", 0.5], [form, "level1", 0.5], [form, "level1", 0.25]];
    for (const [[f, id, share], n] of inside.map((x, j) => [x, j] as const)) {
      const rs = formRows(f);
      const mid = await middleMm(page, pageHtml(rs, -1, {}), id, share);
      const spacer = PRINT_HEIGHT_MM - mid;
      const file = `inside-${String(n).padStart(2, "0")}-${id}.pdf`;
      await print(page, pageHtml(rs, -1, { spacerMm: spacer }), true, join(outDir, file));
      cases.push({ file, kind: "inside", form: f.projectName!, at: id });
    }
  } finally {
    await browser.close();
  }
  await writeFile(join(outDir, "cases.json"), JSON.stringify({ cases }, null, 1) + "\n");
  console.log(`${(await readdir(outDir)).length} files in ${outDir}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
