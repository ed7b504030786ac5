/**
 * A pool of worker threads, each reading one file at a time, with the two
 * bounds a thread cannot enforce on itself while pdf.js holds it:
 * - time: a timer on the main thread terminates the worker of a file that
 *   runs past the bound (a nested `q … Q` stream never yields to a timer
 *   in its own thread);
 * - memory: the worker's V8 heap is capped by `resourceLimits`, and a main
 *   thread watchdog reads the process's RSS, because array buffers (a stream
 *   inflating to a gigabyte) live outside that heap.
 * A worker that broke a bound is replaced and the batch goes on.
 *
 * Each worker holds its file and up to QUEUED_AHEAD more, which it reads one
 * after another: a worker that had to wait for the main thread to hear its
 * last file before it got the next sat idle some 40 % of a batch of small
 * texts (a --cpu-prof of each thread, issue 12). A file's time bound starts
 * when it becomes its worker's current file (the one before it answered, so
 * the worker is on it), not when it was queued; the files queued behind a
 * worker that is ended go back to the head of the pool's queue, in order,
 * for the next worker, and none is read twice (a worker reads in order, so
 * none behind its current file has begun).
 *
 * node:worker_threads directly, not piscina or tinypool: the pool must know
 * which file each worker holds, terminate exactly that worker on a bound,
 * and hear a worker's own memory reports; both libraries hide the worker
 * behind a task promise (cancellation through an AbortSignal that cannot
 * interrupt a blocked thread in tinypool, no per-task worker in piscina).
 */
import type { Worker } from "node:worker_threads";
import { boundMessage } from "../load/errors.js";
import { BOUND_FLAG, type ErrorInfo, type FromWorker, type Task, type ToWorker, type WorkerSetup } from "./protocol.js";
import { toBlame } from "./blame.js";
import { startWorker } from "./worker-script.js";
import type { DocMeta } from "./protocol.js";

/** The outcome of one file. */
export type TaskResult =
  /** `json`: the Document's JSON in UTF-8, in one piece or (a large file) several, to be joined; the last only, when its pieces went to run's `onPart`. */
  | { ok: true; json: Uint8Array[]; meta: DocMeta }
  | { ok: false; skipped: true; sha256: string }
  | { ok: false; skipped?: false; error: ErrorInfo; internal: boolean; stack?: string };

/**
 * Takes a piece of a large file's JSON; `written` gives its memory back to
 * the worker, to fill again: called once the piece is written and no longer
 * looked at (it is then emptied), or never.
 */
export type OnPart = (json: Uint8Array, written: () => void) => void;

/** How the pool runs. */
export interface PoolOptions {
  jobs: number;
  setup: WorkerSetup;
  /** Called when a worker starts on a file. */
  onStart?: (task: Task) => void;
}

interface Held {
  task: Task;
  resolve: (r: TaskResult) => void;
  /** The kind the worker said the file is, once it has begun it. */
  kind?: string;
  /** The time bound's timer, set once the file is the worker's current one. */
  timer?: ReturnType<typeof setTimeout>;
  /** Takes each piece of a large file's JSON as it is heard; without it, the pieces are gathered into the result. */
  onPart?: OnPart | undefined;
  /** The pieces of a large file's JSON heard so far, when there is no onPart. */
  parts?: Uint8Array[];
}

interface Slot {
  worker: Worker;
  /** The files sent to the worker, in the order it reads them: the first is the one it is reading. */
  held: Held[];
  /** Whether the worker has loaded its modules and can take a file. */
  ready: boolean;
  /** Time of the worker's last memory report (a blocked worker sends none). */
  heard: number;
  used: number;
  /** The workers' memory (overhead()) at the watchdog's first tick after `heard`: what has grown since is what a silent worker could have taken. */
  atHeard: { heard: number; overhead: number } | null;
  dead: boolean;
}

const MB = 1024 * 1024;

/** Files a worker holds beyond the one it is reading. */
const QUEUED_AHEAD = 2;

/** A fixed number of workers and a queue of files. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Held[] = [];
  private watchdog: ReturnType<typeof setInterval> | undefined;
  /** RSS that is not the main thread's heap, before any worker: the process's own code and buffers. */
  private readonly baseOverhead: number;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.baseOverhead = overhead();
  }

  /**
   * Reads one file; never rejects: a failure is a result. With `onPart`, a
   * large file's JSON pieces go to it as they come, and the result's `json`
   * holds only the last.
   */
  run(task: Task, onPart?: OnPart): Promise<TaskResult> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve, onPart });
      this.pump();
    });
  }

  /** Ends every worker. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    await Promise.all(this.slots.map((s) => (s.dead ? undefined : s.worker.terminate())));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      // Bytes (standard input) are handed over, not copied, so they go only to a
      // worker with nothing before them: never queued behind a file whose bound
      // could end that worker, they are never needed a second time.
      const slot = this.slotWithRoom(this.queue[0]!.task.bytes ? 0 : QUEUED_AHEAD);
      if (!slot) break;
      const held = this.queue.shift()!;
      slot.held.push(held);
      if (slot.held.length === 1) this.begin(slot);
      const { task } = held;
      slot.worker.postMessage(task, task.bytes ? [task.bytes.buffer as ArrayBuffer] : []);
    }
    this.watch();
  }

  /** The worker's first held file is the one it is reading now: its time bound starts. */
  private begin(slot: Slot): void {
    const current = slot.held[0];
    if (!current) return;
    current.timer = setTimeout(() => this.timeOut(slot), this.options.setup.timeoutMs);
    slot.heard = Date.now();
    this.options.onStart?.(current.task);
  }

  /**
   * The ready worker holding fewest files, if it holds no more than
   * `ahead` files already. Unless that worker is idle, also starts workers
   * (one per file waiting, up to --jobs, a dead one's place first): each
   * takes its first file when it says it is ready, so its start-up does not
   * count against that file's time bound.
   */
  private slotWithRoom(ahead: number): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) {
      if (s.dead || !s.ready || s.held.length > ahead) continue;
      if (!best || s.held.length < best.held.length) best = s;
    }
    if (best && best.held.length === 0) return best;
    const starting = this.slots.filter((s) => !s.dead && !s.ready).length;
    if (starting >= this.queue.length) return best;
    const dead = this.slots.findIndex((s) => s.dead);
    if (dead >= 0) this.slots[dead] = this.spawn();
    else if (this.slots.length < this.options.jobs) this.slots.push(this.spawn());
    return best;
  }

  private spawn(): Slot {
    const { setup } = this.options;
    const worker = startWorker(setup, { maxOldGenerationSizeMb: Math.max(64, Math.floor(setup.maxMemoryBytes / MB)) });
    const slot: Slot = { worker, held: [], ready: false, heard: Date.now(), used: 0, atHeard: null, dead: false };
    worker.on("message", (m: FromWorker) => this.hear(slot, m));
    worker.on("error", (e: Error & { code?: string }) => {
      if (!slot.ready) this.cannotStart(slot, e.message);
      else if (e.code === "ERR_WORKER_OUT_OF_MEMORY") this.fail(slot, this.boundError(slot, "memory"));
      else this.fail(slot, { error: { code: "internal", source: slot.held[0]?.task.path ?? "worker", message: `a worker failed: ${e.message} (a bug: please report it with the file)` }, internal: true, stack: String(e.stack) });
    });
    worker.on("exit", () => {
      if (!slot.ready) this.cannotStart(slot, "it exited");
      else if (!slot.dead) this.fail(slot, { error: { code: "internal", source: slot.held[0]?.task.path ?? "worker", message: "a worker stopped unexpectedly (a bug: please report it with the file)" }, internal: true });
    });
    return slot;
  }

  /** A worker that fails before it is ready would fail again: every file waiting is answered with why, and none is read. */
  private cannotStart(slot: Slot, why: string): void {
    if (slot.dead) return;
    slot.dead = true;
    for (const { task, resolve } of this.queue.splice(0)) {
      resolve({ ok: false, internal: true, error: { code: "internal", source: task.path, message: `could not start a worker to read it: ${why} (a bug: please report it)` } });
    }
  }

  private hear(slot: Slot, m: FromWorker): void {
    if (m.type === "ready") {
      slot.ready = true;
      slot.heard = Date.now();
      this.pump();
      return;
    }
    if (m.type === "memory") {
      slot.heard = Date.now();
      slot.used = m.used;
      return;
    }
    slot.heard = Date.now();
    if (m.type === "begin") {
      // A queued file can begin before the main thread has heard the one before it end.
      const held = slot.held.find((h) => h.task.id === m.id);
      if (held) held.kind = m.kind;
      return;
    }
    const current = slot.held[0];
    if (current?.task.id !== m.id) return;
    if (m.type === "part") {
      if (current.onPart) current.onPart(m.json, () => this.giveBack(slot, m.json));
      else (current.parts ??= []).push(m.json);
      return;
    }
    if (m.type === "fail" && m.error.code === "pdf.too-large") {
      // The engine's memory is not given back after a bound (PDFium's wasm
      // heap grows and never shrinks), so the files behind this one would
      // start short of it: the worker is replaced as if the pool had ended it.
      this.fail(slot, { error: m.error, internal: m.internal });
      return;
    }
    const result: TaskResult = m.type === "done" ? { ok: true, json: [...(current.parts ?? []), m.json], meta: m.meta }
      : m.type === "skipped" ? { ok: false, skipped: true, sha256: m.sha256 }
      : { ok: false, error: m.error, internal: m.internal, ...(m.stack ? { stack: m.stack } : {}) };
    this.settle(slot, result);
    this.pump();
  }

  /** A written piece's buffer, back to the worker that filled it, if it is still there. */
  private giveBack(slot: Slot, json: Uint8Array): void {
    if (slot.dead || json.buffer.byteLength === 0) return;
    const spare = json.buffer as ArrayBuffer;
    slot.worker.postMessage({ spare } satisfies ToWorker, [spare]);
  }

  /** Answers for the worker's current file; the next it holds becomes current. */
  private settle(slot: Slot, result: TaskResult): void {
    const current = slot.held.shift();
    if (!current) return;
    clearTimeout(current.timer);
    current.resolve(result);
    if (!slot.dead) this.begin(slot);
  }

  /**
   * Ends a worker that broke a bound or died, answering for its current
   * file; the files queued behind it go back to the head of the queue, in
   * order, and a new worker takes its place when next needed.
   */
  private fail(slot: Slot, result: Omit<Extract<TaskResult, { error: ErrorInfo }>, "ok">): void {
    if (slot.dead) return;
    slot.dead = true;
    void slot.worker.terminate();
    this.settle(slot, { ok: false, ...result });
    this.queue.unshift(...slot.held.splice(0));
    if (!this.closed) this.pump();
  }

  private timeOut(slot: Slot): void {
    this.fail(slot, this.boundError(slot, "time"));
  }

  private boundError(slot: Slot, bound: "time" | "memory"): { error: ErrorInfo; internal: false } {
    const { setup } = this.options;
    const current = slot.held[0];
    const code = current?.kind === "pdf" ? "pdf.too-large" : "input.too-large";
    const message = `${boundMessage(bound, bound === "time" ? setup.timeoutMs : setup.maxMemoryBytes)} (${BOUND_FLAG[bound]}); the file was abandoned`;
    return { error: { code, source: current?.task.path ?? "input", message }, internal: false };
  }

  /**
   * Every 20 ms while a file is being read: the memory the workers hold,
   * estimated as the process's RSS less the main thread's heap and its
   * overhead before the pool. Past jobs × the bound, the worker to blame is
   * ended: see toBlame.
   */
  private watch(): void {
    const busy = this.slots.some((s) => s.held.length > 0);
    if (!busy) {
      clearInterval(this.watchdog);
      this.watchdog = undefined;
      return;
    }
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      const now = Date.now();
      const held = overhead();
      for (const s of this.slots) if (s.atHeard?.heard !== s.heard) s.atHeard = { heard: s.heard, overhead: held };
      const budget = this.options.jobs * this.options.setup.maxMemoryBytes;
      if (held - this.baseOverhead <= budget) return;
      const watched = this.slots.filter((s) => !s.dead).map((s) => ({
        slot: s, busy: s.held.length > 0, heard: s.heard, used: s.used, overheadAtHeard: s.atHeard?.overhead ?? held,
      }));
      const blamed = toBlame(watched, now, held, this.options.setup.maxMemoryBytes);
      if (blamed) this.fail(blamed.slot, this.boundError(blamed.slot, "memory"));
    }, 20);
    this.watchdog.unref();
  }
}

/** RSS less the main thread's heap and array buffers: what the workers hold, plus a constant. */
function overhead(): number {
  const m = process.memoryUsage();
  return m.rss - m.heapTotal - m.arrayBuffers;
}
