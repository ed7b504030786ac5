/**
 * Reads a rendered case back with jixiao (the PDF with parseBytes, its
 * `pdftotext -layout` text with parseText) and compares each with the
 * generating forms. Shared by the corpus test and the soak.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../../src/load/errors.js";
import { parseBytes, parseText } from "../../src/parse.js";
import type { CorpusCase } from "./case.js";
import { nameOf } from "./case.js";
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
  const file = `${nameOf(c)}.${kind}`;
  const path = join(dir, file);
  const bytes = new Uint8Array(await readFile(path));
  // Fields are compared, not findings: the verifier's verdict is no part of the comparison.
  const read = () => (kind === "pdf" ? parseBytes(bytes, { source: path, verify: false }) : parseText(bytes, { source: path, verify: false }));
  let doc;
  try {
    doc = await read();
  } catch (e) {
    // A rendering read to no form at all fails every field, with the reason as its one diagnostic; other errors stop the run.
    if (!(e instanceof InputError && e.code === "input.no-form")) throw e;
    return { file, ...compareForms(c.forms, []), diagnostics: [`${e.code}: ${e.message}`], wrong: 0, unflagged: [], inferred: 0 };
  }
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
