/**
 * Loads the seed's hand-written forms (fixtures/seed/expected.json) as Form
 * values for the verifier tests. The fixture omits provenance; the verifier
 * accepts an empty one.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Form } from "../../src/model/index.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The seven seed forms, validated against the model. */
export function seedForms(): Form[] {
  const raw = JSON.parse(readFileSync(here("../../fixtures/seed/expected.json"), "utf8")) as { forms: unknown[] };
  return raw.forms.map((f) => Form.parse({ provenance: {}, ...(f as object) }));
}

/** One finding of fixtures/seed/expected-findings.json. */
export interface ExpectedFinding {
  form: string;
  rule: string;
  severity: "error" | "warning" | "notice";
  path: string;
  expected: string | null;
  found: string | null;
}

/** The findings an auditor wrote down by hand from reading the seed. */
export function expectedFindings(): ExpectedFinding[] {
  return JSON.parse(readFileSync(here("../../fixtures/seed/expected-findings.json"), "utf8")) as ExpectedFinding[];
}

/** A deep copy, so a test can corrupt a form without touching the others. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
