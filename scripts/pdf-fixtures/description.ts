/**
 * The JSON description the PDF fixture generator renders: the model's Form
 * without the parts a renderer cannot know (provenance, verification). It is
 * the same file the parser's expected output is checked against
 * (fixtures/seed/expected.json), so a PDF rendered from it should parse back
 * to exactly that JSON.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { Form } from "../../src/model/form.js";

/**
 * One form as described. `notes`, `complete` and `formType` may be left out of
 * a hand-written description: they default to what a plain, complete project
 * form has, so a small description stays small.
 */
export const FormDescription = Form.omit({ provenance: true, verification: true }).extend({
  formType: Form.shape.formType.default("project"),
  notes: Form.shape.notes.default({}),
  complete: Form.shape.complete.default(true),
});
export type FormDescription = z.infer<typeof FormDescription>;

/** The file: `{ "forms": [...] }`, like fixtures/seed/expected.json. */
export const Description = z.object({ forms: z.array(FormDescription).min(1) });
export type Description = z.infer<typeof Description>;

/** Reads and validates a description, failing loudly: a fixture built from a typo is worse than none. */
export async function readDescription(path: string): Promise<Description> {
  const json: unknown = JSON.parse(await readFile(path, "utf8"));
  const parsed = Description.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${path} is not a valid form description:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
