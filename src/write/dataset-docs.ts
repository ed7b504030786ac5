import { SQL_TYPES, TABLES } from "./dataset-schema.js";

/** The column tables of docs/dataset.md, made from the schema so the docs cannot drift from it. */
export function datasetColumnsMarkdown(): string {
  const out: string[] = [];
  for (const t of TABLES) {
    out.push(`### \`${t.name}\``, "", `${t.doc} Key: (${t.key.join(", ")}).`, "");
    out.push("| column | DuckDB / Parquet | SQLite | null | what it holds |", "|---|---|---|---|---|");
    for (const c of t.columns) {
      out.push(`| \`${c.name}\` | ${SQL_TYPES.duckdb[c.type]} | ${SQL_TYPES.sqlite[c.type]} | ${c.nullable ? "yes" : "no"} | ${c.doc} |`);
    }
    out.push("");
  }
  return out.join("\n");
}
