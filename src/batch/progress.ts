/**
 * Progress of a batch on stderr: on a terminal, one line redrawn in place
 * (files done of total, pages/s, ETA, errors so far, the file being read);
 * into a log (--progress), the same line every few seconds. Then one
 * summary line: files, forms, pages, errors by code, wall time. Never on
 * standard output.
 */

/** Where progress is written: stderr, or a stand-in in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A finished file, as progress counts it. */
export type Finished = { ok: true; forms: number; pages: number } | { ok: false; code: string } | { ok: false; skipped: true };

/** Options of {@link Progress}. */
export interface ProgressOptions {
  /** auto: on a terminal only; always: also into a log; never. */
  mode: "auto" | "always" | "never";
  /** Seconds between lines in a log. */
  every?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

const REDRAW_MS = 100;

export class Progress {
  private readonly tty: boolean;
  readonly enabled: boolean;
  private readonly now: () => number;
  private readonly started: number;
  private readonly every: number;
  private last = -Infinity;
  private done = 0;
  private skipped = 0;
  private forms = 0;
  private pages = 0;
  private readonly errors = new Map<string, number>();
  private current = "";
  private drawn = false;

  constructor(private readonly stream: ProgressStream, private total: number, options: ProgressOptions) {
    this.tty = stream.isTTY === true;
    this.enabled = options.mode === "always" || (options.mode === "auto" && this.tty);
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.every = (options.every ?? 5) * 1000;
  }

  /** A worker started on `path`. */
  start(path: string): void {
    this.current = path;
    this.tick();
  }

  /** A file is done. */
  finish(f: Finished): void {
    this.done++;
    if (f.ok) {
      this.forms += f.forms;
      this.pages += f.pages;
    } else if ("skipped" in f) this.skipped++;
    else this.errors.set(f.code, (this.errors.get(f.code) ?? 0) + 1);
    this.tick();
  }

  /** The closing summary line (clears the redrawn line first). */
  end(): void {
    if (!this.enabled) return;
    this.clear();
    this.stream.write(this.summary() + "\n");
  }

  /** files, forms, pages, errors by code, wall time. */
  summary(): string {
    const secs = (this.now() - this.started) / 1000;
    const errors = [...this.errors.values()].reduce((a, b) => a + b, 0);
    const byCode = [...this.errors].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${c} ${n}`).join(", ");
    return `jixiao: ${this.done} file(s)${this.skipped ? ` (${this.skipped} already in the output)` : ""}, ${this.forms} form(s), ${this.pages} page(s), ` +
      `${errors} error(s)${byCode ? ` (${byCode})` : ""}, ${secs.toFixed(1)} s`;
  }

  /** The progress line: done/total, pages/s, ETA, errors, current file. */
  line(): string {
    const secs = Math.max(0.001, (this.now() - this.started) / 1000);
    const errors = [...this.errors.values()].reduce((a, b) => a + b, 0);
    const rate = this.done > 0 ? this.done / secs : 0;
    const eta = rate > 0 ? `, ETA ${clock((this.total - this.done) / rate)}` : "";
    const pct = this.total > 0 ? ` ${Math.floor((100 * this.done) / this.total)}%` : "";
    return `jixiao: ${this.done}/${this.total} files${pct}, ${(this.pages / secs).toFixed(1)} pages/s${eta}, ${errors} error(s)${this.current ? `, reading ${this.current}` : ""}`;
  }

  private tick(): void {
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.last < (this.tty ? REDRAW_MS : this.every)) return;
    this.last = t;
    if (this.tty) {
      const width = (this.stream as { columns?: number }).columns ?? 120;
      this.stream.write(`\r\x1b[2K${this.line().slice(0, Math.max(20, width - 1))}`);
      this.drawn = true;
    } else this.stream.write(this.line() + "\n");
  }

  /** Clears the redrawn line so a message printed next starts at the margin. */
  clear(): void {
    if (this.drawn) {
      this.stream.write("\r\x1b[2K");
      this.drawn = false;
    }
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : m > 0 ? `${m}m${String(r).padStart(2, "0")}s` : `${r}s`;
}
