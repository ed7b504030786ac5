/**
 * The bundle the package runs (scripts/bundle.mjs, built into dist/lib by
 * npm run build): the browser entry must stay free of Node modules, and the
 * command's entry must load nothing but itself for --version.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { promisify } from "node:util";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const lib = fileURLToPath(new URL("../../dist/lib/", import.meta.url));

/** Every file of the bundle an entry loads, statically (`import … from`) or also lazily (`import(…)`). */
function graph(entry: string, lazy: boolean): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    const code = readFileSync(join(lib, f), "utf8");
    const specs = [...code.matchAll(/(?:from|import)\s*"([^"]+)"/g)].map((m) => m[1]!);
    if (lazy) specs.push(...[...code.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]!));
    for (const s of specs) {
      if (s.startsWith("./")) visit(s.slice(2));
      else packages.add(s);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

describe.skipIf(!existsSync(lib))("the bundle in dist/lib", () => {
  it("jixiao/browser (core.js) imports no node: module, even lazily, but the PDF loader's asset finder", () => {
    const { packages } = graph("core.js", true);
    expect(packages.filter((p) => p.startsWith("node:") && p !== "node:module" && p !== "node:path")).toEqual([]);
    // node:module and node:path are the PDF assets finder's, loaded only when the caller gives no asset URLs.
    const { packages: eager } = graph("core.js", false);
    expect(eager.filter((p) => p.startsWith("node:"))).toEqual([]);
  });

  it("the command's entry loads only the argument tables and help: no grammar, zod or pdf.js before a command runs", () => {
    const { packages } = graph("cli.js", false);
    expect(packages).not.toContain("zod");
    expect(packages).not.toContain("decimal.js");
    expect(packages.some((p) => p.startsWith("pdfjs-dist"))).toBe(false);
    const { files } = graph("cli.js", false);
    expect(files.some((f) => readFileSync(join(lib, f), "utf8").includes("performSelfAnalysis"))).toBe(false);
  });

  it("parsing a PDF prints nothing on stderr (pdf.js's modern build warns on import in Node; that line is held back)", { timeout: 60_000 }, async () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["bin/jixiao.js", "parse", "fixtures/pdf/seed/landscape-one.pdf", "--format", "summary"], { cwd: root });
    expect(stdout).toMatch(/1 form\(s\), pdf/);
    expect(stderr).toBe("");
  });
});
