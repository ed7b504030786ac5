import { LLkLookaheadStrategy, tokenMatcher, type ILookaheadStrategy, type IToken, type TokenType } from "chevrotain";
import { STORED_PATHS } from "./lookahead-paths.js";
import { allTokens } from "./tokens.js";

/**
 * Chevrotain's LL(k) lookahead, with the paths of its costliest alternations
 * read from a table made at build time instead of computed at start-up.
 *
 * Why: `document`'s alternation (a form, page furniture, or any other row)
 * overlaps at every depth, because a stray row may start with any cell; its
 * 66 paths of up to 3 tokens took about 110 ms of a 190 ms self-analysis on
 * every start of the command and of each pool worker. The table
 * (lookahead-paths.ts) is written by scripts/gen-grammar.ts with Chevrotain's
 * own path computation, and test/grammar holds it to what Chevrotain computes
 * now, so a grammar change that makes it stale fails the tests.
 *
 * Only alternations without gates whose paths need more than one token are
 * stored: for those Chevrotain's own lookahead function is the plain loop
 * below (first alternative, then first path, that matches the next tokens).
 * Every other production keeps Chevrotain's function, with its one-token
 * optimisations.
 */
export class StoredLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: Parameters<ILookaheadStrategy["buildLookaheadForAlternation"]>[0]): ReturnType<ILookaheadStrategy["buildLookaheadForAlternation"]> {
    const stored = STORED_PATHS[lookaheadKey(options.rule.name, options.prodOccurrence)];
    if (!stored || options.hasPredicates || options.dynamicTokensEnabled) return super.buildLookaheadForAlternation(options);
    return chooser(stored.map((alt) => alt.map((path) => path.map(tokenNamed))));
  }
}

/** The key of an alternation in the table: its rule and its occurrence (OR = 0, OR2 = 2 …). */
export function lookaheadKey(rule: string, occurrence: number): string {
  return `${rule}#${occurrence}`;
}

const byName = new Map(allTokens.map((t) => [t.name, t]));

function tokenNamed(name: string): TokenType {
  const type = byName.get(name);
  if (!type) throw new Error(`grammars/self-evaluation/lookahead-paths.ts names a token the grammar lacks: ${name} (run scripts/gen-grammar.ts)`);
  return type;
}

/** The alternative whose paths first match the next tokens, as Chevrotain's LL(k) function without predicates picks it. */
function chooser(alts: TokenType[][][]): (this: { LA(i: number): IToken }) => number | undefined {
  return function (this: { LA(i: number): IToken }) {
    for (let t = 0; t < alts.length; t++) {
      paths: for (const path of alts[t]!) {
        for (let i = 0; i < path.length; i++) if (!tokenMatcher(this.LA(i + 1), path[i]!)) continue paths;
        return t;
      }
    }
    return undefined;
  };
}
