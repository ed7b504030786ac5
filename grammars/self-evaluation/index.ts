import type { CstElement, CstNode, IToken } from "chevrotain";
import type { Cell, Row } from "../../src/model/sheet.js";
import type { DocumentCstNode } from "./cst.js";
import { cellOf, lexParts, rowEndOf } from "./input.js";
import { selfEvaluationParser } from "./parser.js";
import type { GrammarResult } from "./raw-form.js";
import { RawFormVisitor } from "./visitor.js";

export { cellUses, type CellUse } from "./consumed.js";
export type { CellRef, GrammarResult, RawForm, RawFundingRow, RawIndicatorRow, RawRow } from "./raw-form.js";

const visitor = new RawFormVisitor();

/**
 * Recognises the 自评表 forms in a Sheet's rows, one part at a time (a part
 * starts at a title row): lexes its cells, parses the layout with error
 * recovery, and yields each part's forms with their cells, the rows no form
 * claims, and what the parser expected where it failed. A stray row's `after`
 * counts the forms of all parts before it. Rows are read as the parts are
 * consumed, so a streamed Sheet is never held whole.
 */
export function* recogniseParts(rows: Iterable<Row>): Generator<GrammarResult> {
  let formsBefore = 0;
  for (const tokens of lexParts(rows)) {
    const r = recognisePart(tokens);
    for (const s of r.strays) s.after = s.after < 0 ? formsBefore - 1 : s.after + formsBefore;
    formsBefore += r.forms.length;
    yield r;
  }
}

/** Recognises every form of a Sheet's rows at once (see recogniseParts). */
export function recognise(sheet: { rows: Iterable<Row> }): GrammarResult {
  const result: GrammarResult = { forms: [], strays: [], errors: [] };
  for (const r of recogniseParts(sheet.rows)) {
    result.forms.push(...r.forms);
    result.strays.push(...r.strays);
    result.errors.push(...r.errors);
  }
  return result;
}

function recognisePart(tokens: IToken[]): GrammarResult {
  selfEvaluationParser.input = tokens;
  const cst = selfEvaluationParser.document() as DocumentCstNode;
  const errors: GrammarResult["errors"] = selfEvaluationParser.errors.map((e) => {
    const cell = cellOf(e.token);
    const row = rowEndOf(e.token);
    return {
      message: e.message,
      expected: expectedOf(e.message),
      found: e.token.tokenType.name === "EOF" ? "end of input" : (cell?.text ?? e.token.image),
      line: cell?.line ?? row?.line,
      cell: cell?.col,
      page: cell?.page ?? row?.page,
    };
  });
  const { forms, strays } = visitor.collect(cst);
  if (errors.length > 0) {
    // Recovery passes tokens over: each skipped cell goes to the error it
    // followed, so that a diagnostic quotes it (only on this, the damaged path).
    const consumed = new Set<Cell>();
    collectCells(cst, consumed);
    const at = selfEvaluationParser.errors.map((e) => e.token.startOffset);
    for (const t of tokens) {
      const cell = cellOf(t);
      if (!cell || consumed.has(cell)) continue;
      let k = 0;
      for (let j = 0; j < at.length; j++) if (at[j]! <= t.startOffset) k = j;
      (errors[k]!.skipped ??= []).push(cell);
    }
  }
  return { forms, strays, errors };
}

function collectCells(node: CstNode, into: Set<Cell>): void {
  for (const key in node.children) {
    for (const child of node.children[key]! as CstElement[]) {
      if ("children" in child) collectCells(child, into);
      else {
        const c = cellOf(child);
        if (c) into.add(c);
      }
    }
  }
}

// Chevrotain words its messages "Expecting token of type --> X <--" or
// "Expecting: one of these possible Token sequences: ... [X, Y]".
function expectedOf(message: string): string[] {
  const single = /-->\s*(\w+)\s*<--/.exec(message);
  if (single) return [single[1]!];
  return [...new Set([...message.matchAll(/\[([^\]]+)\]/g)].flatMap((m) => m[1]!.split(/,\s*/)))];
}
