/**
 * jixiao's browser-safe API: everything but file access. Parse text exports
 * and PDFs from bytes, verify forms, and use the schemas and types.
 *
 * @packageDocumentation
 */
export { parseBytes, parseSheet, parseText, parseWithSheet, streamBytes, textSheet, type ParseOptions, type StreamedDocument } from "./parse.js";
export { ledger, unaccounted } from "./ledger/index.js";
export { InputError, type InputErrorCode } from "./load/errors.js";
export { UsageError, type UsageErrorCode } from "./model/usage-error.js";
export type { Bytes } from "./arguments.js";
export * from "./model/index.js";
export { provenanceAt } from "./model/provenance-log.js";
export { parseDecimal, parseMeasure, cleanFreeText } from "./normalize/index.js";
export { verify, verifyForms, formVerifier, RULES, VerifyOptions, DEFAULT_GRADE_BANDS, type ResolvedVerifyOptions } from "./verify/index.js";
export { ParquetDataset, parquetTable } from "./write/parquet.js";
export type { DatasetOptions, DatasetWriter, AddResult } from "./write/dataset-writer.js";
