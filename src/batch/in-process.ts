import type { OnPart, TaskResult } from "./pool.js";
import type { ErrorInfo, FromWorker, Task, WorkerSetup } from "./protocol.js";

/**
 * The pool's stand-in with no worker (--jobs 0): each file is read on the
 * main thread, one after another. No thread can be ended, so the time bound
 * holds only where the PDF loader checks it (between pages) and memory only
 * through the loader's own check; for debugging, and for tests that replace
 * a module of the parser.
 */
export class InProcessRunner {
  private readonly known: Set<string>;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly setup: WorkerSetup, private readonly onStart?: (task: Task) => void) {
    this.known = new Set(setup.known);
  }

  /** Reads one file after those before it; `onPart` as in WorkerPool.run. */
  run(task: Task, onPart?: OnPart): Promise<TaskResult> {
    const next = this.chain.then(() => this.read(task, onPart));
    this.chain = next;
    return next;
  }

  private async read(task: Task, onPart: OnPart | undefined): Promise<TaskResult> {
    this.onStart?.(task);
    let result: TaskResult = { ok: false, error: { code: "internal", source: task.path, message: "the file was not read (a bug: please report it)" } as ErrorInfo, internal: true };
    // Imported here: the parser is loaded on the main thread only when it reads there.
    const { readTask } = await import("./read-task.js");
    const parts: Uint8Array[] = [];
    await readTask(task, this.setup, this.known, (m: FromWorker) => {
      if (m.type === "part") {
        // Nothing to give back: this thread's own garbage collector frees a written piece.
        if (onPart) onPart(m.json, () => undefined);
        else parts.push(m.json);
      }
      else if (m.type === "done") result = { ok: true, json: [...parts, m.json], meta: m.meta };
      else if (m.type === "skipped") result = { ok: false, skipped: true, sha256: m.sha256 };
      else if (m.type === "fail") result = { ok: false, error: m.error, internal: m.internal, ...(m.stack ? { stack: m.stack } : {}) };
    });
    return result;
  }

  async close(): Promise<void> {}
}
