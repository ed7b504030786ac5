/**
 * Reads one container file of a case with jixiao's library (parseBytes, the
 * format detected from the bytes) and compares its forms with the case's
 * generating forms, field for field (scripts/corpus/compare.ts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseBytes } from "../../src/parse.js";
import { caseName, type CorpusCase } from "../corpus/case.js";
import { compareForms, type Comparison } from "../corpus/compare.js";
import type { Container } from "./make.js";

export interface ContainerResult extends Comparison {
  seed: number;
  container: Container;
  /** File name: 0007-chromium.xlsx */
  file: string;
  /** Warnings and errors of the parse, as `code: message`. */
  diagnostics: string[];
  /** The parse threw: its error, and no field counts as read. */
  error?: string;
}

/** Parses `<dir>/<name>.<container>` and compares it with the case's forms. */
export async function checkContainer(dir: string, c: CorpusCase, container: Container): Promise<ContainerResult> {
  const file = `${caseName(c.seed)}.${container}`;
  const path = join(dir, file);
  try {
    const doc = await parseBytes(new Uint8Array(await readFile(path)), { source: path, verify: false });
    return {
      seed: c.seed,
      container,
      file,
      ...compareForms(c.forms, doc.forms),
      diagnostics: doc.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.code}: ${d.message}`),
    };
  } catch (e) {
    const none = compareForms(c.forms, []);
    return { seed: c.seed, container, file, ...none, matched: 0, diagnostics: [], error: e instanceof Error ? e.message : String(e) };
  }
}
