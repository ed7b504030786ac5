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
