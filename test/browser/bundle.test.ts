import { build } from "esbuild";
import { build as viteBuild, type Rollup } from "vite";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Bundles an entry the way a browser app's bundler would: platform browser, ESM, everything inlined. */
async function bundle(entry: string) {
  return build({
    absWorkingDir: root, entryPoints: [entry], bundle: true, platform: "browser", format: "esm",
    write: false, metafile: true, logLevel: "silent",
  });
}

describe("jixiao/browser bundles for the browser", () => {
  it("src/core.ts bundles with esbuild (platform browser) and pulls in no node: module", async () => {
    const r = await bundle("src/core.ts");
    expect(r.errors).toEqual([]);
    const inputs = Object.keys(r.metafile.inputs);
    // Sanity: the bundle really holds the PDF loader, the lazy import that used to pull node: in.
    expect(inputs.some((f) => f.endsWith("src/load/pdf/assets.ts"))).toBe(true);
    expect(inputs.some((f) => f.includes("pdfjs-dist"))).toBe(true);
    expect(inputs.filter((f) => f.startsWith("node:") || !f.includes("/"))).toEqual([]);
    const code = r.outputFiles[0]!.text;
    expect(code.match(/(?:from\s*|import\(\s*|require\(\s*)["']node:[a-z_/]+["']/g) ?? []).toEqual([]);
  });

  it("the built package entry (dist/src/core.js, what `jixiao/browser` resolves to) bundles the same way", async () => {
    const r = await bundle("dist/src/core.js");
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.metafile.inputs).filter((f) => f.startsWith("node:"))).toEqual([]);
  });

  it("src/core.ts bundles with Vite (library build for the browser) with no node: import left in its chunks", async () => {
    const r = await viteBuild({
      root, logLevel: "silent", configFile: false,
      build: { write: false, minify: false, lib: { entry: `${root}src/core.ts`, formats: ["es"], fileName: "core" } },
    });
    const outputs = (Array.isArray(r) ? r : [r]) as Rollup.RollupOutput[];
    const chunks = outputs.flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
    expect(chunks.length).toBeGreaterThan(0);
    const code = chunks.map((c) => c.code).join("\n");
    expect(code).toContain("getDocument");
    expect(code.match(/(?:from\s*|import\(\s*|require\(\s*)["']node:[a-z_/]+["']/g) ?? []).toEqual([]);
    expect(chunks.flatMap((c) => c.imports).filter((i) => i.startsWith("node:"))).toEqual([]);
    // Vite does not fail on a node: import for the browser: it swaps in an empty stub, which breaks at run time.
    expect(chunks.flatMap((c) => c.moduleIds).filter((m) => /__vite-browser-external|^node:/.test(m))).toEqual([]);
  });
});
