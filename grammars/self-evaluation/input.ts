import type { IToken, TokenType } from "chevrotain";
import type { Cell, Row } from "../../src/model/sheet.js";
import { cellKey } from "../../src/text/chars.js";
import { classifyKeys, keptType } from "./classify.js";
import type { CellRef } from "./raw-form.js";
import { DepartmentFormTitle, FormTitle, keyMatches, RowEnd, TargetSelfEvalTitle, TextCell } from "./tokens.js";

/*
 * The parser's input, built from a Sheet's rows: one token per cell that holds
 * text (its key: see cellKey), then a RowEnd per row. Empty cells and blank
 * rows carry no token: the layout is recognised by what cells hold, not by
 * their positions, which shift from form to form. Each token carries its cell
 * (a RowEnd: its row), which is how every value keeps its provenance; a cell
 * token is at once the CellRef the visitor hands on, so reading a form makes
 * no second object per cell. Offsets are token ordinals: they order tokens as
 * the source does, which is all the parser and the visitor ask of them.
 */

/** Where a row ends: what its RowEnd token carries (the Row itself). */
export type RowPosition = Pick<Row, "line" | "page">;

/** A token of the parser's input. A cell's token is also that cell's CellRef. */
export interface FormToken extends IToken {
  /** The cell, for a cell token. */
  cell: Cell | undefined;
  /** The token type's name, as CellRef has it. */
  token: string;
  /** The row, for a RowEnd. */
  row: RowPosition | undefined;
}

/**
 * The CellRef of a token that stands for a cell; undefined for a RowEnd, and
 * for a token made up by error recovery (Chevrotain's own, without a cell).
 */
export function cellRefOf(token: IToken | undefined): CellRef | undefined {
  return (token as Partial<FormToken> | undefined)?.cell ? (token as CellRef & IToken) : undefined;
}

/** The cell a token stands for, if it stands for one (see cellRefOf). */
export function cellOf(token: IToken | undefined): Cell | undefined {
  return (token as Partial<FormToken> | undefined)?.cell;
}

/** The row a RowEnd token ends. */
export function rowEndOf(token: IToken | undefined): RowPosition | undefined {
  return (token as Partial<FormToken> | undefined)?.row;
}

// Page furniture: page numbers and the like are not content.
const FURNITURE = [
  /^-\d+-$/, // - 1 -
  /^第\d+页(?:[,，]?共\d+页)?$/, // 第 1 页 / 第1页共3页
  /^\d+\/\d+$/, // 1 / 3
  /^(?:page)?\d+(?:of\d+)?$/i,
];

/** True for a row that is only a page number or similar furniture. */
export function isFurnitureRow(keys: string[]): boolean {
  return keys.length === 1 && FURNITURE.some((re) => re.test(keys[0]!));
}

/** The title tokens, one per family a title names: a part starts at each. */
const TITLES = [FormTitle, DepartmentFormTitle, TargetSelfEvalTitle];

function isTitle(token: FormToken, known: boolean): boolean {
  const type = token.tokenType;
  if (known) return TITLES.includes(type);
  return TITLES.some((t) => keyMatches(t, token.image));
}

/**
 * The tokens of a run of rows, cut before each title row: a file of ten
 * thousand forms is lexed and parsed one form at a time, and the rows of a
 * form can be dropped as soon as it is read. The grammar still reads any
 * number of forms per part (a form whose title was lost stays with the one
 * before it).
 */
export function* lexParts(rows: Iterable<Row>): Generator<FormToken[]> {
  // One array gathers every part, and each part leaves as a copy at its size:
  // growing a fresh array push by push cost more than the tokens.
  const tokens: FormToken[] = [];
  // Tokens whose key has not been seen yet: their type is settled when the
  // part is complete, all of them in one call of the lexer.
  const unknown: number[] = [];
  for (const row of rows) {
    const start = tokens.length;
    const unknownBefore = unknown.length;
    for (const cell of row.cells) {
      const key = cellKey(cell.text);
      if (key === "") continue;
      const type = keptType(key);
      if (type === undefined) unknown.push(tokens.length);
      tokens.push(token(type ?? TextCell, key, cell, undefined));
    }
    const size = tokens.length - start;
    if (size === 0) continue;
    if (size === 1 && isFurnitureRow([tokens[start]!.image])) {
      tokens.length = start;
      unknown.length = unknownBefore;
      continue;
    }
    if (start > 0 && isTitle(tokens[start]!, unknown[unknownBefore] !== start)) {
      yield settled(tokens.slice(0, start), unknown.slice(0, unknownBefore));
      // The title row starts the next part.
      tokens.copyWithin(0, start);
      tokens.length = size;
      unknown.copyWithin(0, unknownBefore);
      unknown.length -= unknownBefore;
      for (let j = 0; j < unknown.length; j++) unknown[j]! -= start;
    }
    tokens.push(token(RowEnd, "\n", undefined, row));
  }
  if (tokens.length) yield settled(tokens.slice(), unknown);
}

/** The part's tokens with their offsets set and the unknown keys lexed. */
function settled(tokens: FormToken[], unknown: number[]): FormToken[] {
  if (unknown.length) {
    const types = classifyKeys(unknown.map((i) => tokens[i]!.image));
    for (let j = 0; j < unknown.length; j++) {
      const t = tokens[unknown[j]!]!;
      const type = types[j]!;
      t.tokenType = type;
      t.tokenTypeIdx = type.tokenTypeIdx!;
      t.token = type.name;
    }
  }
  for (let i = 0; i < tokens.length; i++) tokens[i]!.startOffset = i;
  return tokens;
}

/** All the tokens of a run of rows, in one piece (for tests and tools). */
export function lexRows(rows: Iterable<Row>): FormToken[] {
  const all: FormToken[] = [];
  for (const part of lexParts(rows)) for (const t of part) all.push(t);
  return all;
}

// Only what the parser reads, and one shape for every token: no line or
// column fields, which would be NaN here (a boxed number each).
function token(tokenType: TokenType, image: string, cell: Cell | undefined, row: RowPosition | undefined): FormToken {
  return { image, startOffset: 0, tokenTypeIdx: tokenType.tokenTypeIdx!, tokenType, cell, token: tokenType.name, row };
}
