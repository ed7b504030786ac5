import type { CellRef } from "../../grammars/self-evaluation/index.js";
import type { Diagnostic } from "../model/document.js";
import { ProvenanceLog } from "../model/provenance-log.js";

/** What normalising one form collects beside the values: provenance and diagnostics. */
export class FormContext {
  /** Where each value was read; the Form's `provenance` is made from it when read (see ProvenanceLog). */
  readonly provenance: ProvenanceLog;
  readonly diagnostics: Diagnostic[] = [];

  /** @param entries how many values at most will be recorded (see ProvenanceLog's capacity); a guess when not given */
  constructor(readonly formIndex: number, entries?: number) {
    this.provenance = new ProvenanceLog(entries);
  }

  /** Records where the value at `path` was read. */
  at(path: string, ref: CellRef | null | undefined): void {
    if (ref) this.record(path, ref);
  }

  /** Records where field `paths.field` of item `i` of list `paths.list` (`indicators`, `funding`) was read. */
  atPath(paths: ItemPaths, i: number, ref: CellRef | null | undefined): void {
    if (ref) this.record(paths.at(i), ref);
  }

  private record(path: string, ref: CellRef): void {
    const c = ref.cell;
    this.provenance.record(path, c.line, c.col, c.page, c.bbox);
  }

  /** Adds a diagnostic located at a cell. */
  warn(code: string, message: string, ref?: CellRef | null, severity: Diagnostic["severity"] = "warning"): void {
    const d: Diagnostic = { code, severity, message, form: this.formIndex + 1 };
    if (ref?.cell.line !== undefined) d.line = ref.cell.line;
    if (ref) {
      d.cell = ref.cell.col;
      d.page = ref.cell.page;
    }
    this.diagnostics.push(d);
  }
}

/**
 * The paths of one field of a list's items (`indicators[3].score` …), each
 * built once and reused by every form: that spares a concatenation, and the
 * hash of a fresh key, per value recorded. Each is made an internalized
 * string (the engine's own form of a property name), which is what a
 * property store looks a key up as.
 */
export class ItemPaths {
  private readonly paths: string[] = [];

  constructor(readonly list: string, readonly field: string) {}

  at(i: number): string {
    return (this.paths[i] ??= internalize(`${this.list}[${i}].${this.field}`));
  }
}

function internalize(key: string): string {
  return Object.keys({ [key]: 0 })[0]!;
}

const ITEM_PATHS = new Map<string, ItemPaths>();

/** The ItemPaths of `list` and `field`, the same object on every call: fetch it once, outside a loop. */
export function itemPaths(list: string, field: string): ItemPaths {
  const key = `${list}\u0000${field}`;
  let p = ITEM_PATHS.get(key);
  if (!p) ITEM_PATHS.set(key, (p = new ItemPaths(list, field)));
  return p;
}
