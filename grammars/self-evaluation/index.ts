import type { Sheet } from "../../src/model/sheet.js";
import type { DocumentCstNode } from "./cst.js";
import { toLexInput } from "./input.js";
import { selfEvaluationParser } from "./parser.js";
import type { GrammarResult } from "./raw-form.js";
import { DepartmentFormTitle, FormTitle, formLexer } from "./tokens.js";
import { cellKey } from "../../src/text/chars.js";
import { RawFormVisitor } from "./visitor.js";

export type { CellRef, GrammarResult, RawForm, RawFundingRow, RawIndicatorRow, RawRow } from "./raw-form.js";

const visitor = new RawFormVisitor();

/**
 * Recognises the 自评表 forms in a Sheet: lexes its cells, parses the layout
 * with error recovery, and returns each form's parts with their cells, the
 * rows no form claims, and what the parser expected where it failed.
 */
export function recognise(sheet: Sheet): GrammarResult {
  const result: GrammarResult = { forms: [], strays: [], errors: [] };
  for (const part of splitAtTitles(sheet)) {
    const r = recognisePart(part);
    for (const s of r.strays) result.strays.push({ row: s.row, after: s.after < 0 ? result.forms.length - 1 : s.after + result.forms.length });
    result.forms.push(...r.forms);
    result.errors.push(...r.errors);
  }
  return result;
}

const TITLE_PATTERNS = [FormTitle, DepartmentFormTitle].map((t) => new RegExp(`^(?:${(t.PATTERN as RegExp).source})`));

/**
 * Cuts a Sheet before each title row, so that a file of ten thousand forms is
 * lexed and parsed one form at a time: memory stays that of one form. The
 * grammar still reads any number of forms per part (a form whose title was
 * lost stays with the one before it).
 */
function splitAtTitles(sheet: Sheet): Sheet[] {
  const parts: Sheet[] = [];
  let rows: Sheet["rows"] = [];
  for (const row of sheet.rows) {
    const first = row.cells.find((c) => c.text.trim() !== "");
    if (first && rows.length > 0) {
      const key = cellKey(first.text) + "\n";
      if (TITLE_PATTERNS.some((re) => re.test(key))) {
        parts.push({ ...sheet, rows });
        rows = [];
      }
    }
    rows.push(row);
  }
  if (rows.length) parts.push({ ...sheet, rows });
  return parts;
}

function recognisePart(sheet: Sheet): GrammarResult {
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
