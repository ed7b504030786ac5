/**
 * Field-by-field comparison of parsed forms with the forms they were rendered
 * from. Every leaf value of the expected forms is one field; a difference is
 * named by its path (`forms[2].indicators[5].level2: expected 时效指标, got 质量指标`),
 * and accuracy is the share of expected fields that came out equal.
 */
import type { Form } from "../../src/model/form.js";
import type { GeneratingForm } from "./form.js";

export interface Comparison {
  /** Leaf fields of the expected forms. */
  fields: number;
  /** Of those, how many the parse got right. */
  matched: number;
  /** One line per differing field, in document order. */
  differences: string[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const show = (v: Json | undefined): string => (v === undefined ? "(missing)" : typeof v === "string" ? v : JSON.stringify(v));

/** Walks the expected value; a leaf missing from the parse (a lost row, a lost form) counts as a differing field. */
function walk(path: string, want: Json, got: Json | undefined, out: Comparison): void {
  if (Array.isArray(want)) {
    const arr = Array.isArray(got) ? got : [];
    if (!Array.isArray(got) || got.length !== want.length) {
      out.differences.push(`${path}: expected ${want.length} item(s), got ${Array.isArray(got) ? got.length : show(got)}`);
    }
    want.forEach((w, i) => walk(`${path}[${i}]`, w, arr[i], out));
    return;
  }
  if (want !== null && typeof want === "object") {
    const obj = got !== null && typeof got === "object" && !Array.isArray(got) ? got : undefined;
    for (const [k, w] of Object.entries(want)) walk(`${path}.${k}`, w, obj?.[k], out);
    if (obj) {
      for (const k of Object.keys(obj)) if (!(k in want)) out.differences.push(`${path}.${k}: not expected, got ${show(obj[k])}`);
    }
    return;
  }
  out.fields += 1;
  if (want === got) out.matched += 1;
  else out.differences.push(`${path}: expected ${show(want)}, got ${show(got)}`);
}

/** A parsed form without what a generating form leaves out. */
function comparable(form: Form): GeneratingForm {
  const { provenance: _p, verification: _v, ...rest } = form;
  return rest;
}

/** Compares the parsed forms of a document with the generating forms, field for field. */
export function compareForms(want: GeneratingForm[], got: Form[]): Comparison {
  const out: Comparison = { fields: 0, matched: 0, differences: [] };
  walk("forms", want as unknown as Json, got.map(comparable) as unknown as Json, out);
  return out;
}
