import { z } from "zod";
import { Form } from "./form.js";
import { SourceKind } from "./sheet.js";

/** Version of the output schema; bumped on any incompatible change. */
export const SCHEMA_VERSION = "2.0.0";

/** A problem met while reading a document: what was expected, and where. */
export const Diagnostic = z.object({
  code: z.string().describe("Stable code, e.g. form.incomplete, grammar.unexpected, input.empty"),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  line: z.number().int().positive().optional(),
  cell: z.number().int().nonnegative().optional(),
  page: z.number().int().positive().optional(),
  form: z.number().int().positive().optional().describe("1-based number of the form concerned, as in every output (README: numbering)"),
  expected: z.array(z.string()).optional().describe("What the grammar expected at that place"),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** One input file (or buffer) and every form read from it. */
export const Document = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: z.object({
    path: z.string().nullable(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    kind: SourceKind,
    encoding: z.string().nullable().describe("Detected text encoding; null for PDF"),
    pages: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
  }),
  forms: z.array(Form),
  diagnostics: z.array(Diagnostic),
});
export type Document = z.infer<typeof Document>;
