import { DirectFileSink } from "./atomic-write.js";
import type { Sink } from "./atomic-write.js";
import { UsageError } from "./args.js";
import { say } from "./common.js";
import { jsonlOutput } from "./resume.js";

/**
 * The output of `parse --resume`: the JSONL file at `out`, opened for
 * appending, and the digests of the Documents it already holds. Only an
 * appendable output resumes; a whole-file output (JSON, CSV) keeps its
 * atomic rename and has nothing to resume from.
 */
export async function openResumed(format: string, provenance: string, out: string | undefined): Promise<{ sink: Sink; known: Set<string> }> {
  if (out === undefined) throw new UsageError("--resume needs --out FILE: the output it resumes", "parse");
  if (format !== "jsonl") throw new UsageError(`--resume appends to a JSON Lines file (--format jsonl, or --out FILE.jsonl), not ${format}`, "parse");
  if (provenance === "table") throw new UsageError("--resume cannot keep <out>.provenance.jsonl, a whole file: use --provenance inline or none", "parse");
  const known = await jsonlOutput(out, say).knownDigests();
  return { sink: await DirectFileSink.open(out, "a"), known };
}
