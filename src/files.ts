import { checkParseOptions } from "./arguments.js";
import { describeValue, UsageError } from "./model/usage-error.js";
import type { Document } from "./model/document.js";
import { parseBytes, type ParseOptions } from "./parse.js";
import { nodeSha256, readBytes } from "./file-bytes.js";

export { nodeSha256, readBytes };

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
