/**
 * Sniffs an OLE compound file (the container of .xls, .doc and of a
 * password-protected .xlsx/.docx) for the streams that say what it holds.
 */

/** True for the compound-file signature D0 CF 11 E0 A1 B1 1A E1. */
export function looksLikeOle(b: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length >= 512 && sig.every((x, i) => b[i] === x);
}

/** What a compound file holds, by the names of its streams. */
export type OleContent = "xls" | "doc" | "encrypted" | "powerpoint" | "unknown";

/**
 * Directory entries are 128 bytes each, in sectors that follow the 512-byte
 * header, and start with the entry's name in UTF-16LE: a name is looked for
 * only at 128-byte boundaries, so the same words inside a stream's content
 * do not count.
 */
export function oleContent(b: Uint8Array): OleContent {
  const has = (name: string) => {
    const pattern = new Uint8Array(2 * name.length + 2);
    for (let i = 0; i < name.length; i++) pattern[2 * i] = name.charCodeAt(i);
    outer: for (let at = 512; at + pattern.length <= b.length; at += 128) {
      for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern[k]) continue outer;
      return true;
    }
    return false;
  };
  // An encrypted OOXML file is a compound file with the package inside it.
  if (has("EncryptedPackage") || has("EncryptionInfo")) return "encrypted";
  if (has("WordDocument")) return "doc";
  if (has("Workbook") || has("Book")) return "xls";
  if (has("PowerPoint Document")) return "powerpoint";
  return "unknown";
}
