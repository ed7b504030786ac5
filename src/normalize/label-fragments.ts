import { LEVEL1_LABELS, LEVEL2_LABELS } from "./vocabulary.js";

/**
 * Completes a level label cut short by a wrapped cell whose remaining pieces
 * landed on rows of their own (the seed's 服务对象 … 满意 / 度指 / 标 beside 总分).
 * A label is completed only when the pieces account exactly, character for
 * character, for the rest of one known label it is the start of: never a guess.
 * Returns the completed label and the pieces it used, or null.
 */
export function completeLabel(label: string, pieces: string[], level: 1 | 2): { label: string; used: string[] } | null {
  const known = level === 1 ? LEVEL1_LABELS : LEVEL2_LABELS;
  if (known.includes(label) || pieces.length === 0) return null;
  const candidates = known.filter((k) => k.length > label.length && k.startsWith(label));
  for (const k of candidates) {
    const need = k.slice(label.length);
    const used = pickPieces(need, pieces);
    if (used) return { label: k, used };
  }
  return null;
}

// Finds a subset of pieces whose characters are exactly those of `need`.
function pickPieces(need: string, pieces: string[]): string[] | null {
  const target = sortChars(need);
  const n = pieces.length;
  if (n > 12) return null; // bounded search; real forms leave two or three pieces
  for (let mask = 1; mask < 1 << n; mask++) {
    // Sorting keeps the length: a subset of another length cannot match.
    let length = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) length += pieces[i]!.length;
    if (length !== need.length) continue;
    const chosen = pieces.filter((_, i) => mask & (1 << i));
    if (sortChars(chosen.join("")) === target) return chosen;
  }
  return null;
}

function sortChars(s: string): string {
  return [...s].sort().join("");
}
