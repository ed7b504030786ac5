/** The shapes of values in flattened text: what a word is when no label names it. */

/** An amount, rate or score as printed: 1,121.92, -3.00, (2.50), 0. */
export const NUMBER = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)$/u;

/** A printed placeholder for an empty cell. */
export const DASH = /^(?:[-–—/／]|--)$/u;

/** A measure: an operator, a number and a unit, or a number with a unit (≥250(人), 5.00(人), 100%, ≥50个). */
export const MEASURE = /^(?:[=＝≥≧≤≦>＞<＜]|>=|<=|不低于|不少于|不高于|不超过|大于等于|小于等于|大于|小于|等于)?\s*[-−]?\d[\d,]*(?:\.\d+)?(?:[(（][^)）]{0,8}[)）]?|%|‰|[^\s\d.,;:，；：。、()（）]{1,6})?$/u;

/** An operator and number whose unit wrapped onto the next line (≥150.00 then (次)). */
export const UNIT_PIECE = /^[(（][^)）\s\d]{1,8}[)）]$/u;

/** Units of two characters or more that a narrow cell may wrap inside when printed bare (=482平方 / 米). */
export const WORD_UNITS = ["平方米", "平方公里", "立方米", "公里", "千米", "人次", "户次", "小时", "万元", "万人", "万册", "个月", "工作日", "课时", "学时", "人天", "亩"];

/** The year line under the title, as one text: (2023 年度). */
export const YEAR = /^[(（]?\s*\d{4}\s*年度?\s*[)）]?$/u;

/** Page furniture flattened text keeps: - 1 -, 第 1 页, 第1页,共3页, 1/3. */
export const PAGE_NUMBER = /^(?:-\s*\d+\s*-|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/u;

export const isNumber = (s: string): boolean => NUMBER.test(s);
export const isDash = (s: string): boolean => DASH.test(s);
/** A number or a placeholder: what fills a funding cell. */
export const isAmountCell = (s: string): boolean => NUMBER.test(s) || DASH.test(s);
/** A measure that is not a plain number. */
export const isMeasure = (s: string): boolean => !NUMBER.test(s) && MEASURE.test(s);
