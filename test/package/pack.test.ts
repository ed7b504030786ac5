/**
 * The package as a user gets it: `npm pack`, installed into a fresh project,
 * imported, run through npx and type-checked. The tarball is packed from the
 * dist/ that `npm ci` (prepare) or `npm run build` made.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../", import.meta.url));
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const tsc = join(root, "node_modules/typescript/bin/tsc");

let dir = "";
let consumer = "";
let packed: { filename: string; size: number; files: { path: string }[] };

/** npm install, from the cache alone when it holds every dependency (CI, after npm ci), else preferring it. */
async function install(cwd: string, tarball: string): Promise<void> {
  const flags = ["install", "--no-audit", "--no-fund", "--ignore-scripts", tarball];
  try {
    await run("npm", [...flags, "--offline"], { cwd });
  } catch (e) {
    if (!/ENOTCACHED/.test(String((e as { stderr?: string }).stderr))) throw e;
    await run("npm", [...flags, "--prefer-offline"], { cwd });
  }
}

beforeAll(async () => {
  if (!existsSync(join(root, "dist/lib/index.js"))) throw new Error("dist/ is missing: run npm run build (npm ci does it) before this test");
  dir = mkdtempSync(join(tmpdir(), "jixiao-pack-"));
  const { stdout } = await run("npm", ["pack", root, "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: dir });
  packed = (JSON.parse(stdout) as typeof packed[])[0]!;
  consumer = join(dir, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await install(consumer, join(dir, packed.filename));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("ships bin, dist, README and LICENSE, and nothing else", () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of ["bin/jixiao.js", "dist/lib/index.js", "dist/src/index.d.ts", "dist/lib/core.js", "dist/lib/cli.js", "README.md", "LICENSE", "package.json"]) {
      expect(paths).toContain(p);
    }
    const strays = paths.filter((p) => !/^(bin\/|dist\/(src|grammars|lib)\/|README\.md$|LICENSE$|package\.json$)/.test(p));
    expect(strays).toEqual([]);
    expect(paths.filter((p) => p.endsWith(".map"))).toEqual([]);
    // One copy of the code: the bundle in dist/lib (scripts/bundle.mjs); dist/src and dist/grammars only declare types.
    expect(paths.filter((p) => /^dist\/(src|grammars)\/.*\.js$/.test(p))).toEqual([]);
    // The budget: about 220 kB, where the tarball with test/ and fixtures/ was 2.0 MB.
    // The code has grown since with its template families, engines and report (304 kB when
    // the Hebei family landed, 328 kB with the criteria family, the PDFium engine's glue and
    // off-page detection, 353 kB with the flattened-text doubts, the layout text's continuations
    // and the streamed large-file output); the bound still catches a stray folder, which costs megabytes.
    expect(packed.size).toBeLessThan(370_000);
  });

  it("installs into a fresh project, whose code imports the API and parses a form", async () => {
    const seed = join(root, "fixtures/seed/seed.txt");
    const script = `import { parseFile, UsageError } from "jixiao"; import { parseText } from "jixiao/browser";
      const doc = await parseFile(${JSON.stringify(seed)});
      const again = await parseText(${JSON.stringify(readFileSync(seed, "utf8"))});
      console.log(doc.forms.length, again.forms[5].projectName, typeof UsageError);`;
    const { stdout } = await run("node", ["--input-type=module", "-e", script], { cwd: consumer });
    expect(stdout.trim()).toBe("7 未来公园展厅运营项目 function");
  });

  it("npx jixiao --version runs the installed command", async () => {
    const { stdout } = await run("npx", ["--no", "--", "jixiao", "--version"], { cwd: consumer });
    expect(stdout.trim()).toBe(`jixiao ${version}`);
  });

  it("a TypeScript consumer type-checks against the shipped declarations", { timeout: 180_000 }, async () => {
    writeFileSync(join(consumer, "consumer.ts"), [
      `import { parseText, verify, InputError, UsageError, type Document, type Form } from "jixiao";`,
      `import { parseBytes } from "jixiao/browser";`,
      `const doc: Document = await parseText("x", { source: "a.txt", verify: { rounding: "truncate" } });`,
      `const form: Form | undefined = doc.forms[0];`,
      `const rules: string[] = form ? verify(form).findings.map((f) => f.rule) : [];`,
      `const bytes: Promise<Document> = parseBytes(new Uint8Array(0));`,
      `export { rules, bytes, InputError, UsageError };`,
    ].join("\n"));
    const bad = join(consumer, "bad.ts");
    writeFileSync(bad, `import { parseText } from "jixiao";\nawait parseText("x", { source: 7 });\n`);
    const config = (files: string[]) => JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] },
      files,
    });
    // One compile of both: the consumer must have no error, and the bad file its one (the check has teeth).
    writeFileSync(join(consumer, "tsconfig.json"), config(["consumer.ts", "bad.ts"]));
    const output = await run("node", [tsc, "-p", "."], { cwd: consumer }).then(() => "", (e: { stdout: string }) => e.stdout);
    const errors = output.split("\n").filter((l) => /error TS\d+/.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bad\.ts\(2,\d+\): error TS2322/);
  });
});
