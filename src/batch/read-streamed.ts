/**
 * A large file's Document read form by form in its worker, its JSON sent to
 * the main thread in pieces as the forms are read, so the worker never holds
 * a Document of 10,000 forms, nor its JSON as one string (issue 12: 829 MB
 * peak RSS for `parse -j 1` of the 20 MB seed repetition). The pieces joined
 * are exactly the JSON that read-task.ts sends for a small file.
 */
import { ReadFailure, writeStreamed } from "../cli/document-stream.js";
import type { Sink } from "../cli/atomic-write.js";
import { streamBytes } from "../parse.js";
import type { DocMeta, WorkerSetup } from "./protocol.js";
import { readOptions } from "./read-options.js";
import { PiecePacker, type SpareBuffers } from "./spare-buffers.js";

/** Files from this size on are read form by form; smaller ones whole, in one message. */
export const STREAM_FROM_BYTES = 1024 * 1024;

/**
 * Reads `input.bytes` as a stream of forms and hands each piece of its JSON, as
 * UTF-8 in one of `spares`' buffers, to `part`, except the last, which it returns with what is known of
 * the Document. A failure is thrown as it was met, as readTask's whole read
 * throws it: the pieces sent before it are the caller's to drop.
 *
 * `input.bytes` is let go (set to null) once the loader has decoded them, so
 * a caller that keeps no other reference to them frees the file's bytes
 * while its forms are read: 20 MB of the 20 MB seed repetition.
 */
export async function readStreamed(
  input: { bytes: Uint8Array | null },
  digest: string,
  source: string,
  setup: WorkerSetup,
  spares: SpareBuffers,
  part: (json: Uint8Array) => void,
): Promise<{ last: Uint8Array; meta: DocMeta }> {
  if (input.bytes === null) throw new Error("readStreamed: the bytes were already let go");
  const doc = await streamBytes(input.bytes, readOptions(source, digest, setup));
  input.bytes = null;
  const packer = new PiecePacker(spares, part);
  const pieces: Sink = {
    write: async (chunk) => {
      if (packer.put(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk))) {
        // A turn of the event loop, or the worker would hear nothing while it reads the file: not the
        // buffers the main thread gives back, which would wait, held, to its end.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    commit: async () => undefined,
    abort: async () => undefined,
  };
  let written;
  try {
    // Each form's text as it is made (flushAt 0): the packer gathers it, as UTF-8.
    written = await writeStreamed(doc, pieces, { pretty: false, prefix: "", provenance: setup.provenance ? "inline" : "none", side: null, flushAt: 0 });
  } catch (e) {
    throw e instanceof ReadFailure ? e.failure : e;
  }
  if (written.failure !== undefined) throw written.failure;
  return {
    last: packer.end(),
    meta: { sha256: doc.source.sha256, kind: doc.source.kind, forms: written.forms, pages: doc.source.pages, bytes: doc.source.bytes },
  };
}
