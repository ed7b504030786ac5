import { z } from "zod";

/** The kinds of page furniture a loader or the grammar drops, each by name. */
export const FurnitureKind = z.enum([
  "page-number",
  "running-header",
  "repeated-header",
  "repeated-cell",
  "attachment",
  "unit-note",
  "filling-unit",
  "rotated",
  "off-page",
]).describe(
  "page-number: - 1 -, 第 1 页 …; running-header: a line repeated at the top or foot of the pages; "
  + "repeated-header: a table header printed again on a continuation page; repeated-cell: a merged cell cut by a page "
  + "break and printed again on the next page; attachment: 附件/附表 headings; unit-note: 单位：万元; filling-unit: 填报单位; "
  + "rotated: rotated or vertical text in a PDF (stamps, watermarks), which is not part of these forms; "
  + "off-page: text a PDF draws outside its page box, which no viewer shows (the page's dropped characters, in drawing order)",
);
export type FurnitureKind = z.infer<typeof FurnitureKind>;

/** A piece of text dropped as page furniture, with where it was. */
export const DroppedText = z.object({
  text: z.string().describe("The dropped text as printed"),
  kind: FurnitureKind,
  page: z.number().int().positive().describe("1-based page"),
  line: z.number().int().positive().optional().describe("1-based source line, for text inputs"),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional()
    .describe("[x0, y0, x1, y1] in PDF user space, for PDF inputs"),
}).describe("Text a loader (or the grammar) dropped as named page furniture");
export type DroppedText = z.infer<typeof DroppedText>;

/** What a piece of input text became. */
export const LedgerAccount = z.enum(["value", "label", "furniture", "diagnostic", "unaccounted"]).describe(
  "value: read into a form (see paths); label: one of the form's printed labels (项目名称, 一级指标 …), read as structure; "
  + "furniture: dropped as named page furniture; diagnostic: quoted by a diagnostic; unaccounted: none of these (a bug)",
);
export type LedgerAccount = z.infer<typeof LedgerAccount>;

/** One cell of the Sheet, or one piece of dropped furniture, and what it became. */
export const LedgerEntry = z.object({
  text: z.string().describe("The text as the loader read it"),
  page: z.number().int().positive(),
  line: z.number().int().positive().optional(),
  cell: z.number().int().nonnegative().optional().describe("The cell's col, as in Provenance"),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  account: LedgerAccount,
  form: z.number().int().positive().optional().describe("1-based number of the form it belongs to, as in every output"),
  paths: z.array(z.string()).optional().describe("For a value: the provenance paths that name this cell"),
  label: z.string().optional().describe("For a label: the grammar's token name (ProjectNameLabel …)"),
  furniture: FurnitureKind.optional(),
  diagnostics: z.array(z.number().int().nonnegative()).optional()
    .describe("For a quoted text: indexes into the Document's diagnostics"),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Characters (whitespace aside) by account. */
export const LedgerTotals = z.object({
  value: z.number().int().nonnegative(),
  label: z.number().int().nonnegative(),
  furniture: z.number().int().nonnegative(),
  diagnostic: z.number().int().nonnegative(),
  unaccounted: z.number().int().nonnegative(),
});
export type LedgerTotals = z.infer<typeof LedgerTotals>;

/**
 * Where every piece of a document's text went: each non-empty cell of the
 * Sheet, and each piece of furniture its loader dropped, with its account.
 */
export const Ledger = z.object({
  entries: z.array(LedgerEntry).describe("In Sheet order; the loader's dropped furniture first"),
  characters: LedgerTotals.describe("Non-whitespace characters by account"),
});
export type Ledger = z.infer<typeof Ledger>;
