import type { Document } from "../model/document.js";
import type { StagedDocument, StagingOptions } from "./dataset-csv.js";
import type { SchemaUpgrade } from "./dataset-upgrade.js";

/** What every dataset writer needs besides the documents. */
export interface DatasetOptions {
  /** When the documents are added (ISO-8601, UTC); one value for a whole run. */
  parsedAt: string;
  /** jixiao's version, stored with each document. */
  version: string;
  /** Whether the provenance table gets rows (`--provenance table`, the default) or none (`--provenance none`). */
  provenance: boolean;
}

/** What adding one document did. */
export interface AddResult {
  /** false when a document with the same SHA-256 was already in the dataset: nothing was written. */
  added: boolean;
  /** Values refused because the database type cannot hold them exactly (each has a `dataset.precision` diagnostic row). */
  refused: number;
}

/**
 * A dataset that documents are added to, one at a time. A document is
 * written whole or not at all, and a document already present (by SHA-256)
 * is skipped: rerunning over the same files adds nothing twice.
 */
export interface DatasetWriter {
  /** What opening a database file did to its schema (undefined where there is no file schema: Parquet in memory). */
  readonly upgrade?: SchemaUpgrade;
  /** The SHA-256 of every document already in the dataset: a rerun (or --resume) skips those files before parsing them. */
  knownDigests(): Promise<Set<string>>;
  /** The path the document with this SHA-256 was first added from; undefined when it is not in the dataset. */
  pathOf(sha256: string): string | null | undefined;
  add(doc: Document): Promise<AddResult>;
  /**
   * Where the writer also takes documents staged elsewhere (DuckDB: in the
   * pool's workers, see dataset-csv.ts): the options to stage them with.
   */
  readonly stagingOptions?: StagingOptions;
  /** Adds a document staged with {@link stagingOptions}; present when they are. */
  addStaged?(staged: StagedDocument): Promise<AddResult>;
  /** Commits what is pending and releases the database. */
  close(): Promise<void>;
  /** Drops what is not yet committed and releases the database. */
  abort(): Promise<void>;
}
