import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit.js";
import { fixture } from "../helpers.js";
import { duckQuery, run } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "jixiao-resume-"));
const TRUNCATED = fixture("pdf/bad/truncated.pdf");
const digest = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

describe("database outputs skip files whose bytes they hold, before parsing them", () => {
  it("a file the database knows is not parsed: even one that could not be parsed is not read again", async () => {
    const db = join(dir, "known.duckdb");
    // The truncated PDF cannot be parsed (exit 2, one error line) …
    const fresh = await run("parse", TRUNCATED, "--out", db);
    expect(fresh.code).toBe(EXIT.unreadable);
    expect(fresh.err).toContain(`${TRUNCATED}:`);
    // … but once the database lists its digest (as if an earlier run had added it), it is skipped unparsed.
    await duckQuery(db, `INSERT INTO documents VALUES ('${digest(TRUNCATED)}', '${TRUNCATED}', 'pdf', NULL, 1, 1, 0, '2026-01-01 00:00:00', 'test', '1')`);
    const again = await run("parse", TRUNCATED, "--out", db);
    expect(again.err.trim().split("\n")).toEqual([`jixiao: ${db}: 0 document(s) added, 1 already present`]);
    expect(again.code).toBe(EXIT.ok);
  });

  it("a run stopped half way is resumed: the rerun parses and adds only the files that are missing", async () => {
    const inputs = join(dir, "in");
    mkdirSync(inputs);
    const seed = readFileSync(fixture("seed/seed.txt"), "utf8");
    for (let i = 0; i < 4; i++) writeFileSync(join(inputs, `s${i}.txt`), `copy ${i}\n${seed}`);
    const db = join(dir, "half.duckdb");
    await run("parse", join(inputs, "s0.txt"), join(inputs, "s1.txt"), "--out", db); // what the stopped run committed
    // No --resume needed: a dataset always resumes (the pool branch adds --resume, which the dataset path accepts).
    const resumed = await run("parse", inputs, "--out", db);
    expect(resumed.code).toBe(EXIT.ok);
    expect(resumed.err).toContain("2 document(s) added, 2 already present");
    const [[n]] = await duckQuery(db, "SELECT count(*) AS n, count(DISTINCT sha256) AS d FROM documents");
    expect(n).toEqual({ n: "4", d: "4" });
  });

  it("the same bytes under another name are skipped, and said so", async () => {
    const db = join(dir, "renamed.duckdb");
    const copy = join(dir, "renamed-seed.txt");
    copyFileSync(fixture("seed/seed.txt"), copy);
    await run("parse", fixture("seed/seed.txt"), "--out", db);
    const r = await run("parse", copy, "--out", db);
    expect(r.err).toContain(`jixiao: ${copy}: same content as ${fixture("seed/seed.txt")} already in ${db}`);
    expect(r.err).toContain("0 document(s) added, 1 already present");
  });

  it("SQLite too", async () => {
    const db = join(dir, "known.sqlite");
    await run("parse", fixture("seed/seed.txt"), "--out", db);
    const SQL = await initSqlJs();
    const file = new SQL.Database(readFileSync(db));
    file.run(`INSERT INTO documents VALUES ('${digest(TRUNCATED)}', '${TRUNCATED}', 'pdf', NULL, 1, 1, 0, '2026-01-01T00:00:00Z', 'test', '1')`);
    writeFileSync(db, file.export());
    file.close();
    const again = await run("parse", TRUNCATED, fixture("seed/seed.txt"), "--out", db);
    expect(again.code).toBe(EXIT.ok);
    expect(again.err.trim().split("\n")).toEqual([`jixiao: ${db}: 0 document(s) added, 2 already present`]);
  });
});
