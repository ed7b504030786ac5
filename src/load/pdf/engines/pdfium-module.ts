/**
 * Loads PDFium (WebAssembly, from @embedpdf/pdfium) once per process or
 * worker, and bounds its memory.
 *
 * The package's wasm exports its own memory, so its maximum cannot be set
 * from outside; instead the heap-growth import (`emscripten_resize_heap`) is
 * wrapped and refuses to grow the heap past the limit the current document
 * sets. PDFium then fails its allocation and aborts, the call throws, and
 * the aborted instance is dropped: the next document gets a fresh one.
 */
import type { WrappedPdfiumModule } from "@embedpdf/pdfium";
import type { PdfiumInit } from "../assets.js";

export type Pdfium = WrappedPdfiumModule;

/** The wasm binary as the caller gives it (see PdfOptions.pdfiumWasm). */
export type WasmSource = Uint8Array | ArrayBuffer | string | URL;

/** Largest heap a wasm32 emscripten build can address (its getHeapMax). */
const WASM_HEAP_MAX = 2 ** 31;

let loading: Promise<Pdfium> | undefined;
let heapLimit = WASM_HEAP_MAX;
let heapRefused = false;

async function wasmBytes(source: WasmSource | undefined): Promise<Uint8Array | ArrayBuffer> {
  if (source === undefined) return (await import("../assets.js")).nodePdfiumWasm();
  if (typeof source === "string" || source instanceof URL) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`could not fetch PDFium's wasm from ${String(source)}: HTTP ${res.status}`);
    return res.arrayBuffer();
  }
  return source;
}

/**
 * `init` from the entry that leaves the host's globals alone: in Node the
 * package's CommonJS entry (see assets.ts, nodePdfiumInit); elsewhere its
 * browser entry, whose warning getters removeWarningGetters takes off again.
 */
async function pdfiumInit(): Promise<PdfiumInit> {
  if (typeof (globalThis as { process?: { getBuiltinModule?: unknown } }).process?.getBuiltinModule === "function") {
    return (await import("../assets.js")).nodePdfiumInit();
  }
  const { init } = await import("@embedpdf/pdfium");
  return async (overrides) => {
    const before = new Set(Reflect.ownKeys(globalThis));
    try {
      return await init(overrides);
    } finally {
      removeWarningGetters(before);
    }
  };
}

/**
 * The ES-module builds of @embedpdf/pdfium (ASSERTIONS on) define, while
 * `init` runs, a configurable getter on globalThis for each runtime symbol
 * they left out, only to warn when one is read. Those getters, and only
 * those (absent before `init`, accessors now), are deleted again.
 */
function removeWarningGetters(before: ReadonlySet<PropertyKey>): void {
  for (const key of Reflect.ownKeys(globalThis)) {
    if (before.has(key)) continue;
    const d = Object.getOwnPropertyDescriptor(globalThis, key);
    if (d?.configurable && d.get && !d.set) Reflect.deleteProperty(globalThis, key);
  }
}

async function instantiate(source: WasmSource | undefined): Promise<Pdfium> {
  const [init, binary] = await Promise.all([pdfiumInit(), wasmBytes(source)]);
  // A failed instantiation never settles init's promise, so it is raced against one that does.
  let failed: (err: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => (failed = reject));
  const module = await Promise.race([failure, init({
    // Quiet: PDFium's own warnings are not the user's; failures surface as thrown errors.
    print: () => {},
    printErr: () => {},
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) {
      const env = imports.env as Record<string, unknown>;
      const grow = env.emscripten_resize_heap as (size: number) => boolean;
      env.emscripten_resize_heap = (size: number) => {
        if (size >>> 0 > heapLimit) {
          heapRefused = true;
          return false;
        }
        return grow(size);
      };
      WebAssembly.instantiate(binary as BufferSource, imports).then((r) => done(r.instance), failed);
      return {};
    },
  } as Parameters<typeof init>[0])]);
  module.PDFiumExt_Init();
  return module;
}

/** The PDFium module, instantiated on first use and shared afterwards. */
export function pdfium(source?: WasmSource): Promise<Pdfium> {
  loading ??= instantiate(source).catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** Drops the shared instance (after an abort, which leaves it unusable). */
export function discardPdfium(): void {
  loading = undefined;
}

/** Bytes the wasm heap holds now. */
export function heapSize(m: Pdfium): number {
  return m.pdfium.HEAPU8.byteLength;
}

/**
 * Sets the largest heap the wasm may grow to (until the next call), and
 * clears the flag `heapWasRefused` reports.
 */
export function limitHeap(bytes: number): void {
  heapLimit = Math.min(WASM_HEAP_MAX, bytes);
  heapRefused = false;
}

/** True when the heap wanted to grow past the limit since `limitHeap`. */
export function heapWasRefused(): boolean {
  return heapRefused;
}
