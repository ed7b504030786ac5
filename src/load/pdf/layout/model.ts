/**
 * The pieces `pdftotext -layout` text is re-assembled from: chunks of lines,
 * cells (pieces) being built from chunks, rows (drafts) being built from cells.
 * Columns are character positions in the line, 0-based; lines are 0-based
 * indexes into the file's lines (chunks also carry the 1-based line number).
 */
/** A piece of a line: text between runs of spaces, with its character columns. */
export interface Chunk {
  line: number;
  page: number;
  c0: number;
  c1: number;
  text: string;
  /** The 1-based line of the last piece, when pieces wrapped over several lines were joined into this chunk. */
  lastLine?: number;
}

/** A cell being assembled: chunks in reading order. */
export interface Piece {
  chunks: Chunk[];
  c0: number;
  c1: number;
}

/** A row being assembled. */
export interface Draft {
  lines: number[];
  page: number;
  pieces: Piece[];
  /** Level labels placed in this row, by level. */
  levels: Map<1 | 2, Piece>;
}

/** Columns shared by two chunks; merely touching (pdftotext squeezes wide Han text) does not count. */
export const overlaps = (a: { c0: number; c1: number }, b: { c0: number; c1: number }) => a.c0 < b.c1 && b.c0 < a.c1 || (a.c0 === b.c0);

/** How many columns two ranges share (negative when apart). */
export function shared(a: { c0: number; c1: number }, b: { c0: number; c1: number }): number {
  return Math.min(a.c1, b.c1) - Math.max(a.c0, b.c0);
}

/** A cell's text so far: its chunks top to bottom, left to right, without spaces. */
export function pieceText(p: Piece): string {
  return [...p.chunks].sort((a, b) => a.line - b.line || a.c0 - b.c0).map((c) => c.text).join("").replace(/\s+/g, "");
}

/**
 * What the re-assembly decided by position where the positions do not settle
 * it: the cells so placed, each with why. The loader turns each into a
 * field-level `layout.inferred-*` warning quoting the cell it became.
 */
export interface Doubt {
  code: "layout.inferred-level" | "layout.inferred-column";
  piece: Piece;
  why: string;
}
