/// <reference types="vite/client" />
/**
 * The offline desk. Files dropped on the page are parsed and verified by
 * jixiao/browser in a module Web Worker (parse-client.ts), with the settings
 * the CLI takes (rules, rounding, grade bands). The page shows the chart of
 * every form, the chosen form's page with each parsed cell over it, and its
 * data beside it; picking a value on either side selects it on both. Nothing
 * is uploaded; the exports are made here by the CLI's own writers.
 */
import { GlobalWorkerOptions } from "pdfjs-dist/build/pdf.mjs";
import workerUrl from "pdfjs-dist/build/pdf.worker.mjs?url";
import { RULES, VerifyOptions, type Document, type Form } from "../src/core.js";
import { spentScoreChart } from "../src/write/report-html/chart.js";
import { reportData } from "../src/write/report-html/data.js";
import { splitLines } from "../src/write/report-html/excerpt.js";
import { REPORT_LABELS } from "../src/write/report-html/labels.js";
import { exportText, exportXlsx } from "./exports.js";
import { showPdfPages, showTextLines, type PageSource } from "./page-view.js";
import { showPanel } from "./panel.js";
import { parseInWorker } from "./parse-client.js";
import { provenanceWords, valueAt } from "./paths.js";

GlobalWorkerOptions.workerSrc = workerUrl;
const ASSETS = { cMapUrl: new URL("pdfjs/cmaps/", document.baseURI).href, standardFontDataUrl: new URL("pdfjs/standard_fonts/", document.baseURI).href };
type GradeBand = NonNullable<VerifyOptions["gradeBands"]>[number];
const TEXT_KINDS = new Set(["text-tsv", "text-layout", "text-flat"]);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
interface Loaded { src: PageSource; doc?: Document; error?: string }
const dropped: File[] = [];
let loaded: Loaded[] = [];
/** Every form of every file, in order: the chart's and the list's ids are indexes here. */
let forms: Array<{ file: Loaded; form: Form; n: number }> = [];
let current = -1;
let generation = 0;
/** Counts open() calls: only the latest one may paint the page view. */
let opened = 0;

const lang = () => $<HTMLSelectElement>("lang").value as "zh" | "en";

// ── settings: the CLI's --rounding, --disable (from the rule list) and --grades ──
function ruleList(): void {
  const host = $("rules");
  for (const r of RULES) {
    const label = document.createElement("label");
    const box = Object.assign(document.createElement("input"), { type: "checkbox", checked: true, value: r.id });
    box.dataset.rule = r.id;
    box.addEventListener("change", () => void refresh());
    label.append(box, ` ${r.id} `);
    const sev = document.createElement("small");
    sev.className = r.severity;
    sev.textContent = r.severity;
    label.title = r.formula.zh + "\n" + r.formula.en;
    label.append(sev);
    host.append(label);
  }
}

/** "优:90,良:80,中:60,差:0" → bands, validated as the library validates them; null when unusable. */
function grades(): GradeBand[] | undefined | null {
  const text = $<HTMLInputElement>("grades").value.trim();
  const msg = $("grades-msg");
  msg.textContent = "";
  if (!text) return undefined;
  const bands = text.split(",").map((part) => /^\s*([^:=\s]+)\s*[:=]\s*(\d+(?:\.\d+)?)\s*$/.exec(part));
  const bad = bands.findIndex((m) => !m);
  if (bad >= 0) { msg.textContent = `"${text.split(",")[bad]}": GRADE:MIN`; return null; }
  const list = bands.map((m) => ({ grade: m![1]!, min: m![2]! }));
  for (let i = 1; i < list.length; i++) {
    // Bands out of order would make one unreachable: refused, as the CLI refuses them.
    if (Number(list[i]!.min) >= Number(list[i - 1]!.min)) { msg.textContent = `${list[i]!.grade}:${list[i]!.min} ≥ ${list[i - 1]!.grade}:${list[i - 1]!.min}`; return null; }
  }
  return list;
}

function options(): VerifyOptions | null {
  const disable = [...document.querySelectorAll<HTMLInputElement>("#rules input:not(:checked)")].map((b) => b.value);
  const bands = grades();
  if (bands === null) return null;
  const o: VerifyOptions = { rounding: $<HTMLSelectElement>("rounding").value as "either" | "truncate" | "half-up", disable };
  if (bands) o.gradeBands = bands;
  return VerifyOptions.parse(o);
}

// ── reading the files ──
async function refresh(): Promise<void> {
  const verify = options();
  if (!verify) return;
  const mine = ++generation;
  const status = $("status");
  status.removeAttribute("data-forms");
  status.textContent = "…";
  const next: Loaded[] = [];
  for (const file of dropped) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const src: PageSource = { name: file.name, kind: "", bytes };
    try {
      const doc = await parseInWorker(file.name, bytes, verify, ASSETS);
      src.kind = doc.source.kind;
      if (TEXT_KINDS.has(doc.source.kind)) src.lines = splitLines(new TextDecoder(doc.source.encoding ?? "utf-8").decode(bytes));
      next.push({ src, doc });
    } catch (e) {
      next.push({ src, error: (e as Error).message });
    }
    if (mine !== generation) return;
    status.textContent = `${next.length} / ${dropped.length} …`;
  }
  loaded = next;
  forms = loaded.flatMap((file) => (file.doc?.forms ?? []).map((form, i) => ({ file, form, n: i + 1 })));
  status.textContent = `${forms.length} ${lang() === "zh" ? "张表" : "forms"}`;
  status.dataset.forms = String(forms.length);
  for (const id of ["csv", "json", "xlsx"]) $<HTMLButtonElement>(id).disabled = forms.length === 0;
  overview();
  await open(current >= 0 && current < forms.length ? current : forms.length ? 0 : -1);
}

// ── the overview: chart and list of every form ──
function overview(): void {
  const L = REPORT_LABELS[lang()];
  const data = reportData({ lang: lang(), files: loaded.map((f) => (f.doc ? { path: f.src.name, doc: f.doc } : { path: f.src.name, error: f.error ?? "" })), pictures: { images: [] } });
  const { svg, missing } = spentScoreChart(data.forms.map((f, i) => ({ ...f, id: i })), L);
  const chart = $("chart");
  chart.innerHTML = svg + (missing ? `<div>${L.notPlotted.replace("{n}", String(missing))}</div>` : "");
  chart.querySelectorAll<SVGCircleElement>("circle").forEach((c) => c.addEventListener("click", () => void open(Number(c.dataset.form))));
  const list = $("forms");
  list.replaceChildren(...data.forms.map((f, i) => {
    const item = document.createElement("li");
    item.dataset.form = String(i);
    item.className = `worst-${f.worst ?? "none"}`;
    item.textContent = `${f.file} #${f.n} · ${f.project ?? "—"} · ${f.score ?? "—"} · ${f.counts.error}/${f.counts.warning}/${f.counts.notice}`;
    item.addEventListener("click", () => void open(i));
    return item;
  }));
  const bad = loaded.filter((f) => f.error);
  $("unreadable").replaceChildren(...bad.map((f) => Object.assign(document.createElement("div"), { className: "error", textContent: `${f.src.name}: ${f.error}` })));
}

// ── one form: its page and its panel ──
async function open(i: number): Promise<void> {
  current = i;
  const mine = ++opened;
  document.querySelectorAll("#forms li").forEach((li) => li.classList.toggle("current", Number((li as HTMLElement).dataset.form) === i));
  const view = $("page");
  if (i < 0) { view.replaceChildren(); $("panel").replaceChildren(); return; }
  const { file, form, n } = forms[i]!;
  $("form-title").textContent = `${file.src.name} #${n} · ${form.projectName ?? ""}`;
  showPanel($("panel"), form, lang(), pick);
  view.removeAttribute("data-ready");
  if (file.src.kind === "pdf") {
    await showPdfPages(view, file.src, form, pick, ASSETS, () => mine === opened);
  } else if (file.src.lines) {
    showTextLines(view, file.src, form, pick);
  } else {
    view.textContent = lang() === "zh" ? "此类文件无页面视图；出处见右侧。" : "No page view for this kind of file; see the panel for where each value was read.";
  }
  if (mine === opened) view.dataset.ready = String(i);
}

/** Selects one value on both sides and says what it is. */
function pick(path: string): void {
  const entry = forms[current];
  if (!entry) return;
  const { form } = entry;
  const p = form.provenance[path];
  for (const e of document.querySelectorAll(".selected")) e.classList.remove("selected");
  for (const e of document.querySelectorAll<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)) {
    e.classList.add("selected");
    if (!e.classList.contains("finding")) e.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
  const info = $("info");
  info.dataset.path = path;
  info.replaceChildren(
    line(lang() === "zh" ? "字段" : "field", path, "field"),
    line(lang() === "zh" ? "值" : "value", valueAt(form, path), "value"),
    line(lang() === "zh" ? "出处" : "provenance", provenanceWords(p, lang() === "zh"), "provenance"),
  );
}

function line(label: string, text: string, cls: string): HTMLElement {
  const d = document.createElement("div");
  d.className = cls;
  const b = document.createElement("b");
  b.textContent = `${label}: `;
  d.append(b, text);
  return d;
}

// ── exports ──
function download(name: string, body: BlobPart, type: string): void {
  const a = Object.assign(document.createElement("a"), { href: URL.createObjectURL(new Blob([body], { type })), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
const docs = () => loaded.flatMap((f) => (f.doc ? [f.doc] : []));

function add(list: FileList | null | undefined): void {
  for (const f of Array.from(list ?? [])) dropped.push(f);
  void refresh();
}

ruleList();
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); add(e.dataTransfer?.files); });
$<HTMLInputElement>("files").addEventListener("change", (e) => add((e.target as HTMLInputElement).files));
for (const id of ["lang", "rounding", "grades"]) $(id).addEventListener("change", () => void refresh());
$("csv").addEventListener("click", () => download("jixiao.csv", exportText("csv", docs()), "text/csv"));
$("json").addEventListener("click", () => download("jixiao.json", exportText("json", docs()), "application/json"));
$("xlsx").addEventListener("click", () => download("jixiao.xlsx", exportXlsx(docs()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
document.body.setAttribute("data-ready", "1");
