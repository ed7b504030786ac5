/**
 * Lining up a row's cells with its header's columns when there is no
 * geometry: cells keep their left-to-right order, each takes a column of its
 * own, and the assignment chosen puts them nearest their headers overall. In
 * a tab export that is exact (cells stand at their header's column); in
 * `pdftotext -layout` text, whose character columns only approximate the
 * printed ones, it still keeps a blank cell from shifting the cells after it.
 */

/** An assignment of positions to slots and what it costs (Σ |position − slot|). */
export interface Alignment {
  /** Slot index of each position, increasing. */
  slots: number[];
  cost: number;
}

/**
 * Assigns n ordered positions to n of m ordered slots (n ≤ m), keeping their
 * order, at the least total distance; null when there are more positions than
 * slots. A small dynamic programme: rows hold a dozen cells at most.
 */
export function alignInOrder(positions: number[], slots: number[]): Alignment | null {
  const n = positions.length;
  const m = slots.length;
  if (n > m) return null;
  if (n === 0) return { slots: [], cost: 0 };
  // cost[i][j]: least cost of placing positions 0..i with position i in slot j.
  const cost: number[][] = positions.map(() => slots.map(() => Infinity));
  const from: number[][] = positions.map(() => slots.map(() => -1));
  for (let i = 0; i < n; i++) {
    for (let j = i; j <= m - n + i; j++) {
      const d = Math.abs(positions[i]! - slots[j]!);
      if (i === 0) {
        cost[0]![j] = d;
        continue;
      }
      for (let k = i - 1; k < j; k++) {
        const c = cost[i - 1]![k]! + d;
        if (c < cost[i]![j]!) {
          cost[i]![j] = c;
          from[i]![j] = k;
        }
      }
    }
  }
  let j = -1;
  let best = Infinity;
  cost[n - 1]!.forEach((c, k) => {
    if (c < best) {
      best = c;
      j = k;
    }
  });
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = j;
    j = from[i]![j]!;
  }
  return { slots: out, cost: best };
}

/** The slot index of each position (see alignInOrder), or null when they do not fit. */
export function orderedAssignment(positions: number[], slots: number[]): number[] | null {
  return alignInOrder(positions, slots)?.slots ?? null;
}
