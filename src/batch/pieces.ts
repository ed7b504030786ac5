/**
 * A large file's JSON on the main thread, as its worker sends it: the pieces
 * are handed on in order as they come, so an output can write each and let
 * it go, instead of gathering the file's whole JSON first (issue 12: the
 * 114 MB of JSON of the 20 MB seed repetition, held until it was whole, was
 * most of `parse --format jsonl`'s peak RSS).
 */
import type { DocMeta, ErrorInfo } from "./protocol.js";

/** How a file's reading ended: its Document read, or why not (the pieces taken so far are then the caller's to take back). */
export type PiecesEnd =
  | { ok: true; meta: DocMeta }
  | { ok: false; skipped?: false; error: ErrorInfo; internal: boolean; stack?: string };

/**
 * One file's JSON pieces, from one producer (the pool) to one reader. The
 * reader iterates the pieces (the last one included, once the file is read),
 * then awaits {@link Pieces.end}.
 */
export class Pieces implements AsyncIterable<Uint8Array> {
  private readonly waiting: Array<{ piece: Uint8Array; written?: (() => void) | undefined }> = [];
  private ended: PiecesEnd | undefined;
  private wake: (() => void) | undefined;

  /** A piece, in order; `written` as in the pool's OnPart. */
  push(piece: Uint8Array, written?: () => void): void {
    this.waiting.push({ piece, written });
    this.poke();
  }

  /** The file is done; after it, no piece comes. */
  finish(end: PiecesEnd): void {
    this.ended = end;
    this.poke();
  }

  /** The pieces, to be kept: their memory stays theirs. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = this.waiting.shift();
      if (next) {
        yield next.piece;
        continue;
      }
      if (this.ended) return;
      await this.wait();
    }
  }

  /**
   * Hands each piece to `write`, in order, and once `write` has resolved,
   * gives the piece's memory back to its worker to fill again: `write` must
   * have finished with the piece by then (a file write has; a stream that
   * queues the chunk has not).
   */
  async each(write: (piece: Uint8Array) => Promise<void>): Promise<void> {
    for (;;) {
      const next = this.waiting.shift();
      if (next) {
        await write(next.piece);
        next.written?.();
        continue;
      }
      if (this.ended) return;
      await this.wait();
    }
  }

  /** How the file ended, once it has. */
  async end(): Promise<PiecesEnd> {
    while (!this.ended) await this.wait();
    return this.ended;
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
