/**
 * Just enough of a zip reader for the containers jixiao reads (xlsx, docx,
 * ods): the central directory's names, and one entry's bytes, inflated by
 * fflate within a bound. Untrusted input: a zip bomb (a small file that
 * inflates to gigabytes) fails with `input.too-large` before it is held in
 * memory, and a damaged archive with `input.corrupt`.
 */
import { Inflate } from "fflate";
import { InputError } from "../errors.js";

/** Default bound on the inflated size of one container, all entries together. */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  compressedSize: number;
  /** The size the archive declares; inflating past it is an error. */
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/** True when the bytes start like a zip archive (a local file header, or the end record of an empty one). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

const utf8 = new TextDecoder("utf-8");

/**
 * The entries of the central directory, or null when it cannot be found or
 * runs past the end of the bytes (a truncated download).
 */
export function zipEntries(b: Uint8Array): ZipEntry[] | null {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (p === 0xffffffff || count === 0xffff) return null; // zip64: no office suite writes it for a form
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
    const nameLen = u16(b, p + 28);
    const next = p + 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
    if (next > b.length) return null;
    entries.push({
      name: utf8.decode(b.subarray(p + 46, p + 46 + nameLen)),
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      localOffset: u32(b, p + 42),
    });
    p = next;
  }
  return entries;
}

/** The central directory, or `input.corrupt` naming what kind of file it was meant to be. */
export function requireZipEntries(b: Uint8Array, source: string, what: string): ZipEntry[] {
  const entries = zipEntries(b);
  if (!entries) throw new InputError("input.corrupt", source, `the ${what} is damaged: its zip directory is missing or cut off (an interrupted download?)`);
  return entries;
}

/** Compressed data is fed to the inflater in slices this size, so no one step can inflate past ~1000× of it. */
const SLICE = 16 * 1024;

/**
 * Inflates one entry, failing once it grows past its declared size or past
 * `budget.left` bytes (which it then lowers by what it used).
 */
export function inflateEntry(b: Uint8Array, e: ZipEntry, source: string, budget: { left: number }): Uint8Array {
  const corrupt = (why: string) => new InputError("input.corrupt", source, `the zip entry ${e.name} is damaged: ${why}`);
  const lh = e.localOffset;
  if (lh + 30 > b.length || u32(b, lh) !== 0x04034b50) throw corrupt("its local header is missing");
  const start = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw corrupt("its data runs past the end of the file");
  const tooLarge = () =>
    new InputError("input.too-large", source, `the zip entry ${e.name} inflates past ${e.size > budget.left ? `the bound of ${budget.left} bytes` : `its declared ${e.size} bytes`} (a zip bomb?)`);
  if (e.size > budget.left) throw tooLarge();
  if (e.method === 0) {
    budget.left -= e.compressedSize;
    return b.subarray(start, end);
  }
  if (e.method !== 8) throw corrupt(`it uses compression method ${e.method}, which office files do not`);
  const out = new Uint8Array(e.size);
  let n = 0;
  const inflater = new Inflate((chunk) => {
    if (n + chunk.length > e.size) throw tooLarge();
    out.set(chunk, n);
    n += chunk.length;
  });
  try {
    for (let i = start; i < end; i += SLICE) inflater.push(b.subarray(i, Math.min(end, i + SLICE)), i + SLICE >= end);
    if (start === end) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw corrupt(`its deflate stream does not inflate (${err instanceof Error ? err.message : String(err)})`);
  }
  if (n !== e.size) throw corrupt(`it inflates to ${n} bytes, not the ${e.size} its directory declares`);
  budget.left -= n;
  return out;
}

/**
 * Inflates every entry once, within the bound, keeping nothing: what a
 * caller does before handing the archive to a library that inflates it
 * again without a bound of its own.
 */
export function checkZipInflates(b: Uint8Array, entries: readonly ZipEntry[], source: string, maxInflated = MAX_INFLATED_BYTES): void {
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > maxInflated) {
    throw new InputError("input.too-large", source, `the archive declares ${declared} bytes inflated, more than the bound of ${maxInflated} (a zip bomb?)`);
  }
  const budget = { left: maxInflated };
  for (const e of entries) if (!e.name.endsWith("/")) inflateEntry(b, e, source, budget);
}

/** The bytes of the entry named `name`, or null when there is none. */
export function readZipEntry(b: Uint8Array, entries: readonly ZipEntry[], name: string, source: string, maxInflated = MAX_INFLATED_BYTES): Uint8Array | null {
  const e = entries.find((x) => x.name === name);
  return e ? inflateEntry(b, e, source, { left: maxInflated }) : null;
}
