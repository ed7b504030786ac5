/**
 * The side panel: one form's data by block (header, funding, goals,
 * indicators, total, notes) and its findings, every value an element with its
 * provenance path (`data-path`) so that it links to the cell on the page.
 */
import type { Form } from "../src/core.js";
import { blockOf, valueAt } from "./paths.js";

const BLOCKS = {
  zh: { header: "基本信息", funding: "资金", goals: "目标", indicators: "指标", total: "总分", notes: "其他", findings: "核查结果" },
  en: { header: "Header", funding: "Funding", goals: "Goals", indicators: "Indicators", total: "Total", notes: "Notes", findings: "Findings" },
} as const;

/** Fills `host` with the form's data and findings. */
export function showPanel(host: HTMLElement, form: Form, lang: "zh" | "en", onPick: (path: string) => void): void {
  const L = BLOCKS[lang];
  host.replaceChildren();
  const findings = form.verification?.findings ?? [];
  const fs = section(L.findings);
  fs.dataset.block = "findings";
  for (const sev of ["error", "warning", "notice"] as const) {
    const list = findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    const group = document.createElement("div");
    group.dataset.severity = sev;
    for (const f of list) {
      const item = el("div", `finding ${sev}`, `${f.rule} · ${f.message[lang]}`);
      item.dataset.rule = f.rule;
      if (f.where.path) {
        item.dataset.path = f.where.path;
        item.addEventListener("click", () => onPick(f.where.path!));
      }
      group.append(item);
    }
    fs.append(group);
  }
  if (!findings.length) fs.append(el("div", "none", lang === "zh" ? "无" : "none"));
  host.append(fs);
  // Values by block; rows of funding and indicators grouped by their index.
  const blocks = new Map<string, Map<string, string[]>>();
  for (const path of Object.keys(form.provenance)) {
    if (/#\d+$/.test(path)) continue;
    const b = blockOf(path);
    const row = /^(\w+\[\d+\])/.exec(path)?.[1] ?? path;
    const rows = blocks.get(b) ?? new Map<string, string[]>();
    rows.set(row, [...(rows.get(row) ?? []), path]);
    blocks.set(b, rows);
  }
  for (const b of ["header", "funding", "goals", "indicators", "total", "notes"] as const) {
    const rows = blocks.get(b);
    if (!rows) continue;
    const s = section(L[b]);
    s.dataset.block = b;
    const table = document.createElement("table");
    for (const [row, paths] of rows) {
      const tr = document.createElement("tr");
      tr.append(el("th", "", row));
      const td = document.createElement("td");
      for (const path of paths) {
        const v = el("span", "value", valueAt(form, path) || "—");
        v.dataset.path = path;
        v.title = path;
        v.addEventListener("click", () => onPick(path));
        td.append(v);
      }
      tr.append(td);
      table.append(tr);
    }
    s.append(table);
    host.append(s);
  }
}

function section(title: string): HTMLElement {
  const s = document.createElement("section");
  s.append(el("h3", "", title));
  return s;
}

function el(tag: string, cls: string, text: string): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = text;
  return e;
}
