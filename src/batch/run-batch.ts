/**
 * A batch of files through the pool, answered in input order whatever the
 * number of workers: a result waits in the reorder window until every file
 * before it is out, and is handed on at once when it is next. The window
 * holds at most a few files per worker, so a slow file at its head stalls
 * the batch (the time bound ends that) but never fills memory.
 *
 * A large file, whose worker sends its JSON in pieces as its forms are read
 * (read-streamed.ts), is handed on as those pieces, once it is at the head
 * of the window and its first piece has come: an output can then write each
 * piece as it comes, and the file's JSON is never whole on the main thread.
 */
import { defaultJobs } from "./defaults.js";
import { InProcessRunner } from "./in-process.js";
import { Pieces } from "./pieces.js";
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

/** A file read whole: its result, the JSON in `result.json`. */
export interface SettledItem {
  input: BatchInput;
  index: number;
  result: TaskResult;
}

/**
 * A large file whose JSON is still coming: the reader takes its pieces,
 * in order, before asking for the next item (the generator waits for that),
 * then hears how it ended from `pieces.end()`.
 */
export interface StreamedItem {
  input: BatchInput;
  index: number;
  pieces: Pieces;
}

/** What {@link runBatch} yields for each file, in input order. */
export type BatchItem = SettledItem | StreamedItem;

/** A file's result whole, its pieces gathered if it was streamed: for a reader that wants the Document. */
export async function settled(item: BatchItem): Promise<TaskResult> {
  if ("result" in item) return item.result;
  const json: Uint8Array[] = [];
  for await (const piece of item.pieces) json.push(piece);
  const end = await item.pieces.end();
  return end.ok ? { ok: true, json, meta: end.meta } : end;
}

interface Entry {
  input: BatchInput;
  index: number;
  result: Promise<TaskResult>;
  /** Resolves true once the file's first piece comes, false if it ends without pieces (a file read whole). */
  streams: Promise<boolean>;
  pieces: Pieces;
}

/** Files in flight or waiting in the reorder window, per worker. */
const WINDOW_PER_JOB = 8;

/** Reads every input in a pool of workers; yields each file in input order, as soon as it can (a large file as its pieces come). */
export async function* runBatch(inputs: AsyncIterable<BatchInput> | Iterable<BatchInput>, options: BatchOptions): AsyncGenerator<BatchItem> {
  const jobs = options.jobs ?? defaultJobs();
  const inputsOf = new Map<number, BatchInput>();
  const onStart = (t: Task) => options.onStart?.(inputsOf.get(t.id)!, t.id);
  const pool = jobs === 0 ? new InProcessRunner(options.setup, onStart) : new WorkerPool({ jobs, setup: options.setup, onStart });
  const window_ = Math.max(1, jobs) * WINDOW_PER_JOB;
  const window: Entry[] = [];
  try {
    let index = 0;
    const submit = (input: BatchInput) => {
      const id = index++;
      inputsOf.set(id, input);
      const task: Task = input.bytes ? { id, path: input.path, bytes: input.bytes } : { id, path: input.path };
      const pieces = new Pieces();
      let streaming = false;
      let began!: (streams: boolean) => void;
      const streams = new Promise<boolean>((resolve) => (began = resolve));
      const result = pool.run(task, (json, written) => {
        if (!streaming) began((streaming = true));
        pieces.push(json, written);
      }).then((r) => {
        options.onFinish?.(input, id, r);
        if (!streaming) began(false);
        else if (r.ok) {
          for (const json of r.json) pieces.push(json);
          pieces.finish({ ok: true, meta: r.meta });
        } else {
          // A file is skipped before its reading begins, so one that streamed never is.
          pieces.finish(r.skipped ? { ok: false, internal: true, error: { code: "internal", source: input.path, message: "a file was skipped after its JSON began (a bug: please report it)" } } : r);
        }
        return r;
      }, (e: unknown) => {
        // The pool never rejects, but starting a worker can throw: the batch ends with it, as does a reader waiting on the pieces.
        pieces.finish({ ok: false, internal: true, error: { code: "internal", source: input.path, message: `the file was not read: ${(e as Error)?.message ?? String(e)} (a bug: please report it)` } });
        throw e;
      });
      window.push({ input, index: id, result, streams, pieces });
    };
    const next = async (): Promise<BatchItem> => {
      const head = window.shift()!;
      // A file that failed to start never says whether it streams: its result's rejection ends the batch.
      const streams = await Promise.race([head.streams, head.result.then(() => false)]);
      const item: BatchItem = streams
        ? { input: head.input, index: head.index, pieces: head.pieces }
        : { input: head.input, index: head.index, result: await head.result };
      inputsOf.delete(head.index);
      return item;
    };
    for await (const input of inputs) {
      submit(input);
      while (window.length >= window_) yield await next();
    }
    while (window.length > 0) yield await next();
  } finally {
    await pool.close();
  }
}
