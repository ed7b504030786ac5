import type { Document } from "../model/document.js";
import type { Form } from "../model/form.js";
import { indicatorOfPath } from "../write/dataset-rows.js";

/**
 * A Document whose forms leave provenance out (`--provenance none|table`).
 * The forms are copied key by key, so the record is never made for a form
 * whose provenance is not wanted.
 */
export function withoutProvenance(doc: Document): Document {
  return { ...doc, forms: doc.forms.map(formWithoutProvenance) };
}

/** A form without its provenance, copied key by key (see withoutProvenance). */
export function formWithoutProvenance(form: Form): Form {
  const lean: Partial<Form> = {};
  for (const key of Object.keys(form) as Array<keyof Form>) {
    if (key !== "provenance") (lean as Record<string, unknown>)[key] = form[key];
  }
  return lean as Form;
}

/**
 * The provenance of a Document in long form, one JSON line per value, with
 * the keys and column names of the dataset's provenance table: what
 * `--provenance table` writes beside a JSON or JSONL output.
 */
export function provenanceLines(doc: Document): string {
  let out = "";
  doc.forms.forEach((form, fi) => {
    out += formProvenanceLines(doc.source.sha256, form, fi + 1);
  });
  return out;
}

/** The provenance lines of one form (see provenanceLines); `formNo` counts from 1. */
export function formProvenanceLines(sha256: string, form: Form, formNo: number): string {
  let out = "";
  for (const [path, p] of Object.entries(form.provenance)) {
    out += JSON.stringify({
      sha256,
      form_no: formNo,
      path,
      indicator_no: indicatorOfPath(path),
      page: p.page ?? null,
      line: p.line ?? null,
      cell: p.cell ?? null,
      x0: p.bbox?.[0] ?? null,
      y0: p.bbox?.[1] ?? null,
      x1: p.bbox?.[2] ?? null,
      y1: p.bbox?.[3] ?? null,
    }) + "\n";
  }
  return out;
}
