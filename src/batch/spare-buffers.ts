/**
 * The buffers a worker packs a large file's JSON into, piece by piece, each
 * handed to the main thread and handed back once written, to be filled
 * again. A piece's memory is otherwise freed only when its thread collects
 * garbage, and the main thread, which allocates little, seldom does: on the
 * 20 MB seed repetition 20–27 MB of written pieces waited there (issue 12).
 *
 * The text is encoded straight into the buffer a form at a time, never
 * joined into one string first: a joined piece, past V8's 128 KB, sat in the
 * worker's large-object space until a full collection (that space grew
 * 23 → 34 MB over the same file).
 */

/**
 * A piece's size: it goes once its buffer is full (a form's text runs on
 * into the next), so that a reader that gathers the pieces (standard
 * output, `verify`) holds no unused room.
 */
export const PIECE_BYTES = 256 * 1024;

/** Buffers kept for reuse; more than the pieces in flight are not needed. */
const KEPT = 4;

const encoder = new TextEncoder();

/** A worker's buffers for its JSON pieces. */
export class SpareBuffers {
  private readonly free: ArrayBuffer[] = [];

  /** A buffer the main thread has written and sent back. */
  give(buffer: ArrayBuffer): void {
    if (this.free.length < KEPT && buffer.byteLength === PIECE_BYTES) this.free.push(buffer);
  }

  /** A buffer to fill: one given back, or a new one. */
  take(): ArrayBuffer {
    return this.free.pop() ?? new ArrayBuffer(PIECE_BYTES);
  }
}

/**
 * Text packed into pieces of UTF-8: `send` gets each piece once its buffer
 * is full (up to 3 bytes short: a character is never split), and `end()`
 * gives the last, a view of just the bytes written (its whole buffer is
 * what is handed over).
 */
export class PiecePacker {
  private buffer: ArrayBuffer;
  private used = 0;

  constructor(private readonly spares: SpareBuffers, private readonly send: (piece: Uint8Array) => void) {
    this.buffer = spares.take();
  }

  /** Adds `text`; true when a piece was sent. */
  put(text: string): boolean {
    let sent = false;
    for (;;) {
      const { read, written } = encoder.encodeInto(text, new Uint8Array(this.buffer, this.used));
      this.used += written;
      if (read === text.length) break;
      // The buffer is full: it goes, and the rest of the text starts the next.
      text = text.slice(read);
      this.flush();
      sent = true;
    }
    return sent;
  }

  /** The last piece: what was put since the last one sent. */
  end(): Uint8Array {
    return new Uint8Array(this.buffer, 0, this.used);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.send(new Uint8Array(this.buffer, 0, this.used));
    this.buffer = this.spares.take();
    this.used = 0;
  }
}
