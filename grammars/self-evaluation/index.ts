import type { Sheet } from "../../src/model/sheet.js";
import type { DocumentCstNode } from "./cst.js";
import { toLexInput } from "./input.js";
import { selfEvaluationParser } from "./parser.js";
import type { GrammarResult } from "./raw-form.js";
import { formLexer } from "./tokens.js";
import { RawFormVisitor } from "./visitor.js";

export type { CellRef, GrammarResult, RawForm, RawFundingRow, RawIndicatorRow, RawRow } from "./raw-form.js";

const visitor = new RawFormVisitor();

/**
 * Recognises the 自评表 forms in a Sheet: lexes its cells, parses the layout
 * with error recovery, and returns each form's parts with their cells, the
 * rows no form claims, and what the parser expected where it failed.
 */
export function recognise(sheet: Sheet): GrammarResult {
  const input = toLexInput(sheet);
  // The cell-text token matches any character but \t and \n, so the lexer
  // cannot fail on a cell key: no lexing errors to report.
  const lexed = formLexer.tokenize(input.text);
  selfEvaluationParser.input = lexed.tokens;
  const cst = selfEvaluationParser.document() as DocumentCstNode;
  const errors = selfEvaluationParser.errors.map((e) => {
    const cell = input.cellAt.get(e.token.startOffset);
    const row = input.rowAt.get(e.token.startOffset);
    const expected = expectedOf(e.message);
    return {
      message: e.message,
      expected,
      found: e.token.tokenType.name === "EOF" ? "end of input" : (cell?.text ?? e.token.image),
      line: cell?.line ?? row?.line,
      cell: cell?.col,
      page: cell?.page ?? row?.page,
    };
  });
  const { forms, strays } = visitor.collect(cst, input.cellAt, input.rowAt);
  return { forms, strays, errors };
}

// Chevrotain words its messages "Expecting token of type --> X <--" or
// "Expecting: one of these possible Token sequences: ... [X, Y]".
function expectedOf(message: string): string[] {
  const single = /-->\s*(\w+)\s*<--/.exec(message);
  if (single) return [single[1]!];
  return [...new Set([...message.matchAll(/\[([^\]]+)\]/g)].flatMap((m) => m[1]!.split(/,\s*/)))];
}
