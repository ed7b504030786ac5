import type { CellRef } from "../../grammars/self-evaluation/index.js";
import type { Diagnostic } from "../model/document.js";
import type { Provenance } from "../model/primitives.js";

/** What normalising one form collects beside the values: provenance and diagnostics. */
export class FormContext {
  readonly provenance: Record<string, Provenance> = {};
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly formIndex: number) {}

  /** Records where the value at `path` was read. */
  at(path: string, ref: CellRef | null | undefined): void {
    if (!ref) return;
    const c = ref.cell;
    this.provenance[path] = c.bbox
      ? (c.line !== undefined ? { line: c.line, cell: c.col, page: c.page, bbox: c.bbox } : { cell: c.col, page: c.page, bbox: c.bbox })
      : (c.line !== undefined ? { line: c.line, cell: c.col, page: c.page } : { cell: c.col, page: c.page });
  }

  /** Records where field `field` of item `i` of a list (`indicators`, `funding`) was read. */
  atItem(list: string, i: number, field: string, ref: CellRef | null | undefined): void {
    if (ref) this.at(itemPath(list, i, field), ref);
  }

  /** Adds a diagnostic located at a cell. */
  warn(code: string, message: string, ref?: CellRef | null, severity: Diagnostic["severity"] = "warning"): void {
    const d: Diagnostic = { code, severity, message, form: this.formIndex };
    if (ref?.cell.line !== undefined) d.line = ref.cell.line;
    if (ref) {
      d.cell = ref.cell.col;
      d.page = ref.cell.page;
    }
    this.diagnostics.push(d);
  }
}

// Every form writes the same paths (indicators[3].score …). Building them once
// and reusing the strings spares a concatenation and a hash of a fresh key per
// value, which was the largest single cost of normalising.
// Keyed by the literal names, never by a concatenation: a fresh string would
// have to be hashed on every lookup, which is what this cache avoids.
const PATHS = new Map<string, Map<string, string[]>>();

function itemPath(list: string, i: number, field: string): string {
  let byField = PATHS.get(list);
  if (!byField) PATHS.set(list, (byField = new Map()));
  let byIndex = byField.get(field);
  if (!byIndex) byField.set(field, (byIndex = []));
  return (byIndex[i] ??= `${list}[${i}].${field}`);
}
