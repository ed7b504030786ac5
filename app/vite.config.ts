/**
 * The offline app: `npm run app` serves it, `npm run app:build` writes static
 * files to dist/app/ that work from any static host (relative URLs). pdf.js's
 * CMaps and standard fonts are served and copied from the installed
 * pdfjs-dist, so the app fetches nothing from another origin.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const ASSET_DIRS = ["cmaps", "standard_fonts"] as const;

function pdfjsAssets(): Plugin {
  return {
    name: "jixiao-pdfjs-assets",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/pdfjs\/(cmaps|standard_fonts)\/([\w.-]+)$/.exec((req.url ?? "").split("?")[0]!);
        if (!m) return next();
        try {
          res.setHeader("Content-Type", "application/octet-stream");
          res.end(readFileSync(join(pdfjsRoot, m[1]!, m[2]!)));
        } catch {
          res.statusCode = 404;
          res.end();
        }
      });
    },
    generateBundle() {
      for (const dir of ASSET_DIRS) {
        for (const name of readdirSync(join(pdfjsRoot, dir))) {
          this.emitFile({ type: "asset", fileName: `pdfjs/${dir}/${name}`, source: readFileSync(join(pdfjsRoot, dir, name)) });
        }
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: "./",
  plugins: [pdfjsAssets()],
  build: { outDir: join(here, "../dist/app"), emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 8000 },
  worker: { format: "es" },
});
