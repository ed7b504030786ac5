/** RFC 4180 field quoting: quotes, commas and line breaks force a quoted field. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line (CRLF-terminated, as RFC 4180 and Excel expect). */
export function csvLine(values: Array<string | number | boolean | null | undefined>): string {
  return values.map(csvField).join(",") + "\r\n";
}

/** The UTF-8 byte-order mark Excel needs to open Chinese CSV correctly. */
export const BOM = "\ufeff";
