import type { Provenance } from "./primitives.js";

type Bbox = NonNullable<Provenance["bbox"]>;

/** The container address of a value (spreadsheet, HTML and Word inputs): what {@link ProvenanceLog.record} takes beside the numbers. */
export interface ProvenanceOrigin {
  sheet?: string | undefined;
  address?: string | undefined;
  table?: number | undefined;
  row?: number | undefined;
  column?: number | undefined;
}

/**
 * Where each value of a form was read, kept as a few numbers per value until
 * somebody reads the form's `provenance`, which is then made from it once.
 *
 * Why: a form has about 120 values, so a 10,000-form file has 1.2 million
 * provenance entries. Held as objects in a record from the start, they were
 * 60 % of a parsed Document's memory and a fifth of the parse time, while
 * most uses read none of them (CSV output) or a handful (the verifier, for
 * the findings it reports, through {@link provenanceAt}).
 */
export class ProvenanceLog {
  private count = 0;
  private paths: string[];
  /** Per entry: line (0 when there is none), cell, page. */
  private numbers: Int32Array;
  /** Per entry, only once an entry has a bbox (PDF input). */
  private bboxes: Array<Bbox | undefined> | undefined;
  /** Per entry, only once an entry has a container address (spreadsheet, HTML, Word input). */
  private origins: Array<ProvenanceOrigin | undefined> | undefined;
  private packed = false;

  /** @param capacity entries room is made for at first (a seed form has about 120) */
  constructor(capacity = 160) {
    this.paths = new Array<string>(capacity);
    this.numbers = new Int32Array(3 * capacity);
  }

  /** Records where the value at `path` was read; a later entry for the same path replaces the earlier. */
  record(path: string, line: number | undefined, cell: number, page: number, bbox: Bbox | undefined, origin?: ProvenanceOrigin): void {
    if (this.packed) throw new Error("ProvenanceLog: recorded after it was packed");
    const i = this.count++;
    if (i === this.paths.length) this.grow();
    if (bbox !== undefined && this.bboxes === undefined) this.bboxes = new Array<Bbox | undefined>(i);
    if (origin !== undefined && this.origins === undefined) this.origins = new Array<ProvenanceOrigin | undefined>(i);
    this.origins?.push(origin);
    this.paths[i] = path;
    this.numbers[3 * i] = line ?? 0;
    this.numbers[3 * i + 1] = cell;
    this.numbers[3 * i + 2] = page;
    this.bboxes?.push(bbox);
  }

  // Room made by doubling, not by pushing: growing arrays one push at a time
  // was an eighth of everything parsing allocates.
  private grow(): void {
    const numbers = new Int32Array(2 * this.numbers.length);
    numbers.set(this.numbers);
    this.numbers = numbers;
    this.paths.length = 2 * this.paths.length;
  }

  /**
   * Trims the log to its entries (the numbers in a typed array, whose contents
   * live outside the garbage-collected heap): the log of a complete form is
   * kept as long as the form, and takes no more entries.
   */
  pack(): void {
    if (this.packed) return;
    this.packed = true;
    // Sized up front for the form (see mostValues in normalize/form.ts), a
    // log is mostly full: then it is trimmed where it is, not copied.
    if (4 * (this.paths.length - this.count) <= this.count) {
      this.numbers = this.numbers.subarray(0, 3 * this.count);
      this.paths.length = this.count;
    } else {
      this.numbers = this.numbers.slice(0, 3 * this.count);
      this.paths = this.paths.slice(0, this.count);
    }
  }

  /** The entry for a path, if one was recorded. */
  find(path: string): Provenance | undefined {
    for (let i = this.count - 1; i >= 0; i--) if (this.paths[i] === path) return this.entry(i);
    return undefined;
  }

  /** The record every Form carries: path → provenance, in the order the paths were first recorded. */
  toRecord(): Record<string, Provenance> {
    const record: Record<string, Provenance> = {};
    for (let i = 0; i < this.count; i++) record[this.paths[i]!] = this.entry(i);
    return record;
  }

  // The four shapes provenance has always had: line only when there is one,
  // bbox only for PDFs; container inputs add their address.
  private entry(i: number): Provenance {
    const line = this.numbers[3 * i]!;
    const cell = this.numbers[3 * i + 1]!;
    const page = this.numbers[3 * i + 2]!;
    const bbox = this.bboxes?.[i];
    const origin = this.origins?.[i];
    if (origin) return withOrigin(line ? { line, cell, page } : { cell, page }, origin);
    if (bbox) return line ? { line, cell, page, bbox } : { cell, page, bbox };
    return line ? { line, cell, page } : { cell, page };
  }
}

/** The entry with the origin's defined fields added (an undefined field is left out, not written as undefined). */
function withOrigin(entry: Provenance, o: ProvenanceOrigin): Provenance {
  if (o.sheet !== undefined) entry.sheet = o.sheet;
  if (o.address !== undefined) entry.address = o.address;
  if (o.table !== undefined) entry.table = o.table;
  if (o.row !== undefined) entry.row = o.row;
  if (o.column !== undefined) entry.column = o.column;
  return entry;
}

/**
 * Where a form keeps its log until the record is made: a non-enumerable
 * property, so JSON, spreading, structuredClone and equality never see it.
 * (A WeakMap from form to log cost every young-generation collection a walk
 * over its entries.)
 */
const LOG = Symbol("jixiao.provenanceLog");

type WithLog = { [LOG]?: ProvenanceLog | undefined };

function settle(target: WithLog, value: Record<string, Provenance>): void {
  Object.defineProperty(target, "provenance", { value, writable: true, enumerable: true, configurable: true });
  // Emptied, not deleted: deleting a property that is not the last one added
  // turns the object into a dictionary.
  if (Object.prototype.hasOwnProperty.call(target, LOG)) target[LOG] = undefined;
}

// One getter and one setter for every form: with the same pair of functions
// each time, the engine gives all forms one shape (per-form closures would
// make each form a dictionary of its own).
const lazyProvenance: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithLog): Record<string, Provenance> {
    const record = this[LOG]?.toRecord() ?? {};
    settle(this, record);
    return record;
  },
  set(this: WithLog, value: Record<string, Provenance>) {
    settle(this, value);
  },
};

/**
 * Gives a form its `provenance`, as its last property so far: an enumerable
 * property whose record is made from `log` when first read (and is then an
 * ordinary data property). Spreading, JSON.stringify, structuredClone and
 * deep equality all read it like any other property.
 */
export function attachProvenance<T extends object>(form: T, log: ProvenanceLog): T & { provenance: Record<string, Provenance> } {
  log.pack();
  Object.defineProperty(form, LOG, { value: log, writable: true, enumerable: false, configurable: true });
  // A new property, not a data property turned into an accessor: turning it
  // makes the object a dictionary.
  Object.defineProperty(form, "provenance", lazyProvenance);
  return form as T & { provenance: Record<string, Provenance> };
}

/**
 * The provenance of one value of a form, read without making the form's whole
 * record when it has not been made yet.
 */
export function provenanceAt(form: { provenance: Record<string, Provenance> }, path: string): Provenance | undefined {
  // Only a form's own log counts: one reached through a prototype belongs to another object.
  const log = Object.prototype.hasOwnProperty.call(form, LOG) ? (form as WithLog)[LOG] : undefined;
  return log ? log.find(path) : form.provenance[path];
}
