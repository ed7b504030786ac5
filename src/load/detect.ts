import { InputError } from "./errors.js";

/** What a byte buffer holds, decided from its first bytes. */
export type InputKind = "pdf" | "text";

/**
 * PDF by its `%PDF-` signature (allowed a little way in: some servers prepend
 * junk), anything else is treated as text and must then decode.
 */
export function detectInput(bytes: Uint8Array, source: string): InputKind {
  if (bytes.length === 0) throw new InputError("input.empty", source, "the file is empty (0 bytes)");
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) {
      return "pdf";
    }
  }
  return "text";
}
