import { DuckDBInstance } from "@duckdb/node-api";
import { vi } from "vitest";
import { main } from "../../src/cli/main.js";

/** Runs the command in-process, capturing what it prints. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, "write").mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** Runs queries against a DuckDB file (or :memory:), rows as JSON-safe objects (decimals as strings). */
export async function duckQuery<Q extends string[]>(path: string, ...sql: Q): Promise<{ [K in keyof Q]: Record<string, unknown>[] }> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  try {
    const out: Record<string, unknown>[][] = [];
    for (const q of sql) out.push((await c.runAndReadAll(q)).getRowObjectsJson() as Record<string, unknown>[]);
    return out as { [K in keyof Q]: Record<string, unknown>[] };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
