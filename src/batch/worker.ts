/**
 * A pool worker: reads the files it is sent, one at a time, in the order sent, and answers with
 * each Document's JSON or the reason it could not be read. The grammar is
 * built once per worker, when the first file needs it.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { FromWorker, ToWorker, WorkerSetup } from "./protocol.js";
import { memoryInUse } from "./memory.js";
import { readTask } from "./read-task.js";
import { SpareBuffers } from "./spare-buffers.js";

const port = parentPort!;
const setup = workerData as WorkerSetup;
const known = new Set(setup.known);
// A Document's JSON, or its staged rows, is handed over, not copied.
const send = (m: FromWorker) => port.postMessage(m, handedOver(m));

function handedOver(m: FromWorker): ArrayBuffer[] {
  if (m.type === "part") return [m.json.buffer as ArrayBuffer];
  if (m.type !== "done") return [];
  const staged = m.meta.staged;
  return staged ? [m.json.buffer as ArrayBuffer, staged.bytes.buffer as ArrayBuffer] : [m.json.buffer as ArrayBuffer];
}

// The pool reads the memory a blocked worker cannot report: a report that
// stops coming marks the worker that is stuck in one long allocation.
setInterval(() => {
  send({ type: "memory", used: memoryInUse() });
}, 100).unref();

// The pool queues files ahead of the one being read; they are read strictly
// in turn, so that the pool knows which file a bound was broken on and that
// none queued behind it has begun (readTask never rejects).
let reading: Promise<void> = Promise.resolve();
const spares = new SpareBuffers();
port.on("message", (m: ToWorker) => {
  if ("spare" in m) {
    spares.give(m.spare);
    return;
  }
  reading = reading.then(() => readTask(m, setup, known, send, spares));
});
send({ type: "ready" });
