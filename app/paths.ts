/**
 * Reading a form by the paths its provenance is keyed by
 * (`funding[0].executed`, `indicators[3].target`, `notes.评价结论`, `path#2`),
 * and saying a provenance in words.
 */
import type { Form, Provenance } from "../src/core.js";

/** The value at a provenance path, as printed; a further cell (`#2`) shows its value's text. */
export function valueAt(form: Form, path: string): string {
  let v: unknown = form;
  const base = path.replace(/#\d+$/, "");
  for (const step of base.match(/[^.[\]]+/g) ?? []) {
    if (v === null || typeof v !== "object") return "";
    v = (v as Record<string, unknown>)[step];
  }
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "raw" in v) return String((v as { raw: unknown }).raw ?? "");
  return typeof v === "object" ? JSON.stringify(v) : String(v as string | number | boolean);
}

/** Where a value was read, in words: page and bbox, line and cell, sheet!address, table/row/column. */
export function provenanceWords(p: Provenance | undefined, zh: boolean): string {
  if (!p) return zh ? "无出处" : "no provenance";
  const parts: string[] = [];
  if (p.sheet !== undefined) parts.push(`${p.sheet}!${p.address ?? ""}`);
  if (p.table !== undefined) parts.push(zh ? `表 ${p.table + 1} 行 ${(p.row ?? 0) + 1} 列 ${(p.column ?? 0) + 1}` : `table ${p.table + 1} row ${(p.row ?? 0) + 1} column ${(p.column ?? 0) + 1}`);
  if (p.page !== undefined) parts.push(zh ? `第 ${p.page} 页` : `page ${p.page}`);
  if (p.bbox) parts.push(`bbox [${p.bbox.map((n) => n.toFixed(1)).join(", ")}]`);
  if (p.line !== undefined) parts.push(zh ? `第 ${p.line} 行` : `line ${p.line}`);
  if (p.cell !== undefined) parts.push(zh ? `单元 ${p.cell}` : `cell ${p.cell}`);
  return parts.join(" · ");
}

/** The panel block a path belongs to. */
export function blockOf(path: string): "header" | "funding" | "goals" | "indicators" | "total" | "notes" {
  if (path.startsWith("funding")) return "funding";
  if (path.startsWith("indicators")) return "indicators";
  if (path.startsWith("goals")) return "goals";
  if (path.startsWith("total") || path.startsWith("grade")) return "total";
  if (path.startsWith("notes")) return "notes";
  return "header";
}
