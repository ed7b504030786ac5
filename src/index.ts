/**
 * jixiao: read 财政项目支出绩效自评表 (project expenditure performance
 * self-evaluation forms) from PDFs and text exports into validated data, and
 * verify that each form's numbers add up.
 *
 * ```ts
 * import { parseFile } from "jixiao";
 * const doc = await parseFile("seed.txt");           // Document, forms verified
 * for (const form of doc.forms) console.log(form.projectName, form.total.score);
 * ```
 *
 * In a browser, import "jixiao/browser": the same API without parseFile.
 *
 * @packageDocumentation
 */
export * from "./core.js";
export { parseFile } from "./files.js";
export { parseFiles, type ParseFilesOptions, type ParsedFile } from "./batch/parse-files.js";
export { InputLimits } from "./load/limits.js";
