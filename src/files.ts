import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { checkParseOptions } from "./arguments.js";
import { InputError } from "./load/errors.js";
import { describeValue, UsageError } from "./model/usage-error.js";
import type { Document } from "./model/document.js";
import { parseBytes, type ParseOptions } from "./parse.js";

/**
 * Parses one file, PDF or text export (Node only).
 *
 * @throws UsageError when `path` is not a non-empty string, or an option is invalid
 * @throws InputError `input.not-found`, `input.unreadable`, or any code of {@link parseBytes}
 */
export async function parseFile(path: string, options?: Omit<ParseOptions, "source">): Promise<Document> {
  if (typeof path !== "string" || path === "") {
    throw new UsageError("usage.input", "path", `parseFile: path must be a file name, not ${path === "" ? "an empty string" : describeValue(path)}`);
  }
  options = checkParseOptions("parseFile", options);
  const bytes = await readBytes(path);
  return parseBytes(bytes, { sha256: nodeSha256, ...options, source: path });
}

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
