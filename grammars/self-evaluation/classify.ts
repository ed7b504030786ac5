import type { TokenType } from "chevrotain";
import { formLexer, RowEnd } from "./tokens.js";

/*
 * Which token each cell key is. Every cell is exactly one token, and its type
 * depends on the key alone (label patterns must reach the cell's end, TextCell
 * takes any other cell), so the lexer is a function from key to token type.
 * The same keys come back in every form of a file (the labels, and values
 * such as 100.00 or 100%), so the answers are kept: a repeated key costs one
 * Map lookup. Keys not seen yet are lexed by the Chevrotain lexer all at once,
 * joined by \t as it expects, so it stays the one authority on the tokens.
 */

/**
 * Keys longer than this are not kept. Labels and the values that repeat
 * (100.00, 5.00(人), 满意度指标) are shorter; longer cells are mostly free
 * text, which seldom repeats. And a longer key may be a slice of its file's
 * whole text (V8 copies only slices shorter than 13 characters): keeping it
 * would keep that file's text alive after the file is done.
 */
const MAX_KEPT_KEY = 12;
/** Bound on the kept answers; past it they are dropped and gathered anew. */
const MAX_KEPT = 20_000;

const kept = new Map<string, TokenType>();

/** The token type of a key already seen, if it was kept. */
export function keptType(key: string): TokenType | undefined {
  return key.length <= MAX_KEPT_KEY ? kept.get(key) : undefined;
}

/**
 * The token type of each key, in order.
 *
 * @throws Error if the lexer does not read each key as exactly one token,
 *   which the token definitions rule out (a bug, not bad input)
 */
export function classifyKeys(keys: readonly string[]): TokenType[] {
  const types: TokenType[] = new Array<TokenType>(keys.length);
  const unknown: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const type = keptType(keys[i]!);
    if (type) types[i] = type;
    else unknown.push(i);
  }
  if (unknown.length === 0) return types;
  let text = "";
  for (let j = 0; j < unknown.length; j++) text += (j ? "\t" : "") + keys[unknown[j]!]!;
  const { tokens, errors } = formLexer.tokenize(text + "\n");
  // Every key gives one token, and the row end one more.
  if (errors.length || tokens.length !== unknown.length + 1 || tokens[unknown.length]!.tokenType !== RowEnd) {
    throw new Error(`cell lexer: ${unknown.length} keys gave ${tokens.length - 1} tokens`);
  }
  if (kept.size + unknown.length > MAX_KEPT) kept.clear();
  for (let j = 0; j < unknown.length; j++) {
    const i = unknown[j]!;
    const type = tokens[j]!.tokenType;
    types[i] = type;
    if (keys[i]!.length <= MAX_KEPT_KEY) kept.set(keys[i]!, type);
  }
  return types;
}

/** Forgets the kept answers, so that every key is lexed again (tests read the first-time path with it). */
export function forgetKeys(): void {
  kept.clear();
}
