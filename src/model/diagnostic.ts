import { z } from "zod";

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
  quotes: z.array(z.object({
    text: z.string(),
    line: z.number().int().positive().optional(),
    cell: z.number().int().nonnegative().optional(),
    page: z.number().int().positive().optional(),
  })).optional().describe("The input cells this diagnostic accounts for, each with its text and place: what was not read is quoted here"),
});
export type Diagnostic = z.infer<typeof Diagnostic>;
