import { keyOf, type Word } from "./words.js";

/** A label found at a place in the word stream: which label, and the words it spans [from, to). */
export interface Match {
  label: string;
  from: number;
  to: number;
}

/** How many words a wrapped label may be split into (满意/度指/标 …, 服务/对象/满意/度指/标). */
const MAX_PIECES = 8;

/**
 * The longest label of `labels` that the words from `from` spell exactly
 * (their keys joined: a wrapped label's pieces are separate words), ending
 * at a word's end. `strip` takes a prefix or suffix off the key before it is
 * compared (其中:, a closing colon).
 */
export function matchAt(words: readonly Word[], from: number, labels: readonly string[], strip?: (key: string) => string, end = words.length): Match | null {
  let key = "";
  let best: Match | null = null;
  for (let to = from; to < Math.min(end, from + MAX_PIECES); to++) {
    key += keyOf(words[to]!.text);
    const k = strip ? strip(key) : key;
    if (labels.includes(k)) best = { label: k, from, to: to + 1 };
    // A label may go on into a subtotal, 产出指标(50分), which `strip` takes off.
    const growing = (l: string) => l.startsWith(k) || l.startsWith(key) || (strip !== undefined && key.startsWith(`${l}(`));
    if (!labels.some(growing)) break;
  }
  return best;
}

/** A funding row label's key without 其中: and a closing colon. */
export function stripFundingKey(key: string): string {
  return key.replace(/^其中:?/u, "").replace(/:$/u, "");
}

/** The first index in [from, end) where one of `labels` starts, or end. */
export function findNext(words: readonly Word[], from: number, end: number, labels: readonly string[], strip?: (key: string) => string): number {
  for (let i = from; i < end; i++) if (matchAt(words, i, labels, strip, end)) return i;
  return end;
}

/**
 * Reads a run of header labels printed one after another, whose pieces may
 * wrap anywhere (全年执/行数): the keys of the words joined, cut into the
 * longest labels from left to right. Each label keeps the word it starts in.
 * Characters no label accounts for are returned as `rest` (nothing is lost).
 */
export function splitLabels(words: readonly Word[], labels: readonly string[]): { found: Array<{ label: string; word: Word; unknown?: boolean }>; rest: string; restWords: Word[] } {
  let key = "";
  const owner: Word[] = [];
  for (const w of words) {
    const k = keyOf(w.text);
    key += k;
    for (let c = 0; c < k.length; c++) owner.push(w);
  }
  const found: Array<{ label: string; word: Word; unknown?: boolean }> = [];
  let rest = "";
  // The words holding text no label accounts for, each once.
  const restWords: Word[] = [];
  let pending = "";
  let pendingWord: Word | undefined;
  // Runs no label accounts for are kept in place too, marked unknown (a column jixiao does not know).
  const flush = () => {
    if (pending && pendingWord) found.push({ label: pending, word: pendingWord, unknown: true });
    pending = "";
    pendingWord = undefined;
  };
  const sorted = [...labels].sort((a, b) => b.length - a.length);
  for (let i = 0; i < key.length; ) {
    const l = sorted.find((s) => key.startsWith(s, i));
    if (l) {
      flush();
      found.push({ label: l, word: owner[i]! });
      i += l.length;
    } else {
      rest += key[i];
      if (restWords[restWords.length - 1] !== owner[i]) restWords.push(owner[i]!);
      pendingWord ??= owner[i];
      pending += key[i];
      i++;
    }
  }
  flush();
  return { found, rest, restWords };
}
