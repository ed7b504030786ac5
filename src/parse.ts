import { recogniseParts } from "../grammars/self-evaluation/index.js";
import { checkBytes, checkParseOptions, checkTextInput, type Bytes } from "./arguments.js";
import { decodeText, looksBinary, type TextEncoding } from "./load/decode.js";
import { detectInput } from "./load/detect.js";
import { InputError } from "./load/errors.js";
import { isContainerKind, loadContainer, type ContainerOptions } from "./load/loaders.js";
import { isLayoutText, layoutTextToSheet } from "./load/layout.js";
import { flatTextToSheet, isFlatText } from "./load/flat/index.js";
import { tsvSheetStream } from "./load/tsv.js";
import { Document, SCHEMA_VERSION, type Diagnostic } from "./model/document.js";
import { Form } from "./model/form.js";
import { z } from "zod";
import type { Sheet, SheetStream } from "./model/sheet.js";
import { normalizeForm } from "./normalize/index.js";
import { isTitleOnly } from "./normalize/title-only.js";
import { provenanceAt } from "./model/provenance-log.js";
import { quoteOf } from "./normalize/context.js";
import type { CellRef } from "../grammars/self-evaluation/raw-form.js";
import type { PdfOptions } from "./load/pdf/index.js";
import { formVerifier, type VerifyOptions } from "./verify/index.js";
import { checkByteLimit, checkFormCount, checkLineLength, InputLimits, limitRows, type ResolvedInputLimits } from "./load/limits.js";

/** Options of the parse functions. */
export interface ParseOptions {
  /** Name reported in the Document and in errors (default "input"). */
  source?: string;
  /** Bounds and asset locations for PDFs. */
  pdf?: PdfOptions;
  /** Bounds of the HTML, spreadsheet and Word loaders (`pdf` is taken from the option above). */
  containers?: Omit<ContainerOptions, "pdf">;
  /**
   * Verifier options; each form's `verification` is filled in with them.
   * `false` skips verification. Default: the rules of domain.md as written.
   */
  verify?: VerifyOptions | false;
  /**
   * SHA-256 of the input as lowercase hex. Default: Web Crypto (browsers and
   * Node alike); the Node entry point passes node:crypto's, which is much
   * cheaper for many small files.
   */
  sha256?: (bytes: Uint8Array) => string | Promise<string>;
  /** Bounds on bytes, line length, rows and forms of every input; see {@link InputLimits} for the defaults. */
  limits?: InputLimits;
}

/**
 * Parses the forms of a Sheet (what any loader yields; its rows may be a
 * generator, read once). Pure and synchronous: the grammar, the normaliser
 * and nothing else. Forms are normalised part by part as the grammar yields
 * them, so the cells of a form can be dropped once it is read.
 */
export function parseSheet(sheet: SheetStream, limits?: InputLimits): { forms: Form[]; diagnostics: Diagnostic[] } {
  return readForms(sheet, (form) => form, InputLimits.parse(limits ?? {}));
}

/**
 * parseSheet with a last step for each form as soon as it is normalised
 * (verify it, check it against the schema), while its parts are still young:
 * objects that die young cost the garbage collector next to nothing.
 */
function readForms(sheet: SheetStream, finish: (form: Form, index: number) => Form, limits: ResolvedInputLimits): { forms: Form[]; diagnostics: Diagnostic[] } {
  const out = { diagnostics: [] as Diagnostic[] };
  const forms = [...formsOf(sheet, finish, out, limits)];
  return { forms, diagnostics: out.diagnostics };
}

/**
 * The forms of a Sheet one at a time, as the grammar yields them, so a file
 * of 10,000 forms need never be held whole; `out.diagnostics` is complete
 * once the generator is done.
 */
function* formsOf(
  sheet: SheetStream,
  finish: (form: Form, index: number) => Form,
  out: { diagnostics: Diagnostic[] },
  limits: ResolvedInputLimits,
): Generator<Form> {
  let count = 0;
  // Grammar errors first, then each form's findings, then stray rows: the
  // order a reader meets them in when the whole file is read at once.
  const grammarDiagnostics: Diagnostic[] = [];
  const formDiagnostics: Diagnostic[] = [];
  const strayDiagnostics: Diagnostic[] = [];
  const titles: { count: number; first?: { title: string; at: { line?: number; page?: number } }; cells: CellRef[] } = { count: 0, cells: [] };
  const loaderDiagnostics = sheet.diagnostics ?? [];
  for (const part of recogniseParts(limitRows(sheet.rows, sheet.source, sheet.kind, limits))) {
    for (const e of part.errors) {
      const d: Diagnostic = {
        code: "grammar.unexpected",
        severity: "warning",
        message: `expected ${e.expected.join(" or ") || "something else"}, found "${e.found}"`,
        expected: e.expected,
      };
      if (e.line !== undefined) d.line = e.line;
      if (e.cell !== undefined) d.cell = e.cell;
      if (e.page !== undefined) d.page = e.page;
      if (e.skipped) d.quotes = e.skipped.map(quoteOf);
      grammarDiagnostics.push(d);
    }
    for (const raw of part.forms) {
      const { form, diagnostics: ds } = normalizeForm(raw, count);
      if (isTitleOnly(form)) {
        titles.count++;
        titles.first ??= { title: form.title, at: provenanceAt(form, "title") ?? {} };
        // Quoted, so what such a "form" held (its year line, a stray total) is not lost unseen.
        collectCells(raw, titles.cells);
        continue;
      }
      checkFormCount(count + 1, sheet.source, sheet.kind, limits);
      for (const d of ds) formDiagnostics.push(d);
      yield finish(form, count++);
    }
    for (const { row, after } of part.strays) {
      // A document's own preamble (headings) precedes the first form: not a
      // form's row, but not lost unseen either.
      const d: Diagnostic = after < 0
        ? {
          code: "grammar.preamble",
          severity: "info",
          message: `text before the first form, not read: "${row.cells.map((c) => c.cell.text.trim()).join(" ")}"`,
        }
        : {
          code: "grammar.unplaced-row",
          severity: "warning",
          message: `a row no part of the form accounts for, starting "${row.cells[0]?.cell.text.trim() ?? ""}"`,
          form: after + 1,
        };
      d.quotes = row.cells.map((c) => quoteOf(c.cell));
      if (row.line !== undefined) d.line = row.line;
      d.page = row.page;
      if (row.cells[0]) d.cell = row.cells[0].cell.col;
      strayDiagnostics.push(d);
    }
  }
  if (titles.first) {
    const d = titleOnlyDiagnostic(titles.count, titles.first.title, titles.first.at);
    d.quotes = titles.cells.map((r) => quoteOf(r.cell));
    grammarDiagnostics.push(d);
  }
  out.diagnostics = [...loaderDiagnostics, ...grammarDiagnostics, ...formDiagnostics, ...strayDiagnostics];
}

/** Every cell a raw form holds, wherever the grammar placed it. */
function collectCells(node: unknown, out: CellRef[]): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const x of node) collectCells(x, out);
    return;
  }
  const ref = node as Partial<CellRef>;
  if (ref.cell && typeof ref.cell.text === "string" && typeof ref.token === "string") {
    out.push(ref as CellRef);
    return;
  }
  for (const v of Object.values(node)) collectCells(v, out);
}

/** One diagnostic for every title that no form body followed (see isTitleOnly), quoting the first. */
function titleOnlyDiagnostic(count: number, title: string, at: { line?: number; page?: number }): Diagnostic {
  const d: Diagnostic = {
    code: "form.title-only",
    severity: "warning",
    message: count === 1
      ? `the title "${title}" has no form after it (no 项目名称, no funding block, no indicator table): it is not read as a form`
      : `${count} titles have no form after them (no 项目名称, no funding block, no indicator table), the first "${title}": they are not read as forms`,
  };
  if (at.line !== undefined) d.line = at.line;
  if (at.page !== undefined) d.page = at.page;
  return d;
}

/** Reads bytes or a string as a text export and returns its Sheet and encoding. */
export function textSheet(input: string | Uint8Array, source: string): { sheet: Sheet; encoding: TextEncoding | null } {
  const { sheet, encoding } = textSheetStream(input, source, InputLimits.parse({}));
  return { sheet: { ...sheet, rows: [...sheet.rows] }, encoding };
}

function textSheetStream(input: string | Uint8Array, source: string, limits: ResolvedInputLimits): { sheet: SheetStream; encoding: TextEncoding | null } {
  let text: string;
  let encoding: TextEncoding | null = null;
  if (typeof input === "string") {
    text = input;
  } else {
    const kind = detectInput(input, source);
    if (kind === "pdf") {
      throw new InputError("input.unreadable", source, "this is a PDF: use parseBytes or parseFile, which read PDFs");
    }
    if (kind !== "text") {
      throw new InputError("input.unreadable", source, `this is ${kind === "html" ? "an HTML page" : `a .${kind} file`}: use parseBytes or parseFile, which read it`);
    }
    ({ text, encoding } = decodeText(input, source));
  }
  if (text.trim() === "") throw new InputError("input.empty", source, "the file holds no text (only whitespace)");
  if (looksBinary(text)) throw new InputError("input.binary", source, "this is a binary file, not a text export or a PDF");
  checkLineLength(text, source, limits);
  // Tabs make a TSV export; columns made of runs of spaces are pdftotext -layout;
  // the form's words with neither are flattened text.
  const sheet = isLayoutText(text) ? layoutTextToSheet(text, source) : isFlatText(text) ? flatTextToSheet(text, source) : tsvSheetStream(text, source);
  return { sheet, encoding };
}

/**
 * Parses a text export into a Document: tab-separated like the seed, or the
 * text `pdftotext -layout` writes (columns as runs of spaces).
 *
 * @param input the text, or its bytes (Uint8Array, Node Buffer or ArrayBuffer) in UTF-8 (with or without BOM), UTF-16, or GB18030
 * @throws UsageError when `input` is not text or bytes, or an option is invalid
 * @throws InputError when the input is empty, binary, undecodable or holds no form
 */
export async function parseText(text: string | Bytes, options?: ParseOptions): Promise<Document> {
  const input = checkTextInput("parseText", text);
  options = checkParseOptions("parseText", options);
  const source = options.source ?? "input";
  const limits = InputLimits.parse(options.limits ?? {});
  if (typeof input !== "string") checkByteLimit(input.byteLength, source, "text", limits);
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const { sheet, encoding } = textSheetStream(input, source, limits);
  return assemble(sheet, bytes, encoding, options);
}

/**
 * Parses any supported input, detected from its bytes: PDF, an HTML page,
 * a workbook (.xlsx, .xls, .ods), a Word document (.docx), an OpenDocument
 * text (.odt) or a text export.
 *
 * @param input a Uint8Array, Node Buffer or ArrayBuffer
 * @throws UsageError when `input` is not bytes, or an option is invalid
 * @throws InputError for unreadable input (see its `code`)
 */
export async function parseBytes(input: Bytes, options?: ParseOptions): Promise<Document> {
  const bytes = checkBytes("parseBytes", input);
  options = checkParseOptions("parseBytes", options);
  checkByteLimit(bytes.byteLength, options.source ?? "input", detectInput(bytes, options.source ?? "input"), InputLimits.parse(options.limits ?? {}));
  const loaded = await loadSheet(bytes, options);
  if (!loaded) return parseText(bytes, options);
  return assemble(loaded.sheet, bytes, loaded.encoding, options, loaded.diagnostics);
}

/**
 * Parses any supported input and returns its Document with the Sheet it was
 * read from, whole: what `ledger(sheet, document)` accounts for.
 *
 * @throws UsageError when `input` is not text or bytes, or an option is invalid
 * @throws InputError for unreadable input (see its `code`)
 */
export async function parseWithSheet(input: string | Bytes, options?: ParseOptions): Promise<{ document: Document; sheet: Sheet }> {
  const given = checkTextInput("parseWithSheet", input);
  options = checkParseOptions("parseWithSheet", options);
  const source = options.source ?? "input";
  const bytes = typeof given === "string" ? new TextEncoder().encode(given) : given;
  const loaded = typeof given === "string" ? null : await loadSheet(given, options);
  if (loaded) {
    const sheet: Sheet = { ...loaded.sheet, rows: [...loaded.sheet.rows] };
    return { document: await assemble(sheet, bytes, loaded.encoding, options, loaded.diagnostics), sheet };
  }
  const { sheet: stream, encoding } = textSheetStream(given, source, InputLimits.parse(options.limits ?? {}));
  const sheet: Sheet = { ...stream, rows: [...stream.rows] };
  return { document: await assemble(sheet, bytes, encoding, options), sheet };
}

/** The Sheet of a PDF or a container, by the kind its bytes show; null for text, which parseText reads. */
async function loadSheet(bytes: Uint8Array, options: ParseOptions): Promise<{ sheet: SheetStream; encoding: string | null; diagnostics: Diagnostic[] } | null> {
  const source = options.source ?? "input";
  const kind = detectInput(bytes, source);
  if (isContainerKind(kind)) return loadContainer(kind, bytes, source, { ...options.containers, pdf: options.pdf });
  return null;
}

async function assemble(
  sheet: SheetStream,
  bytes: Uint8Array,
  encoding: TextEncoding | string | null,
  options: ParseOptions,
  loaderDiagnostics: Diagnostic[] = [],
): Promise<Document> {
  const stream = await streamed(sheet, bytes, encoding, options, loaderDiagnostics);
  const forms = [...stream.forms];
  const { diagnostics } = stream.end();
  return { schemaVersion: stream.schemaVersion, source: stream.source, forms, diagnostics };
}

/**
 * A Document read form by form: its envelope first, then its forms as the
 * grammar yields them, each verified and checked, then its diagnostics.
 * Written out as it is read (see src/cli/document-stream.ts), a file of
 * 10,000 forms is never held whole. Joined, the parts are exactly the
 * Document parseBytes returns.
 */
export interface StreamedDocument {
  schemaVersion: Document["schemaVersion"];
  source: Document["source"];
  /** The forms, in order; read once. */
  forms: Iterable<Form>;
  /**
   * The Document's diagnostics, once `forms` has been read to its end.
   *
   * @throws InputError `input.no-form` when the input held no form
   */
  end(): { diagnostics: Diagnostic[] };
}

/**
 * Parses any supported input as parseBytes does, but yields its forms one at
 * a time (see {@link StreamedDocument}).
 *
 * @throws UsageError when `input` is not bytes, or an option is invalid
 * @throws InputError for unreadable input (see its `code`); `input.no-form` from `end()`
 */
export async function streamBytes(input: Bytes, options?: ParseOptions): Promise<StreamedDocument> {
  const bytes = checkBytes("streamBytes", input);
  options = checkParseOptions("streamBytes", options);
  const limits = InputLimits.parse(options.limits ?? {});
  checkByteLimit(bytes.byteLength, options.source ?? "input", detectInput(bytes, options.source ?? "input"), limits);
  const loaded = await loadSheet(bytes, options);
  if (loaded) return streamed(loaded.sheet, bytes, loaded.encoding, options, loaded.diagnostics);
  const { sheet, encoding } = textSheetStream(bytes, options.source ?? "input", limits);
  return streamed(sheet, bytes, encoding, options, []);
}

async function streamed(
  sheet: SheetStream,
  bytes: Uint8Array,
  encoding: TextEncoding | string | null,
  options: ParseOptions,
  loaderDiagnostics: Diagnostic[],
): Promise<StreamedDocument> {
  const verifyForm = options.verify === false ? null : formVerifier(options.verify ?? {});
  const source: Document["source"] = {
    path: options.source ?? null,
    sha256: await (options.sha256 ?? sha256)(bytes),
    kind: sheet.kind,
    encoding,
    pages: sheet.pages,
    bytes: bytes.byteLength,
  };
  const out = { diagnostics: [] as Diagnostic[] };
  let count = 0;
  // The schema is the contract: a form that fails it is a bug here, not bad input.
  const forms = formsOf(sheet, (form, i) => {
    // Set on the form itself, not on a spread copy: a spread reads every
    // property, and would make the provenance record (see ProvenanceLog).
    if (verifyForm) form.verification = verifyForm(form, i);
    count++;
    return checked(CheckedForm, form);
  }, out, InputLimits.parse(options.limits ?? {}));
  return {
    schemaVersion: SCHEMA_VERSION,
    source,
    forms,
    end() {
      const { diagnostics } = out;
      if (count === 0) throw noForm(sheet.source, diagnostics);
      const all = loaderDiagnostics.length > 0 ? [...loaderDiagnostics, ...diagnostics] : diagnostics;
      checked(CheckedEnvelope, { schemaVersion: SCHEMA_VERSION, source, forms: [], diagnostics: all });
      return { diagnostics: all };
    },
  };
}

/** Why an input with no form is refused: its title-only forms, if any, else what a form starts with. */
function noForm(source: string, diagnostics: Diagnostic[]): InputError {
  const titleOnly = diagnostics.find((d) => d.code === "form.title-only");
  if (titleOnly) {
    return new InputError("input.no-form", source, `no 自评表 found: ${titleOnly.message.replace(/: (it is not read as a form|they are not read as forms)$/, "")}`,
      titleOnly.line === undefined ? {} : { line: titleOnly.line });
  }
  return new InputError("input.no-form", source, "no 自评表 found: no title 项目支出绩效自评表 and no 项目名称 row");
}

/**
 * The Form schema as checked on every parse, form by form. Provenance is left
 * out of the run-time check: its entries are copied field for field from the
 * Sheet's cells in one place (normalize/context.ts), checking them would cost
 * three times the rest of the check, and reading the record would make it
 * (see ProvenanceLog). Every other value is checked.
 *
 * Compiled (z.compile): `validate` then runs generated code that only asserts
 * and builds no copy of the form, about 5× cheaper than `parse`; where code
 * generation is not allowed (a strict CSP), zod falls back to its runtime
 * parser by itself.
 */
const CheckedForm = z.compile(Form.omit({ provenance: true }));

/** The rest of the Document, checked once its forms have been. */
const CheckedEnvelope = z.compile(Document.extend({ forms: z.array(z.custom<Form>()) }));

/** Returns `value` if it passes `schema`; else throws the ZodError that says where it fails. */
function checked<T extends S, S>(schema: z.ZodType<S>, value: T): T {
  if (schema.validate(value)) return value;
  schema.parse(value);
  throw new Error("a value failed its schema's validator but passed its parser");
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
