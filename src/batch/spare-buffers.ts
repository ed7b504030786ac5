/**
 * The buffers a worker encodes a large file's JSON pieces into, each handed
 * to the main thread and handed back once written, to be filled again. A
 * piece's memory is otherwise freed only when its thread collects garbage,
 * and the main thread, which allocates little, seldom does: on the 20 MB seed
 * repetition 20–27 MB of written pieces waited there (issue 12).
 */

/** Room for a piece: writeStreamed's 256 K characters and one form, in UTF-8, most of the time. */
const PIECE_BYTES = 1024 * 1024;

/** Buffers kept for reuse; more than the pieces in flight are not needed. */
const KEPT = 4;

const encoder = new TextEncoder();

/** A worker's buffers for its JSON pieces. */
export class SpareBuffers {
  private readonly free: ArrayBuffer[] = [];

  /** A buffer the main thread has written and sent back. */
  give(buffer: ArrayBuffer): void {
    if (this.free.length < KEPT && buffer.byteLength >= PIECE_BYTES) this.free.push(buffer);
  }

  /** `text` in UTF-8, in a spare buffer when one fits it (the view covers just the text; its whole buffer is what is handed over). */
  readonly encode = (text: string): Uint8Array => {
    const spare = this.free.pop() ?? new ArrayBuffer(PIECE_BYTES);
    const into = encoder.encodeInto(text, new Uint8Array(spare));
    if (into.read === text.length) return new Uint8Array(spare, 0, into.written);
    // Too long for it: a buffer of its own, which UTF-8's three bytes a character at most always fit.
    this.give(spare);
    const own = new ArrayBuffer(3 * text.length);
    return new Uint8Array(own, 0, encoder.encodeInto(text, new Uint8Array(own)).written);
  };
}
