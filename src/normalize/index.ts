export { normalizeForm } from "./form.js";
export { parseDecimal } from "./number.js";
export { parseMeasure } from "./measure.js";
export { cleanFreeText } from "./free-text.js";
