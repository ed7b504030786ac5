/**
 * Prints the column tables of docs/dataset.md from src/write/dataset-schema.ts.
 * `npx tsx scripts/gen-dataset-columns.ts` — paste the output between the
 * COLUMNS markers; test/write/dataset-docs.test.ts fails when they differ.
 */
import { datasetColumnsMarkdown } from "../src/write/dataset-docs.js";

process.stdout.write(datasetColumnsMarkdown());
