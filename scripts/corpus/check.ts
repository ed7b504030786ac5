/**
 * Reads a rendered case back with jixiao (the PDF with parseBytes, its
 * `pdftotext -layout` text with parseText) and compares each with the
 * generating forms. Shared by the corpus test and the soak.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseBytes, parseText } from "../../src/parse.js";
import type { CorpusCase } from "./case.js";
import { caseName } from "./case.js";
import { compareForms, type Comparison } from "./compare.js";
import { wrongAndFlagged } from "../flat-fixtures/flags.js";

/** The two renderings every case has. */
export const KINDS = ["pdf", "layout.txt"] as const;
export type RenderingKind = (typeof KINDS)[number];

export interface RenderingResult extends Comparison {
  /** File name of the rendering: 0007-chromium.pdf */
  file: string;
  /** Diagnostics of the parse, as `code: message`, for telling causes apart. */
  diagnostics: string[];
  /** Differences that are a value where the form holds another (not a blank, not a lost row). */
  wrong: number;
  /** The wrong values no field-level `layout.inferred-*` diagnostic flags (flat-fixtures/flags.ts). */
  unflagged: string[];
  /** `layout.inferred-*` warnings of the parse: on a rendering read exactly, each one is noise. */
  inferred: number;
}

export async function readCase(dir: string, name: string): Promise<CorpusCase> {
  return JSON.parse(await readFile(join(dir, `${name}.json`), "utf8")) as CorpusCase;
}

/** Parses one rendering of a case and compares it with the case's forms. */
export async function checkRendering(dir: string, c: CorpusCase, kind: RenderingKind): Promise<RenderingResult> {
  const file = `${caseName(c.seed)}.${kind}`;
  const path = join(dir, file);
  const bytes = new Uint8Array(await readFile(path));
  // Fields are compared, not findings: the verifier's verdict is no part of the comparison.
  const doc = kind === "pdf" ? await parseBytes(bytes, { source: path, verify: false }) : await parseText(bytes, { source: path, verify: false });
  const comparison = compareForms(c.forms, doc.forms);
  const { wrong, unflagged } = wrongAndFlagged(doc, comparison.differences);
  return {
    file,
    ...comparison,
    diagnostics: doc.diagnostics.map((d) => `${d.code}: ${d.message}`),
    wrong: wrong.length,
    unflagged,
    inferred: doc.diagnostics.filter((d) => d.code.startsWith("layout.inferred")).length,
  };
}
