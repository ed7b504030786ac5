/**
 * One corpus case from one seed: how it is rendered and the forms it holds.
 * Odd seeds print with Chromium, even seeds with Calc, so any run of seeds
 * covers both producers evenly.
 */
import { drawForm, type GeneratingForm } from "./form.js";
import { formGrid } from "./grid.js";
import { Random } from "./random.js";
import { drawRendering, type Rendering } from "./rendering.js";

/** What fixtures/corpus/<name>.json holds: the seed, the rendering and the generating forms. */
export interface CorpusCase {
  seed: number;
  rendering: Rendering;
  forms: GeneratingForm[];
}

/** The file name of a case's rendering, without extension: 0007-chromium. */
export function caseName(seed: number): string {
  return `${String(seed).padStart(4, "0")}-${seed % 2 === 1 ? "chromium" : "calc"}`;
}

export function drawCase(seed: number): CorpusCase {
  const r = new Random(seed);
  const rendering = drawRendering(r, seed % 2 === 1 ? "chromium" : "calc");
  const count = r.weighted([[1, 5], [2, 3], [3, 2]] as const);
  const forms = Array.from({ length: count }, () => drawForm(r, rendering.punctuation));
  // Forced page breaks before random rows (never the first row of the first form, which is a page top already).
  const breaks = r.chance(60) ? r.int(1, 3) : 0;
  for (let k = 0; k < breaks; k++) {
    const form = r.int(0, forms.length - 1);
    const rows = formGrid(forms[form]!, rendering);
    const row = r.int(form === 0 ? 1 : 0, rows.length - 1);
    if (!rendering.breaks.some((b) => b.form === form && b.row === row)) rendering.breaks.push({ form, row, before: rows[row]!.kind });
  }
  rendering.breaks.sort((a, b) => a.form - b.form || a.row - b.row);
  return { seed, rendering, forms };
}
