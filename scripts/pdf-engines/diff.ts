/**
 * Field-by-field difference of two Documents read from one PDF by two
 * engines. Provenance boxes (`bbox`) may differ by up to a tolerance (the
 * engines measure glyphs differently); everything else must be equal. Each
 * difference names its JSON path and, where the path lies under a
 * provenance entry or a Sheet row that carries one, the page.
 */

/** One field where the two Documents differ. */
export interface FieldDiff {
  path: string;
  /** The page of the nearest enclosing object that names one. */
  page?: number;
  a: unknown;
  b: unknown;
}

/** Compares `a` and `b`; boxes within `tolerance` points are equal. At most `limit` differences are listed. */
export function documentDiff(a: unknown, b: unknown, tolerance = 0.5, limit = 50): FieldDiff[] {
  const out: FieldDiff[] = [];
  walk(a, b, "", undefined, tolerance, out, limit);
  return out;
}

function isBox(v: unknown): v is number[] {
  return Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === "number");
}

function walk(a: unknown, b: unknown, path: string, page: number | undefined, tol: number, out: FieldDiff[], limit: number): void {
  if (out.length >= limit) return;
  if (path.endsWith(".bbox") && isBox(a) && isBox(b)) {
    if (a.some((v, i) => Math.abs(v - b[i]!) > tol)) out.push({ path, page, a, b });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push({ path: `${path}.length`, page, a: a.length, b: b.length });
    for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, page, tol, out, limit);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>, rb = b as Record<string, unknown>;
    const here = typeof ra.page === "number" ? ra.page : page;
    for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) walk(ra[k], rb[k], path ? `${path}.${k}` : k, here, tol, out, limit);
    return;
  }
  if (!Object.is(a, b)) out.push({ path, page, a, b });
}

/** One line per difference, for a test message or a report. */
export function describeDiffs(file: string, diffs: readonly FieldDiff[]): string {
  return diffs.map((d) => `${file}: ${d.path}${d.page ? ` (page ${d.page})` : ""}: pdfjs ${JSON.stringify(d.a)} ≠ pdfium ${JSON.stringify(d.b)}`).join("\n");
}
