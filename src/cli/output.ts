import { lstat, realpath, stat } from "node:fs/promises";
import { AtomicFileSink, DirectFileSink, StdoutSink, type Sink } from "./atomic-write.js";
import { OutputError } from "./output-error.js";

/**
 * Opens the output of a run: standard output when there is no target, else
 * the target as what it is.
 * - a regular file, or a path that does not exist yet: written atomically;
 * - a symlink to a regular file: the file it points to is written atomically
 *   and the link stays;
 * - a device (/dev/null, /dev/full), a FIFO, a dangling symlink, or a link
 *   into /proc (/dev/stdout): written through in place, never renamed over;
 * - a folder: refused.
 */
export async function openOutput(target: string | undefined): Promise<Sink> {
  if (target === undefined) return new StdoutSink();
  const link = await lstat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    throw OutputError.from(target, e);
  });
  if (link === null) return AtomicFileSink.open(target, target);
  if (link.isDirectory()) throw new OutputError(target, "it is a folder");
  if (link.isFile()) return AtomicFileSink.open(target, target, link.mode & 0o7777);
  if (link.isSymbolicLink()) {
    const info = await stat(target).catch(() => null);
    if (info === null) return DirectFileSink.open(target);
    if (info.isDirectory()) throw new OutputError(target, "it is a link to a folder");
    if (info.isFile()) {
      const real = await realpath(target).catch(() => null);
      if (real !== null && !real.startsWith("/proc/")) return AtomicFileSink.open(real, target, info.mode & 0o7777);
    }
  }
  return DirectFileSink.open(target);
}
