import { z } from "zod";
import { InputError } from "./errors.js";
import { LIMIT_DEFAULTS } from "./limit-defaults.js";

/**
 * Bounds every input is read within, whatever its kind. Each default admits
 * any published 自评表 collection we know of (the largest, a province's year,
 * is about 10,000 forms in 20 MB) and stops a hostile or broken file before
 * it costs gigabytes: a 100 MB single line used to take 3.1 GB and 47 s
 * before it was found to hold no form.
 */
export const InputLimits = z.object({
  /** Files larger than this many bytes are refused before they are decoded. */
  maxBytes: z.number().int().positive().default(LIMIT_DEFAULTS.maxBytes),
  /** Longest line of a text export, in characters (the seed's longest is 1,616). */
  maxLineLength: z.number().int().positive().default(LIMIT_DEFAULTS.maxLineLength),
  /** Rows (lines of a text export, rows of a table) read from one file. */
  maxRows: z.number().int().positive().default(LIMIT_DEFAULTS.maxRows),
  /** Forms read from one file. */
  maxForms: z.number().int().positive().default(LIMIT_DEFAULTS.maxForms),
});

/** Limits as a caller passes them (every field optional). */
export type InputLimits = z.input<typeof InputLimits>;
/** Limits with their defaults filled in. */
export type ResolvedInputLimits = z.output<typeof InputLimits>;

/** The code a bound's error carries: PDFs keep their own. */
function tooLarge(kind: string): "pdf.too-large" | "input.too-large" {
  return kind === "pdf" ? "pdf.too-large" : "input.too-large";
}

/** Refuses input of more than `maxBytes`. */
export function checkByteLimit(bytes: number, source: string, kind: string, limits: ResolvedInputLimits): void {
  if (bytes > limits.maxBytes) {
    throw new InputError(tooLarge(kind), source, `the file has ${bytes} bytes, more than the bound of ${limits.maxBytes} (maxBytes, --max-bytes)`);
  }
}

/**
 * Refuses text with a line longer than `maxLineLength`, naming the line. One
 * pass of the engine's own search for line ends, so a clean file costs next
 * to nothing; \r alone ends a line too (old Mac exports).
 */
export function checkLineLength(text: string, source: string, limits: ResolvedInputLimits): void {
  const max = limits.maxLineLength;
  if (text.length <= max) return;
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end - start > max) {
      // A long stretch may still be short lines ended by \r.
      let s = start;
      for (;;) {
        const cr = text.indexOf("\r", s);
        const e = cr < 0 || cr >= end - 1 ? end : cr;
        if (e - s > max) {
          throw new InputError("input.too-large", source,
            `the line has ${e - s} characters, more than the bound of ${max} (maxLineLength, --max-line-length)`, { line });
        }
        if (e === end) break;
        s = e + 1;
        line++;
      }
    }
    start = end + 1;
    line++;
  }
}

/** Passes rows through, refusing the one past `maxRows`. */
export function* limitRows<T>(rows: Iterable<T>, source: string, kind: string, limits: ResolvedInputLimits): Generator<T> {
  let n = 0;
  for (const row of rows) {
    if (++n > limits.maxRows) {
      throw new InputError(tooLarge(kind), source, `the file has more than ${limits.maxRows} rows, the bound (maxRows, --max-rows)`);
    }
    yield row;
  }
}

/** Refuses the form past `maxForms`. */
export function checkFormCount(count: number, source: string, kind: string, limits: ResolvedInputLimits): void {
  if (count > limits.maxForms) {
    throw new InputError(tooLarge(kind), source, `the file has more than ${limits.maxForms} forms, the bound (maxForms, --max-forms)`);
  }
}
