import { z } from "zod";
import { Form } from "./form.js";
import { Diagnostic } from "./diagnostic.js";
import { SourceKind } from "./sheet.js";

export { Diagnostic };

/** Version of the output schema; bumped on any incompatible change. */
export const SCHEMA_VERSION = "2.0.0";


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
