/**
 * The page's side of the parse worker: one worker for the session, jobs
 * answered by id, so files parse in order without blocking the page.
 */
import type { Document, VerifyOptions } from "../src/core.js";
import type { ParseJob } from "./parse-worker.js";

type Answer = { id: number; doc?: Document; error?: string };

let worker: Worker | undefined;
let next = 1;
const waiting = new Map<number, { resolve: (d: Document) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const w = new Worker(new URL("./parse-worker.ts", import.meta.url), { type: "module" });
  w.onmessage = (e: MessageEvent<Answer>) => {
    const job = waiting.get(e.data.id);
    if (!job) return;
    waiting.delete(e.data.id);
    if (e.data.doc) job.resolve(e.data.doc);
    else job.reject(new Error(e.data.error ?? "the parser gave no answer"));
  };
  w.onerror = (e) => {
    // A worker that fails to start fails every job it holds, with the browser's reason.
    for (const job of waiting.values()) job.reject(new Error(`parser worker: ${e.message}`));
    waiting.clear();
    worker = undefined;
  };
  return w;
}

/** Parses and verifies one file's bytes in the worker. */
export function parseInWorker(name: string, bytes: Uint8Array, verify: VerifyOptions, assets: ParseJob["assets"]): Promise<Document> {
  worker ??= start();
  const id = next++;
  const w = worker;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    const job: ParseJob = { id, name, bytes, verify, assets };
    w.postMessage(job);
  });
}
