/**
 * Standard output as a stream that can fail: a reader that goes away
 * (`| head`) gives EPIPE, a full disk ENOSPC. The first error is kept, and
 * the next write or the commit throws it.
 */
import { OutputError } from "./output-error.js";

let failure: NodeJS.ErrnoException | undefined;
let watching = false;

/** Listens for errors on standard output (once per process): an unheard error event would end the process with a stack trace. */
export function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    failure ??= e;
  });
}

/** The reader of standard output has gone: the run ends quietly, as other commands do. */
export class StdoutClosed extends Error {
  constructor() {
    super("standard output was closed");
    this.name = "StdoutClosed";
  }
}

/** Throws what standard output has failed with, if anything. */
export function checkStdout(): void {
  if (!failure) return;
  if (failure.code === "EPIPE") throw new StdoutClosed();
  throw OutputError.from("standard output", failure);
}

/** True once the reader of standard output has gone. */
export function stdoutClosed(): boolean {
  return failure?.code === "EPIPE";
}
