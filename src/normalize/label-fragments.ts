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

// Finds a subset of pieces whose characters are exactly those of `need`: the
// first in the order of the subsets' bit masks.
function pickPieces(need: string, pieces: string[]): string[] | null {
  const n = pieces.length;
  if (n > 12) return null; // bounded search; real forms leave two or three pieces
  // Characters are counted as code units, which for a need without surrogates
  // (every known label's) is counting them as characters.
  if (hasSurrogate(need)) return pickPiecesSorted(need, pieces);
  // need's characters, each once, and how often each occurs in it.
  const chars: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < need.length; k++) {
    const c = need.charCodeAt(k);
    const j = chars.indexOf(c);
    if (j < 0) {
      chars.push(c);
      counts.push(1);
    } else {
      counts[j]!++;
    }
  }
  const left = counts.slice();
  for (let mask = 1; mask < 1 << n; mask++) {
    // A subset of another length cannot match.
    let length = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) length += pieces[i]!.length;
    if (length !== need.length) continue;
    for (let j = 0; j < counts.length; j++) left[j] = counts[j]!;
    let fits = true;
    for (let i = 0; i < n && fits; i++) {
      if (!(mask & (1 << i))) continue;
      const p = pieces[i]!;
      for (let k = 0; k < p.length; k++) {
        const j = chars.indexOf(p.charCodeAt(k));
        if (j < 0 || left[j]! === 0) {
          fits = false;
          break;
        }
        left[j]!--;
      }
    }
    // Same length, and no character more often than in need: the same characters.
    if (fits) return pieces.filter((_, i) => mask & (1 << i));
  }
  return null;
}

function hasSurrogate(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

// pickPieces by comparing sorted characters (code points), for any need.
function pickPiecesSorted(need: string, pieces: string[]): string[] | null {
  const target = sortChars(need);
  const n = pieces.length;
  for (let mask = 1; mask < 1 << n; mask++) {
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
