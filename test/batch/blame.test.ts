/** The watchdog's rule for which worker to end when the workers together are past jobs × the memory bound. */
import { describe, expect, it } from "vitest";
import { QUIET_MS, toBlame } from "../../src/batch/blame.js";

const MB = 1024 * 1024;
const BOUND = 512 * MB;
const NOW = 100_000;

const worker = (name: string, over: Partial<{ busy: boolean; heard: number; used: number; overheadAtHeard: number }> = {}) =>
  ({ name, busy: true, heard: NOW - 50, used: 100 * MB, overheadAtHeard: 2000 * MB, ...over });

describe("toBlame", () => {
  it("ends a worker past the bound by its own report", () => {
    expect(toBlame([worker("a"), worker("b", { used: 600 * MB })], NOW, 2000 * MB, BOUND)?.name).toBe("b");
  });

  it("spares a worker that is only silent (not scheduled on a loaded machine) while RSS did not grow", () => {
    // RSS is past the budget from what the main thread's DuckDB holds, not from the silent worker.
    expect(toBlame([worker("a", { heard: NOW - 3 * QUIET_MS }), worker("b")], NOW, 2000 * MB, BOUND)).toBeUndefined();
  });

  it("ends a silent worker during whose silence RSS grew by more than the bound leaves it", () => {
    const silent = worker("a", { heard: NOW - 2 * QUIET_MS, used: 200 * MB, overheadAtHeard: 1000 * MB });
    expect(toBlame([silent, worker("b")], NOW, 1000 * MB + 313 * MB, BOUND)?.name).toBe("a");
    expect(toBlame([silent, worker("b")], NOW, 1000 * MB + 311 * MB, BOUND)).toBeUndefined();
  });

  it("does not end a silent worker before QUIET_MS, nor an idle one", () => {
    expect(toBlame([worker("a", { heard: NOW - QUIET_MS + 10, overheadAtHeard: 0 })], NOW, 2000 * MB, BOUND)).toBeUndefined();
    expect(toBlame([worker("a", { busy: false, used: 900 * MB })], NOW, 2000 * MB, BOUND)).toBeUndefined();
  });

  it("of two to blame, ends the one heard from least recently", () => {
    const a = worker("a", { heard: NOW - 1500, overheadAtHeard: 0 });
    const b = worker("b", { heard: NOW - 4000, overheadAtHeard: 0 });
    expect(toBlame([a, b], NOW, 2000 * MB, BOUND)?.name).toBe("b");
  });
});
