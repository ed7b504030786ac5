import type { CstElement, CstNode } from "chevrotain";
import type { Cell, Row } from "../../src/model/sheet.js";
import { cellOf, isFurnitureRow, lexParts } from "./input.js";
import { selfEvaluationParser } from "./parser.js";

/** What the grammar did with each cell that holds text. */
export interface CellUse {
  /** The token the cell was read as (ProjectNameLabel, NumberCell …). */
  token: string;
  /** The CST rule the cell was read in (projectRow, fundingRow, strayRow …); undefined when recovery skipped it. */
  rule: string | undefined;
  /** A row that is a bare page number, dropped before the parser saw it. */
  pageNumber: boolean;
}

/**
 * Reads rows the way recogniseParts does and returns, for each cell that
 * holds text, what the grammar made of it: the token and the rule that
 * consumed it, or no rule when error recovery skipped it. For the ledger,
 * which needs the labels the RawForm leaves out; never on the parse path.
 */
export function cellUses(rows: Iterable<Row>): Map<Cell, CellUse> {
  const uses = new Map<Cell, CellUse>();
  const pageNumbers = new Set<Cell>();
  const kept: Row[] = [];
  for (const row of rows) {
    kept.push(row);
    const keyed = row.cells.filter((c) => c.text.trim() !== "");
    if (keyed.length === 1) pageNumbers.add(keyed[0]!);
  }
  for (const tokens of lexParts(kept)) {
    for (const t of tokens) {
      const c = cellOf(t);
      if (c) uses.set(c, { token: t.tokenType.name, rule: undefined, pageNumber: false });
    }
    selfEvaluationParser.input = tokens;
    const cst = selfEvaluationParser.document();
    walk(cst, "document", uses);
  }
  // lexParts drops bare page-number rows before the parser: they have no token.
  for (const c of pageNumbers) {
    if (!uses.has(c) && isFurnitureRow([c.text.replace(/\s+/g, "")])) uses.set(c, { token: "PageNumber", rule: undefined, pageNumber: true });
  }
  return uses;
}

function walk(node: CstNode, rule: string, uses: Map<Cell, CellUse>): void {
  for (const key in node.children) {
    for (const child of node.children[key]! as CstElement[]) {
      if ("children" in child) {
        walk(child, child.name, uses);
        continue;
      }
      const c = cellOf(child);
      const use = c && uses.get(c);
      if (use) use.rule = rule;
    }
  }
}
