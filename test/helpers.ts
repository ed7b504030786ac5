import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Form } from "../src/model/form.js";

/** Absolute path of a file under fixtures/. */
export function fixture(rel: string): string {
  return fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));
}

/** The seed text export, as the mission ships it. */
export const SEED_TEXT = readFileSync(fixture("seed/seed.txt"), "utf8");

/** The seven seed forms as written down by hand (no provenance, no verification). */
export const EXPECTED_FORMS: Array<Omit<Form, "provenance" | "verification">> =
  JSON.parse(readFileSync(fixture("seed/expected.json"), "utf8")).forms;

/** A form without what the hand-written fixture leaves out. */
export function comparable(form: Form): Omit<Form, "provenance" | "verification"> {
  const { provenance: _p, verification: _v, ...rest } = form;
  return rest;
}
