// Where the DuckDB writer's own CPU goes, statement by statement: the
// Documents of a JSONL file are staged (not timed), then written in groups
// as src/write/duckdb.ts writes them (CSV files, one INSERT … read_csv per
// table, one transaction a group), into a fresh database file.
// Usage: node --import tsx scripts/bench-batch/duckdb-stages.ts FILE.jsonl [ROUNDS]
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Document } from "../../src/model/document.js";
import { csvColumns, stageDocument, stagedTable } from "../../src/write/dataset-csv.js";
import { createTableStatements, SQL_TYPES, TABLE_NAMES, type TableName } from "../../src/write/dataset-schema.js";
import { ROWS_PER_COMMIT } from "../../src/write/duckdb.js";

const file = process.argv[2];
if (!file) throw new Error("usage: duckdb-stages.ts FILE.jsonl [ROUNDS]");
const rounds = Number(process.argv[3] ?? 3);
const docs = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Document);
const staged = docs.map((d) => stageDocument(d, { parsedAt: new Date().toISOString(), version: "bench", provenance: true }));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const dialect = `header = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', auto_detect = false, allow_quoted_nulls = false, max_line_size = 1073741824`;
const spent = new Map<string, number>();
const add = (k: string, v: number) => spent.set(k, (spent.get(k) ?? 0) + v);
const dir = mkdtempSync(join(tmpdir(), "jixiao-duckdb-stages-"));
try {
  for (let r = 0; r < rounds; r++) {
    const db = join(dir, `r${r}.duckdb`);
    const instance = await DuckDBInstance.create(db, { threads: "1", disabled_compression_methods: "fsst" });
    const c = await instance.connect();
    for (const s of createTableStatements("duckdb")) await c.run(s);
    let at = 0;
    while (at < staged.length) {
      const group = [];
      let rows = 0;
      while (at < staged.length && rows < ROWS_PER_COMMIT) {
        rows += staged[at]!.rows;
        group.push(staged[at++]!);
      }
      let t = cpu();
      const files: [TableName, string][] = [];
      for (const name of TABLE_NAMES) {
        const pieces = group.map((s) => stagedTable(s, name)).filter((b) => b.byteLength > 0);
        if (pieces.length === 0) continue;
        const csv = join(dir, `${name}.csv`);
        writeFileSync(csv, Buffer.concat(pieces));
        files.push([name, csv]);
      }
      add("writing the CSV files", cpu() - t);
      await c.run("BEGIN TRANSACTION");
      for (const [name, csv] of files) {
        t = cpu();
        await c.run(`INSERT INTO ${name} SELECT * FROM read_csv('${csv}', columns = ${csvColumns(name, (x) => SQL_TYPES.duckdb[x])}, ${dialect})`);
        add(`INSERT ${name}`, cpu() - t);
      }
      t = cpu();
      await c.run("COMMIT");
      add("COMMIT", cpu() - t);
    }
    const t = cpu();
    c.closeSync();
    instance.closeSync();
    add("close", cpu() - t);
    rmSync(db, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
let total = 0;
console.log(`${docs.length} documents from ${file}, ${rounds} rounds; ms of CPU a document (the whole process: DuckDB's threads and Node's):`);
for (const [k, v] of spent) {
  total += v;
  console.log(`  ${k.padEnd(24)} ${((v * 1000) / rounds / docs.length).toFixed(3)}`);
}
console.log(`  ${"all".padEnd(24)} ${((total * 1000) / rounds / docs.length).toFixed(3)}`);
