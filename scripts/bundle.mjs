/**
 * Bundles the package's code into dist/lib/ with esbuild, after tsc has
 * checked it and written the declarations (npm run build, and prepare).
 * dist/lib is what the package runs: the command (cli.js), the library
 * ("." is index.js, "./browser" is core.js) and, when there is one, the
 * batch pool's worker (worker.js). dist/src keeps tsc's module-per-file
 * output, for the declarations the package ships and for the repository's
 * own scripts.
 *
 * Why a bundle: Node loads an ES module graph file by file, and this one is
 * large. Chevrotain is some 300 modules (it imports lodash-es function by
 * function): about 210 ms to import, against about 10 ms as part of one file;
 * the project's own 170 modules cost some 60 ms more. Split at the lazy
 * imports, `--version` loads only the entry, and pdf.js, the spreadsheet,
 * HTML and dataset code load only when an input or output needs them.
 * npm run bench:startup measures it.
 *
 * Only chevrotain (with lodash-es) is bundled of the dependencies: the others
 * are one file or few (zod, decimal.js), CommonJS (fast-glob), heavy and lazy
 * (pdf.js, SheetJS, htmlparser2, fflate), or find files beside themselves at
 * run time (pdf.js's CMaps, sql.js's WebAssembly, DuckDB's native binding),
 * and load from node_modules as before. The package stays one copy of the
 * code: its tarball ships dist/lib and the declarations, not dist/src's
 * JavaScript.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { URL } from "node:url";
import { build } from "esbuild";

const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));

const BUNDLED = new Set(["chevrotain"]);

const entryPoints = { cli: "src/cli/main.ts", index: "src/index.ts", core: "src/core.ts" };
// The pool's worker, when the package has one: worker-script.ts starts it as ./worker.js beside itself.
if (existsSync(new URL("src/batch/worker.ts", root))) entryPoints.worker = "src/batch/worker.ts";

const outdir = new URL("dist/lib/", root).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Entries and chunks in one folder, so that code in a chunk finds ./worker.js beside it.
  chunkNames: "[name]-[hash]",
  external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)),
  minify: true,
  // No keepNames: it wraps every function expression in a call that sets its
  // name as it is made, and the grammar makes its `ALT` closures anew each
  // time a rule runs; on the 20 MB seed repetition those calls were 18 % of
  // the worker's CPU (issue 12; --cpu-prof of an unminified build). The error
  // classes a user meets set their `name` themselves; stack traces show
  // shortened names.
  keepNames: false,
  legalComments: "none",
  logLevel: "warning",
});
