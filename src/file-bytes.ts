/**
 * A file's bytes and digest (Node only), apart from the parser: the command's
 * main thread reads and digests files (standard input, --resume) without
 * loading the grammar, which only the pool's workers need.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, type Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { InputError } from "./load/errors.js";

/** Reads a file's bytes, turning file-system failures into InputErrors that name the file. */
export async function readBytes(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw statFailure(path, e);
  }
  checkIsFile(path, info);
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw readFailure(path, e);
  }
}

/**
 * readBytes, blocking: for a pool worker, which has nothing else to do while
 * it reads. The asynchronous calls go through libuv's thread pool, one for
 * the whole process: on a loaded machine every worker sat waiting on it at
 * once (a --cpu-prof of each thread, 1,000 texts at -j 2, issue 12).
 */
export function readBytesSync(path: string): Uint8Array {
  let info;
  try {
    info = statSync(path);
  } catch (e) {
    throw statFailure(path, e);
  }
  checkIsFile(path, info);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw readFailure(path, e);
  }
}

function statFailure(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new InputError("input.not-found", path, "no such file");
  return new InputError("input.unreadable", path, `cannot read the file (${code ?? "unknown error"})`);
}

function checkIsFile(path: string, info: Stats): void {
  if (info.isDirectory()) throw new InputError("input.unreadable", path, "this is a folder, not a file");
}

function readFailure(path: string, e: unknown): InputError {
  return new InputError("input.unreadable", path, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? "unknown error"})`);
}

/** SHA-256 through node:crypto: synchronous, and far cheaper than Web Crypto for small files. */
export function nodeSha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
