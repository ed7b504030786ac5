/**
 * A batch of files through the pool, answered in input order whatever the
 * number of workers: a result waits in the reorder window until every file
 * before it is out, and is handed on at once when it is next. The window
 * holds at most a few files per worker, so a slow file at its head stalls
 * the batch (the time bound ends that) but never fills memory.
 */
import { defaultJobs } from "./defaults.js";
import { InProcessRunner } from "./in-process.js";
import { WorkerPool, type TaskResult } from "./pool.js";
import type { Task, WorkerSetup } from "./protocol.js";

/** One file of a batch: a path, or bytes (standard input) under a name. */
export interface BatchInput {
  path: string;
  bytes?: Uint8Array;
}

/** Options of {@link runBatch}. */
export interface BatchOptions {
  /** Worker threads (default: the number of cores); 0 reads on the main thread, without the time and memory bounds a worker gives. */
  jobs?: number;
  setup: WorkerSetup;
  /** Called as a worker starts on a file, in the order they start. */
  onStart?: (input: BatchInput, index: number) => void;
  /** Called as a file finishes, in the order they finish (not input order). */
  onFinish?: (input: BatchInput, index: number, result: TaskResult) => void;
}

/** Files in flight or waiting in the reorder window, per worker. */
const WINDOW_PER_JOB = 8;

/** Reads every input in a pool of workers; yields each result in input order, as soon as it can. */
export async function* runBatch(inputs: AsyncIterable<BatchInput> | Iterable<BatchInput>, options: BatchOptions): AsyncGenerator<{ input: BatchInput; index: number; result: TaskResult }> {
  const jobs = options.jobs ?? defaultJobs();
  const inputsOf = new Map<number, BatchInput>();
  const onStart = (t: Task) => options.onStart?.(inputsOf.get(t.id)!, t.id);
  const pool = jobs === 0 ? new InProcessRunner(options.setup, onStart) : new WorkerPool({ jobs, setup: options.setup, onStart });
  const window_ = Math.max(1, jobs) * WINDOW_PER_JOB;
  const window: Array<{ input: BatchInput; index: number; result: Promise<TaskResult> }> = [];
  try {
    let index = 0;
    const submit = (input: BatchInput) => {
      const id = index++;
      inputsOf.set(id, input);
      const task: Task = input.bytes ? { id, path: input.path, bytes: input.bytes } : { id, path: input.path };
      const result = pool.run(task).then((r) => {
        options.onFinish?.(input, id, r);
        return r;
      });
      window.push({ input, index: id, result });
    };
    for await (const input of inputs) {
      submit(input);
      while (window.length >= window_) {
        const head = window.shift()!;
        const result = await head.result;
        inputsOf.delete(head.index);
        yield { input: head.input, index: head.index, result };
      }
    }
    while (window.length > 0) {
      const head = window.shift()!;
      const result = await head.result;
      inputsOf.delete(head.index);
      yield { input: head.input, index: head.index, result };
    }
  } finally {
    await pool.close();
  }
}
