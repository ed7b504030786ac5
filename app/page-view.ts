/**
 * The page a form was read from, with every parsed cell laid over it: a PDF
 * page painted by pdf.js on a canvas, or a text export's lines. Each cell is
 * an element carrying its provenance path (`data-path`); each finding an
 * outline in its severity's colour (`data-rule`). Clicks call `onPick(path)`.
 */
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/build/pdf.mjs";
import type { Finding, Form, Provenance } from "../src/core.js";

/** One file as the page holds it. */
export interface PageSource {
  name: string;
  kind: string;
  bytes: Uint8Array;
  encoding?: string;
  lines?: string[];
}

const pdfs = new Map<string, Promise<PDFDocumentProxy>>();

/** Pages of the file that hold a value of this form, in order. */
export function formPages(form: Form): number[] {
  const pages = new Set<number>();
  for (const p of Object.values(form.provenance)) if (p.page !== undefined && p.bbox) pages.add(p.page);
  return [...pages].sort((a, b) => a - b);
}

/** Where a finding points on the page: its own bbox, else its path's provenance. */
export function findingPlace(form: Form, f: Finding): Provenance | undefined {
  if (f.where.bbox) return { page: f.where.page, bbox: f.where.bbox };
  return f.where.path ? form.provenance[f.where.path] : undefined;
}

/**
 * Paints the PDF pages the form was read from, one under the other, with its
 * cells and findings over them, unless `stillWanted` says by then that
 * another form was opened: pages render asynchronously, and an earlier
 * form's that finished last would otherwise replace the one now open.
 */
export async function showPdfPages(host: HTMLElement, src: PageSource, form: Form, onPick: (path: string) => void,
  assets: { cMapUrl: string; standardFontDataUrl: string }, stillWanted: () => boolean): Promise<void> {
  const stages: HTMLElement[] = [];
  for (const page of formPages(form)) stages.push(await pdfPage(host, src, form, page, onPick, assets));
  if (stillWanted()) host.replaceChildren(...stages);
}

async function pdfPage(host: HTMLElement, src: PageSource, form: Form, page: number, onPick: (path: string) => void,
  assets: { cMapUrl: string; standardFontDataUrl: string }): Promise<HTMLElement> {
  let loading = pdfs.get(src.name);
  if (!loading) {
    loading = getDocument({ data: src.bytes.slice(), cMapUrl: assets.cMapUrl, cMapPacked: true, standardFontDataUrl: assets.standardFontDataUrl }).promise;
    pdfs.set(src.name, loading);
  }
  const pdf = await loading;
  const p = await pdf.getPage(page);
  const unscaled = p.getViewport({ scale: 1 });
  const scale = Math.min(2, Math.max(0.5, (host.clientWidth - 24) / unscaled.width));
  const viewport = p.getViewport({ scale });
  const canvas = Object.assign(document.createElement("canvas"), { width: Math.round(viewport.width), height: Math.round(viewport.height) });
  canvas.className = "page";
  canvas.dataset.scale = String(scale);
  canvas.dataset.view = p.view.join(",");
  canvas.dataset.page = String(page);
  await p.render({ canvas, canvasContext: canvas.getContext("2d")!, viewport }).promise;
  const stage = div("stage");
  stage.dataset.page = String(page);
  stage.style.width = `${canvas.width}px`;
  stage.style.height = `${canvas.height}px`;
  stage.append(canvas);
  const box = (b: [number, number, number, number], cls: string) => {
    const [xa, ya, xb, yb] = viewport.convertToViewportRectangle(b);
    const e = div(cls);
    Object.assign(e.style, { left: `${Math.min(xa, xb)}px`, top: `${Math.min(ya, yb)}px`, width: `${Math.abs(xb - xa)}px`, height: `${Math.abs(yb - ya)}px` });
    return e;
  };
  for (const [path, prov] of Object.entries(form.provenance)) {
    if (prov.page !== page || !prov.bbox) continue;
    const e = box(prov.bbox, "cell");
    e.dataset.path = path;
    e.title = path;
    e.addEventListener("click", () => onPick(path));
    stage.append(e);
  }
  for (const f of form.verification?.findings ?? []) {
    const at = findingPlace(form, f);
    if (at?.page !== page || !at.bbox) continue;
    const e = box(at.bbox, `finding-box ${f.severity}`);
    e.dataset.rule = f.rule;
    if (f.where.path) e.dataset.path = f.where.path;
    stage.append(e);
  }
  return stage;
}

/**
 * A text export's lines around the form, each value's span marked: in a
 * tab-separated export its tab cell, in a `pdftotext -layout` one from its
 * column to the next gap of two spaces.
 */
export function showTextLines(host: HTMLElement, src: PageSource, form: Form, onPick: (path: string) => void): void {
  const lines = src.lines ?? [];
  const byLine = new Map<number, Array<[string, number]>>();
  for (const [path, p] of Object.entries(form.provenance)) {
    if (p.line === undefined || p.cell === undefined) continue;
    const list = byLine.get(p.line) ?? [];
    list.push([path, p.cell]);
    byLine.set(p.line, list);
  }
  const rules = new Map<string, Finding[]>();
  for (const f of form.verification?.findings ?? []) if (f.where.path) rules.set(f.where.path, [...(rules.get(f.where.path) ?? []), f]);
  const known = [...byLine.keys()];
  const first = Math.max(1, Math.min(...known) - 2), last = Math.min(lines.length, Math.max(...known) + 2);
  const pre = document.createElement("pre");
  pre.className = "lines";
  for (let n = first; n <= last; n++) {
    const row = div("line");
    row.dataset.line = String(n);
    const num = document.createElement("span");
    num.className = "ln";
    num.textContent = String(n).padStart(4) + "  ";
    row.append(num, ...spans(lines[n - 1] ?? "", byLine.get(n) ?? [], src.kind === "text-tsv", rules, onPick));
    pre.append(row);
  }
  host.replaceChildren(pre);
}

function spans(text: string, cells: Array<[string, number]>, tsv: boolean, rules: Map<string, Finding[]>, onPick: (path: string) => void): Node[] {
  const ranges: Array<{ path: string; from: number; to: number }> = [];
  if (tsv) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === "\t") starts.push(i + 1);
    for (const [path, cell] of cells) {
      const from = starts[cell];
      if (from === undefined) continue;
      const tab = text.indexOf("\t", from);
      ranges.push({ path, from, to: tab < 0 ? text.length : tab });
    }
  } else {
    for (const [path, cell] of cells) {
      const gap = /\s{2,}|$/g;
      gap.lastIndex = cell;
      const m = gap.exec(text);
      ranges.push({ path, from: cell, to: m ? m.index : text.length });
    }
  }
  // A further cell of the same value (path#2) may share a span: keep the first path for it.
  ranges.sort((a, b) => a.from - b.from);
  const out: Node[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.from < at) continue;
    out.push(document.createTextNode(text.slice(at, r.from)));
    const s = document.createElement("span");
    s.className = "cell";
    s.dataset.path = r.path;
    s.title = r.path;
    const found = rules.get(r.path);
    if (found?.length) {
      s.classList.add("finding-box", worst(found));
      s.dataset.rule = found.map((f) => f.rule).join(" ");
    }
    s.textContent = text.slice(r.from, Math.max(r.to, r.from + 1));
    s.addEventListener("click", () => onPick(r.path));
    out.push(s);
    at = Math.max(r.to, r.from + 1);
  }
  out.push(document.createTextNode(text.slice(at)));
  return out;
}

function worst(fs: Finding[]): string {
  return fs.some((f) => f.severity === "error") ? "error" : fs.some((f) => f.severity === "warning") ? "warning" : "notice";
}

function div(cls: string): HTMLDivElement {
  const e = document.createElement("div");
  e.className = cls;
  return e;
}
