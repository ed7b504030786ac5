import type { CellRef } from "../../grammars/self-evaluation/index.js";
import type { Diagnostic } from "../model/document.js";
import { ProvenanceLog } from "../model/provenance-log.js";
import type { Cell } from "../model/sheet.js";

/** A cell as a diagnostic quotes it: its text and place. */
export function quoteOf(c: Cell): NonNullable<Diagnostic["quotes"]>[number] {
  const q: NonNullable<Diagnostic["quotes"]>[number] = { text: c.text, cell: c.offset ?? c.col, page: c.page };
  if (c.line !== undefined) q.line = c.line;
  return q;
}

/** Marks, one per token ordinal, shared by every form: a mark counts when it holds the current form's stamp. */
let marks = new Uint32Array(4096);
let stamp = 0;

/**
 * The cells of one form that were read (or quoted), by their token's ordinal
 * in the grammar's input (a CellRef is its token, see grammars/…/input.ts):
 * a stamp in a shared array, so marking a cell allocates nothing and a new
 * form needs no clearing. Forms are normalised one at a time, each before the
 * next starts. A CellRef without an ordinal (made up for a missing cell) goes
 * to a Set.
 */
export class UsedCells {
  private readonly stamp = ++stamp === 0xffffffff ? (marks.fill(0), (stamp = 1)) : stamp;
  private others: Set<Cell> | undefined;

  add(ref: CellRef): void {
    const o = (ref as { startOffset?: number }).startOffset;
    if (o === undefined || !(o >= 0)) {
      (this.others ??= new Set()).add(ref.cell);
      return;
    }
    if (o >= marks.length) {
      const grown = new Uint32Array(Math.max(2 * marks.length, o + 1));
      grown.set(marks);
      marks = grown;
    }
    marks[o] = this.stamp;
  }

  has(ref: CellRef): boolean {
    const o = (ref as { startOffset?: number }).startOffset;
    if (o === undefined || !(o >= 0)) return this.others?.has(ref.cell) ?? false;
    return marks[o] === this.stamp;
  }
}

/** What normalising one form collects beside the values: provenance and diagnostics. */
export class FormContext {
  /** Where each value was read; the Form's `provenance` is made from it when read (see ProvenanceLog). */
  readonly provenance: ProvenanceLog;
  readonly diagnostics: Diagnostic[] = [];
  /** The cells some value was read from, or a diagnostic quotes (see reportUnreadCells): nothing of a form is dropped unseen. */
  readonly used = new UsedCells();

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

  /**
   * Records the further cells a value was read from beyond its first (the
   * pieces of a wrapped label, a unit column): as `path#2`, `path#3` …, so
   * every cell of the value is in its provenance.
   */
  pieces(path: string, refs: readonly (CellRef | null | undefined)[]): void {
    let k = 1;
    for (const ref of refs) if (ref && !this.used.has(ref)) this.record(`${path}#${++k}`, ref);
  }

  private record(path: string, ref: CellRef): void {
    const c = ref.cell;
    this.used.add(ref);
    this.provenance.record(path, c.line, c.offset ?? c.col, c.page, c.bbox, c.origin);
  }

  /** Adds `refs` to the quotes of the latest diagnostic with `code` (cells that diagnostic is about, met later). */
  quoteIn(code: string, refs: readonly CellRef[]): void {
    if (refs.length === 0) return;
    for (let i = this.diagnostics.length - 1; i >= 0; i--) {
      const d = this.diagnostics[i]!;
      if (d.code !== code) continue;
      (d.quotes ??= []).push(...refs.map((r) => quoteOf(r.cell)));
      for (const r of refs) this.used.add(r);
      return;
    }
  }

  /** Adds a diagnostic located at a cell. */
  warn(code: string, message: string, ref?: CellRef | null, severity: Diagnostic["severity"] = "warning", quoted?: readonly CellRef[]): void {
    const d: Diagnostic = { code, severity, message, form: this.formIndex + 1 };
    if (ref?.cell.line !== undefined) d.line = ref.cell.line;
    if (ref) {
      d.cell = ref.cell.offset ?? ref.cell.col;
      d.page = ref.cell.page;
    }
    if (quoted && quoted.length > 0) {
      d.quotes = quoted.map((r) => quoteOf(r.cell));
      for (const r of quoted) this.used.add(r);
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
