import { DuckDBInstance } from "@duckdb/node-api";
export { run } from "../cli/run.js";


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
