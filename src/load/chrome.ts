import type { Diagnostic } from "../model/document.js";

/**
 * Text a loader did not read as form content (menus, breadcrumbs, footers, a
 * page's <title>), one info diagnostic per piece, quoting it whole: nothing
 * a loader drops goes unsaid.
 */
export function chromeDiagnostics(pieces: readonly { element: string; text: string }[], code: string): Diagnostic[] {
  return pieces.map((p) => ({ code, severity: "info" as const, message: `page chrome not read as form content, ${p.element}: "${p.text}"` }));
}
