/**
 * Reading one file of a batch, wherever it runs (a pool worker, or the main
 * thread with --jobs 0): its Document's JSON, or the reason it could not be
 * read, as messages of the pool's protocol.
 */
import { nodeSha256, readBytesSync } from "../file-bytes.js";
import { detectInput } from "../load/detect.js";
import { InputError } from "../load/errors.js";
import type { Document } from "../model/document.js";
import { parseBytes } from "../parse.js";
import { withoutProvenance } from "../cli/provenance-output.js";
import { stageDocument } from "../write/dataset-csv.js";
import { BOUND_FLAG, type DocMeta, type FromWorker, type Task, type WorkerSetup } from "./protocol.js";
import { readOptions } from "./read-options.js";
import { readStreamed, STREAM_FROM_BYTES } from "./read-streamed.js";
import { SpareBuffers } from "./spare-buffers.js";

/**
 * Reads `task`; `send` hears "begin" once the kind is known, then one of
 * done, skipped or fail (a large file's JSON comes in "part"s before its
 * done, packed into buffers from `spares`, which the caller may fill with
 * buffers given back).
 */
export async function readTask(task: Task, setup: WorkerSetup, known: Set<string>, send: (m: FromWorker) => void, spares = new SpareBuffers()): Promise<void> {
  try {
    let bytes: Uint8Array | null = takeBytes(task);
    send({ type: "begin", id: task.id, kind: detectInput(bytes, task.path) });
    const digest = nodeSha256(bytes);
    if (known.has(digest)) {
      send({ type: "skipped", id: task.id, sha256: digest });
      return;
    }
    // Staged rows are built from the whole Document, so a dataset reads even a large file whole.
    if (bytes.byteLength >= STREAM_FROM_BYTES && !setup.stage) {
      // Handed over, so that they go as soon as they are decoded: this frame would hold them to the end.
      const input = { bytes };
      bytes = null;
      const { last, meta } = await readStreamed(input, digest, task.path, setup, spares, (json) => send({ type: "part", id: task.id, json }));
      send({ type: "done", id: task.id, json: last, meta });
      return;
    }
    const doc = await parseBytes(bytes, readOptions(task.path, digest, setup));
    const meta: DocMeta = { sha256: doc.source.sha256, kind: doc.source.kind, forms: doc.forms.length, pages: doc.source.pages, bytes: doc.source.bytes };
    if (setup.stage) {
      // A dataset wants rows, not JSON: the CSV text is cheap to send and to ingest.
      send({ type: "done", id: task.id, json: new Uint8Array(0), meta: { ...meta, staged: stageDocument(doc, setup.stage) } });
      return;
    }
    const out: Document = setup.provenance ? doc : withoutProvenance(doc);
    send({ type: "done", id: task.id, json: utf8(JSON.stringify(out)), meta });
  } catch (e) {
    if (e instanceof InputError) {
      // The loader stopped itself at a bound: its message names the option, as the watchdog's does.
      const message = e.bound ? `${e.message} (${BOUND_FLAG[e.bound]})` : e.message;
      const error = { code: e.code, source: e.source, message, ...(e.page === undefined ? {} : { page: e.page }), ...(e.line === undefined ? {} : { line: e.line }) };
      send({ type: "fail", id: task.id, error, internal: false });
    } else {
      const err = e as Error;
      send({
        type: "fail", id: task.id, internal: true, stack: String(err?.stack),
        error: { code: "internal", source: task.path, message: `jixiao failed on this file: ${err?.message ?? String(e)} (a bug: please report it with the file)` },
      });
    }
  }
}

/**
 * The task's bytes (standard input), taken off it, or else the file's. The
 * task is held until its read ends (by the worker's queue, and this frame),
 * so bytes left on it would outlive their decoding: the whole of a large
 * input, while its forms are read (20 MB more peak RSS for the 20 MB seed
 * repetition from standard input than from a file, issue 12). Bytes are
 * never needed twice (the pool sends them only to a worker with nothing
 * queued before them).
 */
function takeBytes(task: Task): Uint8Array {
  const { bytes } = task;
  if (bytes === undefined) return readBytesSync(task.path);
  delete task.bytes;
  return bytes;
}

/**
 * The JSON as UTF-8, in an ArrayBuffer of its own (a small Buffer is a view
 * of a shared pool, which cannot be handed to another thread). Encoding here
 * rather than on the main thread, where the output's write would: on 1,000
 * texts at -j 2 the main thread spent 0.4 ms a file encoding, the largest of
 * its own costs (issue 12).
 */
function utf8(json: string): Uint8Array {
  const b = Buffer.from(json, "utf8");
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}
