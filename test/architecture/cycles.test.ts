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

/** Relative imports of each file, type-only ones included: a cycle of types is still a cycle of modules to a reader. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(join(root, f), "utf8");
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)]
      .map((m) => relative(root, join(root, f, "..", m[1]!)).replace(/\.js$/, ".ts"));
    graph.set(f, [...new Set(targets)]);
  }
  return graph;
}

/** Every import cycle, each as the path that closes it. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === "open") found.push([...stack.slice(stack.indexOf(t)), t].join(" → "));
      else if (!state.has(t) && graph.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe("architecture: import cycles", () => {
  it("the verifier's modules import one another without a cycle (facts.ts ↔ weights.ts was one)", () => {
    expect(cycles(importGraph(tsFiles("src/verify")))).toEqual([]);
  });

  it("the finder sees a cycle when there is one", () => {
    expect(cycles(new Map([["a.ts", ["b.ts"]], ["b.ts", ["a.ts"]]]))).toEqual(["a.ts → b.ts → a.ts"]);
  });

  it("no module of src imports itself back through others", () => {
    expect(cycles(importGraph(tsFiles("src")))).toEqual([]);
  });
});
