/**
 * The messages between the pool (main thread) and its workers. Everything in
 * them is structured-cloneable; a Document travels as its JSON text, which is
 * what the commonest outputs write anyway, so it is made once, in the worker,
 * and in UTF-8, handed over rather than copied, so that the main thread
 * neither copies nor encodes it to write it (see read-task.ts).
 */
import type { InputErrorCode } from "../load/errors.js";
import type { InputLimits } from "../load/limits.js";
import type { VerifyOptions } from "../verify/index.js";
import type { EngineName } from "../load/pdf/engines/types.js";
import type { StagedDocument, StagingOptions } from "../write/dataset-csv.js";

/** What a worker is told once, when it starts. */
export interface WorkerSetup {
  /** SHA-256 digests to skip (--resume): a file with one of them is not parsed. */
  known: string[];
  limits: InputLimits;
  /** The per-file time bound, given to the PDF loader too, which can stop between pages. */
  timeoutMs: number;
  /** The per-file memory bound, given to the PDF loader's own check between pages. */
  maxMemoryBytes: number;
  maxPages?: number;
  verify: VerifyOptions | false;
  /** Whether each form's provenance is put into the JSON. */
  provenance: boolean;
  /** The PDF engine (`--engine`); the library's default when absent. */
  engine?: EngineName;
  /**
   * Set for a dataset writer that takes staged rows (DuckDB): each Document
   * is sent as its dataset rows (DocMeta.staged), built with these options,
   * and not as JSON (`json` is then empty), so the main thread neither parses
   * JSON nor builds rows.
   */
  stage?: StagingOptions;
}

/** One file to read: by path, or its bytes (standard input) under a name. */
export interface Task {
  id: number;
  path: string;
  bytes?: Uint8Array;
}

/** A buffer of a large file's JSON piece, written by the main thread and given back to its worker for the next piece. */
export interface Spare {
  spare: ArrayBuffer;
}

/** What the pool sends a worker: a file to read, or a buffer back. */
export type ToWorker = Task | Spare;

/** An InputError as it crosses threads. */
export interface ErrorInfo {
  code: InputErrorCode;
  source: string;
  message: string;
  page?: number;
  line?: number;
}

/** What is known of a read Document without parsing its JSON. */
export interface DocMeta {
  sha256: string;
  kind: string;
  forms: number;
  pages: number | null;
  bytes: number;
  /** The Document's dataset rows as CSV per table (handed over, not copied), when WorkerSetup.stage asks for them. */
  staged?: StagedDocument;
}

export type FromWorker =
  | { type: "begin"; id: number; kind: string }
  /** A piece of a large file's JSON, before its done: the pieces and the done's json, joined, are the Document's JSON. */
  | { type: "part"; id: number; json: Uint8Array }
  | { type: "done"; id: number; json: Uint8Array; meta: DocMeta }
  | { type: "skipped"; id: number; sha256: string }
  | { type: "fail"; id: number; error: ErrorInfo; internal: boolean; stack?: string }
  | { type: "memory"; used: number }
  /** Sent once the worker's modules (the grammar among them) are loaded: a file's time bound starts when it is handed to a ready worker. */
  | { type: "ready" };

/** The option that sets each bound, named in a bound's error so the user knows what to raise. */
export const BOUND_FLAG = { time: "--timeout", memory: "--max-memory" } as const;
