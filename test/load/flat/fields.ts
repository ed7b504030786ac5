/** Field-for-field comparison of parsed forms with fixtures/seed/expected.json. */
import type { Form } from "../../../src/model/form.js";
import { comparable, EXPECTED_FORMS } from "../../helpers.js";

function leaves(o: unknown, path: string, out: Map<string, unknown>): void {
  if (Array.isArray(o)) o.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) leaves(v, path ? `${path}.${k}` : k, out);
  else out.set(path, o);
}

/** Every leaf field of the expected forms, and the paths of those the parse got wrong or missed. */
export function compareFields(forms: Form[]): { total: number; wrong: string[] } {
  const want = new Map<string, unknown>();
  const got = new Map<string, unknown>();
  EXPECTED_FORMS.forEach((f, i) => leaves(f, `forms[${i}]`, want));
  forms.forEach((f, i) => leaves(comparable(f), `forms[${i}]`, got));
  const wrong = [...want].filter(([k, v]) => JSON.stringify(got.get(k)) !== JSON.stringify(v)).map(([k]) => k);
  return { total: want.size, wrong };
}
