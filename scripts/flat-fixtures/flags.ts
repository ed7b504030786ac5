/**
 * Whether a field a reader got wrong was flagged where it stands: a
 * diagnostic of the same form whose code says an inference
 * (`layout.inferred-*`) quotes the very cell the field was read from, by its
 * page, line and character offset. A warning on the whole form does not
 * count: it says nothing about which value to doubt.
 */
import type { Document } from "../../src/model/document.js";

/** A difference line of compareForms: `forms[2].indicators[5].target.raw: expected …, got …`. */
const PATH = /^forms\[(\d+)\]\.([^:]+): expected .*, got (.*)$/s;

/** True for a difference that is a value put where it does not belong (not a blank, not a missing row). */
export function isWrongValue(difference: string): boolean {
  // An empty string is a blank too (a level left empty).
  return !/, got (?:null|\(missing\)|)$/.test(difference) && !/expected \d+ item/.test(difference);
}

/** Places (page:line:cell) every field-level inference of each form quotes, by form index. */
function flaggedPlaces(doc: Document): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const d of doc.diagnostics) {
    if (!d.code.startsWith("layout.inferred") || d.form === undefined || !d.quotes) continue;
    const set = out.get(d.form - 1) ?? new Set<string>();
    for (const q of d.quotes) set.add(`${q.page ?? 1}:${q.line}:${q.cell ?? 0}`);
    out.set(d.form - 1, set);
  }
  return out;
}

/**
 * True when the wrong value of `difference` was read from a cell a
 * field-level inference quotes. The field's provenance is looked up by its
 * path, or the nearest path above it that has one (a measure's `raw`, `op`,
 * `value` and `unit` share the provenance of `indicators[i].target`); a
 * funding row's `kind` is its label's, an indicator's `level1Subtotal` its `level1`'s.
 */
export function isFlagged(doc: Document, difference: string, places = flaggedPlaces(doc)): boolean {
  const m = PATH.exec(difference);
  if (!m) return false;
  const form = doc.forms[Number(m[1])];
  if (!form) return false;
  // A funding row's kind is read from its label, a level-1 subtotal from the level-1 cell: neither has provenance of its own.
  let path = m[2]!.replace(/^(funding\[\d+\])\.kind$/, "$1.label").replace(/^(indicators\[\d+\])\.level1Subtotal$/, "$1.level1");
  for (;;) {
    const p = form.provenance[path];
    if (p) return places.get(Number(m[1]))?.has(`${p.page ?? 1}:${p.line}:${p.cell ?? 0}`) ?? false;
    const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
    if (cut <= 0) return false;
    path = path.slice(0, cut);
  }
}

/** The wrong values among a comparison's differences, and how many of them are flagged. */
export function wrongAndFlagged(doc: Document, differences: readonly string[]): { wrong: string[]; flagged: number; unflagged: string[] } {
  const places = flaggedPlaces(doc);
  const wrong = differences.filter(isWrongValue);
  const unflagged = wrong.filter((d) => !isFlagged(doc, d, places));
  return { wrong, flagged: wrong.length - unflagged.length, unflagged };
}
