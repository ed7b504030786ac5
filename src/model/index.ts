export * from "./primitives.js";
export * from "./sheet.js";
export * from "./form.js";
export * from "./document.js";
export * from "./ledger.js";
