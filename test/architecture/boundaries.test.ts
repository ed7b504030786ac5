import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) return tsFiles(rel);
    return rel.endsWith(".ts") && !rel.endsWith(".d.ts") ? [rel] : [];
  });
}

// Only the edges touch the file system; the rest must load in a browser.
// The DuckDB writer drives a native library that reads its CSV stage from disk: Node only, and
// imported lazily (test/write/lazy-imports.test.ts), so nothing a browser loads reaches it.
const NODE_ALLOWED = new Set(["src/files.ts", "src/file-bytes.ts", "src/load/pdf/assets.ts", "src/write/duckdb.ts"]);
// src/batch is the worker pool: Node only, like the command, and loaded by nothing below it.
const isNodeEdge = (f: string) => f.startsWith("src/cli/") || f.startsWith("src/batch/") || NODE_ALLOWED.has(f);

describe("architecture", () => {
  it("nothing from the grammar to the verifier imports node: modules", () => {
    const offenders = [...tsFiles("src"), ...tsFiles("grammars")]
      .filter((f) => !isNodeEdge(f))
      .filter((f) => /from\s+["']node:|import\(\s*["']node:|require\(\s*["']node:/.test(readFileSync(join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("data flows one way: no stage imports a later one", () => {
    const order = ["src/model", "src/text", "src/load", "grammars", "src/normalize", "src/verify", "src/write", "src/cli"];
    const stage = (f: string) => order.findIndex((p) => f.startsWith(p));
    const backward: string[] = [];
    for (const f of [...tsFiles("src"), ...tsFiles("grammars")]) {
      const from = stage(f);
      if (from < 0) continue;
      for (const m of readFileSync(join(root, f), "utf8").matchAll(/from\s+["'](\.[^"']+)["']/g)) {
        const target = relative(root, join(root, f, "..", m[1]!)).replace(/\.js$/, ".ts");
        const to = stage(target);
        if (to > from) backward.push(`${f} → ${target}`);
      }
    }
    expect(backward).toEqual([]);
  });
});
