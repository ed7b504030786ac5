/**
 * `jixiao report`'s writer: one self-contained HTML file (styles, script,
 * data and page images inline, nothing fetched) from the verified Documents
 * and the page pictures the command gathered.
 *
 * The page holds the data as JSON and every image as its own base64 text
 * element; the script builds only what is in view, so a report of a thousand
 * forms opens without decoding a thousand images.
 */
import { REPORT_SCRIPT } from "./client.js";
import { reportData } from "./data.js";
import type { ReportInput } from "./input.js";
import { REPORT_LABELS } from "./labels.js";
import { REPORT_CSS } from "./style.js";

export type { Picture, PlacedValue, ReportFile, ReportInput, ReportPictures } from "./input.js";
export { splitLines } from "./excerpt.js";

/** What the report is made of, in bytes (UTF-8), for the size report. */
export interface ReportSizes {
  total: number;
  images: number;
  data: number;
  forms: number;
  findings: number;
  pictures: number;
}

/** The report as chunks of HTML (write them in order), and its sizes. */
export function renderReportHtml(input: ReportInput): { chunks: string[]; sizes: ReportSizes } {
  const data = reportData(input);
  const L = REPORT_LABELS[input.lang];
  const json = scriptJson(data);
  const head = [
    "<!doctype html>",
    `<html lang="${input.lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8">`,
    // Nothing may leave the file: no fetch, no remote image, font or script.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(L.title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<h1>${escapeHtml(L.title)}</h1><div class="summary" id="jx-summary"></div><div id="jx-unreadable"></div>`,
    `<section id="jx-overview"><h3>${escapeHtml(L.chart)}</h3><div id="jx-chart"></div>`,
    `<div class="controls"><input id="jx-filter" type="search" placeholder="${escapeHtml(L.filter)}" aria-label="${escapeHtml(L.filter)}">`,
    `<select id="jx-sev" aria-label="${escapeHtml(L.onlyWith)}"><option value="">${escapeHtml(L.all)}</option>`,
    ...(["error", "warning", "notice"] as const).map((s) => `<option value="${s}">${escapeHtml(L.severity[s])}</option>`),
    `</select></div><div class="vt-head" id="jx-head"></div><div class="vt-body" id="jx-body"></div></section>`,
    `<section id="jx-detail"></section>`,
    `<script type="application/json" id="jx-labels">${scriptJson(L)}</script>`,
    `<script type="application/json" id="jx-data">`,
  ].join("\n");
  const chunks = [head, json, "</script>\n"];
  let images = 0;
  input.pictures.images.forEach((p, i) => {
    // Base64 holds no "<": safe inside a script element, and never run (its type is not JavaScript).
    const tag = `<script type="text/plain" id="jx-img-${i}" data-mime="${p.mime}">${p.base64}</script>\n`;
    images += tag.length;
    chunks.push(tag);
  });
  chunks.push(`<script>${REPORT_SCRIPT}</script>\n</body></html>\n`);
  const total = chunks.reduce((n, c) => n + utf8Length(c), 0);
  return {
    chunks,
    sizes: {
      total, images, data: utf8Length(json), forms: data.forms.length,
      findings: data.forms.reduce((n, f) => n + f.findings.length, 0), pictures: input.pictures.images.length,
    },
  };
}

/** JSON that cannot end its script element early: every "<" is escaped. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

const encoder = new TextEncoder();
function utf8Length(s: string): number {
  return encoder.encode(s).length;
}
