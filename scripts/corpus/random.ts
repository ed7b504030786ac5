/**
 * The corpus's one source of chance: a seeded Mersenne Twister (pure-rand), so
 * a seed always draws the same form and the same rendering choices. Its
 * seeding scrambles the seed, so neighbouring seeds draw unrelated cases; the
 * first draws of xoroshiro128+ from seeds 1, 2, 3 … cycle in step.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { mersenne } from "pure-rand/generator/mersenne";

/** Draws from one seeded stream; every draw advances it. */
export class Random {
  private readonly rng;

  constructor(seed: number) {
    this.rng = mersenne(seed);
  }

  /** An integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** True with probability p (in hundredths, so no float ever decides a branch by rounding). */
  chance(percent: number): boolean {
    return this.int(1, 100) <= percent;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(0, items.length - 1)]!;
  }

  /** A weighted pick: entries are [item, weight]. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let n = this.int(1, total);
    for (const [item, w] of entries) {
      n -= w;
      if (n <= 0) return item;
    }
    return entries[entries.length - 1]![0];
  }
}
