/// <reference types="vite/client" />
/**
 * The offline desk: files dropped on the page are read by jixiao/browser in
 * this page (pdf.js parses in its own Web Worker), verified with the chosen
 * options, and shown as the same report `jixiao report` writes. Nothing is
 * uploaded; the exports are made here too, by the CLI's own CSV and JSON writers.
 */
import { GlobalWorkerOptions } from "pdfjs-dist/build/pdf.mjs";
import workerUrl from "pdfjs-dist/build/pdf.worker.mjs?url";
import { parseBytes, type Document, type VerifyOptions } from "../src/core.js";
import { documentWriter } from "../src/cli/parse-output.js";
import { renderReportHtml, splitLines, type ReportFile } from "../src/write/report-html/index.js";
import { PictureBook } from "../src/write/report-html/pictures.js";

GlobalWorkerOptions.workerSrc = workerUrl;
const PDF_ASSETS = { engine: "pdfjs" as const, cMapUrl: new URL("pdfjs/cmaps/", document.baseURI).href, standardFontDataUrl: new URL("pdfjs/standard_fonts/", document.baseURI).href };
const TEXT_KINDS = new Set(["text-tsv", "text-layout", "text-flat"]);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const dropped: File[] = [];
let docs: Document[] = [];

/** A canvas of the page, for pdf.js to paint and the report to crop. */
const browserCanvas = {
  create: (w: number, h: number) => Object.assign(document.createElement("canvas"), { width: w, height: h }),
  encode: async (c: HTMLCanvasElement, format: "png" | "webp") => c.toDataURL(format === "webp" ? "image/webp" : "image/png", 0.8).split(",")[1]!,
};

function options(): VerifyOptions {
  const disable = $<HTMLInputElement>("disable").value.split(",").map((s) => s.trim()).filter(Boolean);
  return { rounding: $<HTMLSelectElement>("rounding").value as "either" | "truncate" | "half-up", disable };
}

async function refresh(): Promise<void> {
  const status = $("status");
  status.textContent = "…";
  const lang = $<HTMLSelectElement>("lang").value as "zh" | "en";
  const book = new PictureBook("png", browserCanvas, PDF_ASSETS);
  const files: ReportFile[] = [];
  docs = [];
  for (const file of dropped) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      const doc = await parseBytes(bytes, { source: file.name, verify: options(), pdf: PDF_ASSETS });
      docs.push(doc);
      const entry: ReportFile = { path: file.name, doc };
      if (doc.source.kind === "pdf") entry.pictures = await book.addPdf(bytes, doc.source.sha256, doc.forms);
      else if (TEXT_KINDS.has(doc.source.kind)) entry.lines = splitLines(new TextDecoder(doc.source.encoding ?? "utf-8").decode(bytes));
      files.push(entry);
    } catch (e) {
      files.push({ path: file.name, error: (e as Error).message });
    }
  }
  const { chunks } = renderReportHtml({ lang, files, pictures: book });
  $<HTMLIFrameElement>("report").srcdoc = chunks.join("");
  const forms = docs.reduce((n, d) => n + d.forms.length, 0);
  status.textContent = `${forms} ${lang === "zh" ? "张表" : "forms"}`;
  status.setAttribute("data-forms", String(forms));
  $<HTMLButtonElement>("csv").disabled = $<HTMLButtonElement>("json").disabled = docs.length === 0;
}

function download(name: string, text: string, type: string): void {
  const a = Object.assign(document.createElement("a"), { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function exportAs(format: "csv" | "json"): void {
  const w = documentWriter(format, format === "json");
  download(`jixiao.${format}`, w.begin() + docs.map((d, i) => w.item(d, i)).join("") + w.end(docs.length), format === "csv" ? "text/csv" : "application/json");
}

function add(list: FileList | null | undefined): void {
  for (const f of Array.from(list ?? [])) dropped.push(f);
  void refresh();
}

const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); add(e.dataTransfer?.files); });
$<HTMLInputElement>("files").addEventListener("change", (e) => add((e.target as HTMLInputElement).files));
for (const id of ["lang", "rounding", "disable"]) $(id).addEventListener("change", () => void refresh());
$("csv").addEventListener("click", () => exportAs("csv"));
$("json").addEventListener("click", () => exportAs("json"));
document.body.setAttribute("data-ready", "1");
