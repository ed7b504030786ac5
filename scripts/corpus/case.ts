/**
 * One corpus case from one seed: how it is rendered and the forms it holds.
 * A seed's own producer is Chromium for odd seeds and Calc for even ones, so
 * any run of seeds covers both evenly; any producer (Writer among them) can
 * be asked for instead, and prints the same forms, since the producer is not
 * drawn from the seed.
 */
import { drawForm, type GeneratingForm } from "./form.js";
import { formGrid } from "./grid.js";
import { Random } from "./random.js";
import { drawRendering, type Renderer, type Rendering } from "./rendering.js";

/** What fixtures/corpus/<name>.json holds: the seed, the rendering and the generating forms. */
export interface CorpusCase {
  seed: number;
  rendering: Rendering;
  forms: GeneratingForm[];
}

/** The producer a seed prints with unless another is asked for: Chromium for odd seeds, Calc for even ones. */
export function ownRenderer(seed: number): Renderer {
  return seed % 2 === 1 ? "chromium" : "calc";
}

/** The file name of a case's rendering, without extension: 0007-chromium, 0007-writer. */
export function caseName(seed: number, renderer: Renderer = ownRenderer(seed)): string {
  return `${String(seed).padStart(4, "0")}-${renderer}`;
}

/** The file name of a drawn case, without extension. */
export const nameOf = (c: CorpusCase): string => caseName(c.seed, c.rendering.renderer);

/** The case of a seed, printed by its own producer. */
export function drawCase(seed: number): CorpusCase {
  return drawCaseBy(seed, ownRenderer(seed));
}

/** The case of a seed printed by `renderer`: the seed's forms, its rendering choices, this producer. */
export function drawCaseBy(seed: number, renderer: Renderer): CorpusCase {
  const r = new Random(seed);
  const rendering = drawRendering(r, renderer);
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
  // Drawn last, so that the forms and breaks are the seed's whatever the producer.
  if (renderer === "writer" && r.chance(30)) rendering.tableRules = "none";
  return { seed, rendering, forms };
}
