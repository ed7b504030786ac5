/**
 * `jixiao parse … --out data.duckdb | data.sqlite | --format parquet --out dir/`:
 * every input added to a dataset. The database modules are imported here,
 * lazily, so that no other command loads them.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { VerifyOptions } from "../verify/index.js";
import { TABLE_NAMES, type TableName } from "../write/dataset-schema.js";
import type { DatasetOptions, DatasetWriter } from "../write/dataset-writer.js";
import { EXIT, forEachInput, say, type InputRun } from "./common.js";
import type { DatasetFormat } from "./output-format.js";

/** What one run did to the dataset. */
export interface DatasetRun {
  added: number;
  present: number;
  refused: number;
  unreadable: number;
  internal: number;
}

/**
 * Parses every input into the dataset at `out`. A document already in it
 * (same SHA-256) is not added again. Resolves to the exit code.
 */
export async function runDatasetParse(
  format: DatasetFormat,
  out: string,
  positionals: string[],
  verifyOptions: VerifyOptions | null,
  options: DatasetOptions,
  inputRun: InputRun = {},
): Promise<number> {
  let opened: { writer: DatasetWriter; finish: () => Promise<void>; abort: () => Promise<void> };
  try {
    opened = await openDataset(format, out, options);
  } catch (e) {
    say(`jixiao: ${out}: cannot open as a ${format} dataset: ${firstLine(e)}`);
    return EXIT.unreadable;
  }
  const upgrade = opened.writer.upgrade;
  if (upgrade && upgrade.from !== null && upgrade.added.length > 0) {
    say(`jixiao: ${out}: upgraded in place from dataset schema version ${upgrade.from} to ${upgrade.to} (added ${upgrade.added.join(", ")})`);
  }
  const run: DatasetRun = { added: 0, present: 0, refused: 0, unreadable: 0, internal: 0 };
  try {
    // Files whose bytes are already in the dataset are hashed, not parsed: a rerun, or --resume after a kill, costs little.
    const known = await opened.writer.knownDigests();
    const onSkip = (path: string, sha256: string) => {
      run.present++;
      const before = opened.writer.pathOf(sha256);
      if (before !== path) say(`jixiao: ${path}: same content as ${before ?? "a document"} already in ${out} (sha256 ${sha256.slice(0, 12)}…); not added again`);
    };
    const r = await forEachInput(positionals, verifyOptions, async (path, result) => {
      if ("error" in result) {
        say(`jixiao: ${result.error.describe()}`);
        return;
      }
      const sha256 = result.meta.sha256;
      const before = opened.writer.pathOf(sha256);
      const { staged } = result.meta;
      const { added, refused } = staged && opened.writer.addStaged ? await opened.writer.addStaged(staged) : await opened.writer.add(result.doc);
      if (added) run.added++;
      else {
        run.present++;
        // The same bytes under another name are worth a word: that name is not stored.
        if (before !== path) say(`jixiao: ${path}: same content as ${before ?? "a document"} already in ${out} (sha256 ${sha256.slice(0, 12)}…); not added again`);
      }
      if (refused) {
        run.refused += refused;
        say(`jixiao: ${path}: ${refused} value(s) do not fit DECIMAL(18,4) and are stored as null; the diagnostics table quotes each (dataset.precision)`);
      }
    }, undefined, { ...inputRun, known, onSkip, ...(opened.writer.stagingOptions ? { stage: opened.writer.stagingOptions } : {}) });
    run.unreadable = r.unreadable;
    run.internal = r.internal;
    await opened.finish();
  } catch (e) {
    await opened.abort().catch(() => undefined);
    throw e;
  }
  say(`jixiao: ${out}: ${run.added} document(s) added, ${run.present} already present`);
  return run.internal > 0 ? EXIT.internal : run.unreadable > 0 ? EXIT.unreadable : EXIT.ok;
}

async function openDataset(format: DatasetFormat, out: string, options: DatasetOptions) {
  switch (format) {
    case "duckdb": {
      const { DuckDBDataset } = await import("../write/duckdb.js");
      const writer = await DuckDBDataset.open(out, options);
      return { writer, finish: () => writer.close(), abort: () => writer.abort() };
    }
    case "sqlite": {
      const { SqliteDataset } = await import("../write/sqlite.js");
      const existing = existsSync(out) ? new Uint8Array(await readFile(out)) : null;
      const writer = await SqliteDataset.open(existing, options);
      return {
        writer,
        finish: async () => {
          await replaceFile(out, writer.bytes());
          await writer.close();
        },
        abort: () => writer.abort(),
      };
    }
    case "parquet":
      return openParquet(out, options);
  }
}

/**
 * A Parquet dataset is a folder with one file per table. The rows are
 * gathered in a scratch DuckDB database beside them (with those of an
 * earlier run, so a rerun adds nothing twice), and each file is written
 * under a temporary name and renamed into place when the run succeeds.
 */
async function openParquet(dir: string, options: DatasetOptions) {
  let duckdb: typeof import("../write/duckdb.js");
  try {
    if (process.env.JIXIAO_DUCKDB === "off") throw new Error("JIXIAO_DUCKDB=off");
    duckdb = await import("../write/duckdb.js");
  } catch (e) {
    return openParquetWithoutDuckDB(dir, options, firstLine(e));
  }
  const { DuckDBDataset } = duckdb;
  await mkdir(dir, { recursive: true });
  const tag = `.jixiao-tmp-${process.pid}-${Date.now()}`;
  const scratch = join(dir, `${tag}.duckdb`);
  const fileOf = (t: TableName) => join(dir, `${t}.parquet`);
  const tmpOf = (t: TableName) => join(dir, `${tag}-${t}.parquet`);
  const writer = await DuckDBDataset.open(scratch, options);
  const cleanup = async () => {
    for (const f of [scratch, `${scratch}.wal`, ...TABLE_NAMES.map(tmpOf)]) await rm(f, { force: true });
  };
  try {
    const present = TABLE_NAMES.filter((t) => existsSync(fileOf(t)));
    if (present.length === TABLE_NAMES.length) await writer.importParquet(fileOf);
    else if (present.length > 0) throw new Error(`holds ${present.map((t) => `${t}.parquet`).join(", ")} but not the other tables: not a jixiao Parquet dataset, or an incomplete one`);
  } catch (e) {
    await writer.abort();
    await cleanup();
    throw e;
  }
  return {
    writer,
    finish: async () => {
      try {
        await writer.exportParquet(tmpOf);
        await writer.close();
        for (const t of TABLE_NAMES) await rename(tmpOf(t), fileOf(t));
      } finally {
        await cleanup();
      }
    },
    abort: async () => {
      await writer.abort();
      await cleanup();
    },
  };
}

/**
 * The Parquet folder when DuckDB cannot be loaded (no binary for this
 * platform, or JIXIAO_DUCKDB=off): hyparquet-writer writes the files from
 * rows held in memory. It cannot add to files written before (reading them
 * back exactly needs DuckDB), so a folder that already holds a dataset is
 * refused, not overwritten.
 */
async function openParquetWithoutDuckDB(dir: string, options: DatasetOptions, why: string) {
  const present = TABLE_NAMES.filter((t) => existsSync(join(dir, `${t}.parquet`)));
  if (present.length > 0) {
    throw new Error(`already holds ${present.map((t) => `${t}.parquet`).join(", ")}, and adding to it needs DuckDB, which could not be loaded (${why}); write to a new folder`);
  }
  const { ParquetDataset } = await import("../write/parquet.js");
  say(`jixiao: ${dir}: DuckDB could not be loaded (${why}); writing Parquet with hyparquet-writer`);
  await mkdir(dir, { recursive: true });
  const writer = new ParquetDataset(options);
  return {
    writer,
    finish: async () => {
      for (const [name, bytes] of Object.entries(writer.files())) await replaceFile(join(dir, name), bytes);
    },
    abort: () => writer.abort(),
  };
}

/** Writes a whole file under a temporary name and renames it into place. */
async function replaceFile(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.jixiao-tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, bytes, { flag: "wx" });
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split("\n")[0]!;
}
