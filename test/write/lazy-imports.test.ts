import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const files = (dir: string): string[] => readdirSync(join(root, dir)).flatMap((n) => {
  const rel = join(dir, n);
  return statSync(join(root, rel)).isDirectory() ? files(rel) : rel.endsWith(".ts") ? [rel] : [];
});

// `jixiao --version` and every other command must not load a database engine.
describe("the database writers are loaded only when used", () => {
  it("only write/duckdb.ts imports @duckdb/node-api, and sql.js is imported dynamically", () => {
    const statics = files("src").flatMap((f) => {
      const text = readFileSync(join(root, f), "utf8");
      return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gms)].map((m) => ({ f, from: m[1]! }));
    });
    expect(statics.filter((s) => s.from === "@duckdb/node-api").map((s) => s.f)).toEqual(["src/write/duckdb.ts"]);
    expect(statics.filter((s) => s.from === "sql.js")).toEqual([]);
    // …and nothing imports those two modules statically: the CLI reaches them through await import().
    const writers = statics.filter((s) => /write\/(duckdb|sqlite)\.js$/.test(s.from)).map((s) => relative(root, join(root, s.f)));
    expect(writers).toEqual([]);
  });
});
