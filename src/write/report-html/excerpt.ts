/**
 * The lines around a value of a text input: what an auditor sees of the
 * source when there is no page to picture.
 */

/** A few source lines, the value's line marked, and in a tab-separated export its cell. */
export interface Excerpt {
  /** 1-based number of the first line shown. */
  first: number;
  lines: string[];
  /** 1-based line of the value. */
  mark: number;
  /** 0-based tab-separated cell of the value on its line, when the input is tab-separated. */
  cell: number | null;
}

/** Lines shown on each side of the value's line. */
const CONTEXT = 3;

/** The excerpt around `line` (1-based) of the input's lines, or null when there is no such line. */
export function excerptFor(lines: readonly string[], line: number, cell: number | undefined, kind: string | undefined): Excerpt | null {
  if (line < 1 || line > lines.length) return null;
  const first = Math.max(1, line - CONTEXT);
  const last = Math.min(lines.length, line + CONTEXT);
  return { first, lines: lines.slice(first - 1, last), mark: line, cell: kind === "text-tsv" && cell !== undefined ? cell : null };
}

/** Lines as the text loaders count them (CRLF, CR or LF each end one). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
