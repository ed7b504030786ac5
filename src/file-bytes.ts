/**
 * A file's bytes and digest (Node only), apart from the parser: the command's
 * main thread reads and digests files (standard input, --resume) without
 * loading the grammar, which only the pool's workers need.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { InputError } from "./load/errors.js";

/** Reads a file's bytes, turning file-system failures into InputErrors that name the file. */
export async function readBytes(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new InputError("input.not-found", path, "no such file");
    throw new InputError("input.unreadable", path, `cannot read the file (${code ?? "unknown error"})`);
  }
  if (info.isDirectory()) throw new InputError("input.unreadable", path, "this is a folder, not a file");
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new InputError("input.unreadable", path, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
}

/** SHA-256 through node:crypto: synchronous, and far cheaper than Web Crypto for small files. */
export function nodeSha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
