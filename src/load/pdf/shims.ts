/**
 * What pdf.js's modern build expects of its host and Node 20 lacks, added
 * where it is missing and only there: nothing that exists is replaced (the
 * legacy build, by contrast, replaces Array.prototype.push and others with
 * core-js polyfills, for every program that imports it; issue 12).
 *
 * Node 22 has the two Promise methods, and later Nodes the rest; then this
 * adds nothing. In a browser, DOMMatrix is always there. Each addition is
 * listed by `added()` and documented in test/load/pdf-globals.test.ts.
 *
 * pdf.js's modern worker adds `Math.sumPrecise` itself, the same way (only
 * when missing).
 */
const addedNames: string[] = [];

/** The globals and prototype methods this module added to the host. */
export function added(): readonly string[] {
  return addedNames;
}

function add(target: object, name: string, value: unknown, label: string): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
  addedNames.push(label);
}

/**
 * Adds what is missing; false when DOMMatrix is missing and cannot be had
 * (no @napi-rs/canvas, pdfjs-dist's optional dependency), so the caller
 * falls back to the legacy build.
 */
export async function addMissing(): Promise<boolean> {
  const g = globalThis as Record<string, unknown>;
  if (typeof g.DOMMatrix !== "function") {
    // Only its constructor is needed at import (pdf.js makes one identity matrix); it draws with it, which jixiao never does.
    let canvas: { DOMMatrix?: unknown };
    try {
      const name = "@napi-rs/canvas";
      canvas = (await import(/* @vite-ignore */ name)) as { DOMMatrix?: unknown };
    } catch {
      return false;
    }
    if (typeof canvas.DOMMatrix !== "function") return false;
    add(globalThis, "DOMMatrix", canvas.DOMMatrix, "DOMMatrix (from @napi-rs/canvas)");
  }
  add(Promise, "withResolvers", function withResolvers<T>(this: PromiseConstructor) {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new this<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }, "Promise.withResolvers");
  add(Promise, "try", function tryCall(this: PromiseConstructor, fn: (...a: unknown[]) => unknown, ...args: unknown[]) {
    return new this((resolve) => resolve(fn(...args)));
  }, "Promise.try");
  add(Uint8Array.prototype, "toHex", function toHex(this: Uint8Array) {
    let s = "";
    for (const b of this) s += b.toString(16).padStart(2, "0");
    return s;
  }, "Uint8Array.prototype.toHex");
  add(Uint8Array.prototype, "toBase64", function toBase64(this: Uint8Array) {
    let s = "";
    for (const b of this) s += String.fromCharCode(b);
    return btoa(s);
  }, "Uint8Array.prototype.toBase64");
  add(Uint8Array, "fromBase64", function fromBase64(text: string) {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  }, "Uint8Array.fromBase64");
  // pdf.js calls it on buffers it made itself, to cut them to what was written; a copy serves (the original is not detached).
  add(ArrayBuffer.prototype, "transferToFixedLength", function transferToFixedLength(this: ArrayBuffer, length = this.byteLength) {
    const copy = new ArrayBuffer(length);
    new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
    return copy;
  }, "ArrayBuffer.prototype.transferToFixedLength");
  return true;
}

/**
 * What pdf.js's modern build draws with in Node, where only a caller that
 * renders pages (the HTML report) needs it: Path2D and ImageData from the
 * canvas module the caller renders on, added where missing, and listed.
 */
export function addDrawing(canvas: { Path2D?: unknown; ImageData?: unknown }): void {
  if (typeof canvas.Path2D === "function") add(globalThis, "Path2D", canvas.Path2D, "Path2D (from @napi-rs/canvas)");
  if (typeof canvas.ImageData === "function") add(globalThis, "ImageData", canvas.ImageData, "ImageData (from @napi-rs/canvas)");
}
