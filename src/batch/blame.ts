/**
 * Which worker the pool's watchdog ends when the workers together hold more
 * than jobs × the memory bound. Kept apart from the pool so the rule can be
 * checked without a machine under memory pressure.
 */

/** What the watchdog knows of one worker. */
export interface Watched {
  /** Whether it holds a file. */
  busy: boolean;
  /** Time of its last memory report. */
  heard: number;
  /** The memory it last reported using. */
  used: number;
  /** The workers' memory (RSS less the main thread's heap) when the watchdog first saw that report. */
  overheadAtHeard: number;
}

/** How long a busy worker may send no memory report (it sends one every 100 ms) before RSS that grew meanwhile is laid to it. */
export const QUIET_MS = 1000;

/**
 * The worker to end, if any. RSS also holds what the main thread's native
 * libraries allocate (DuckDB's buffers, for a database output) and what the
 * other workers hold, which no worker reports, so only a worker past the
 * bound by its own report is to blame, or one silent for QUIET_MS (an
 * allocation that blocks it also stops its reports) during which RSS grew by
 * more than the bound less what it last reported. A worker that is merely
 * not scheduled, on a loaded machine, has not grown RSS. Of several, the one
 * heard from least recently.
 */
export function toBlame<T extends Watched>(workers: readonly T[], now: number, overhead: number, bound: number): T | undefined {
  const suspects = workers.filter((w) => w.busy
    && (w.used > bound || (now - w.heard > QUIET_MS && w.used + (overhead - w.overheadAtHeard) > bound)));
  suspects.sort((a, b) => a.heard - b.heard || b.used - a.used);
  return suspects[0];
}
