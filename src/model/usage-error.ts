import type { z } from "zod";

/** Codes of {@link UsageError}: which kind of argument was wrong. */
export type UsageErrorCode =
  | "usage.input" // the text or bytes to parse are of the wrong type
  | "usage.options" // an options object, or one of its fields, is invalid
  | "usage.form"; // the form given to the verifier is not a Form

/**
 * A library function was called wrongly: an argument of the wrong type, or an
 * option out of range. Thrown before any input is read, by `parseText`,
 * `parseBytes`, `parseFile`, `verify`, `verifyForms` and `formVerifier`.
 * Bad *input* (a file that cannot be read) is an InputError instead.
 */
export class UsageError extends Error {
  /** Stable machine-readable code. */
  readonly code: UsageErrorCode;
  /** The argument concerned, as a path: `input`, `options.verify.rounding`, `form.funding` … */
  readonly argument: string;

  /**
   * @param message one line naming the function and the argument
   * @param options `cause`: the ZodError that found the problem, when a schema did
   */
  constructor(code: UsageErrorCode, argument: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UsageError";
    this.code = code;
    this.argument = argument;
  }
}

/** What a value is, for a message: `null`, `a number (123)`, `an object` … */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `a string (${JSON.stringify(value.length > 20 ? value.slice(0, 20) + "…" : value)})`;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return `a ${typeof value} (${String(value)})`;
  if (typeof value === "function") return "a function";
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name && name !== "Object" ? `a ${name}` : "an object";
}

/**
 * A ZodError as a UsageError: the first issue, one line, naming the argument
 * by its path under `argument`; the ZodError itself is the `cause`.
 */
export function usageFromZod(fn: string, argument: string, error: z.ZodError, code: UsageErrorCode = "usage.options"): UsageError {
  const issue = error.issues[0];
  const path = [argument, ...(issue?.path ?? []).map(String)].join(".");
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
  const message = (issue?.message ?? "invalid").replace(/\s+/g, " ");
  return new UsageError(code, path, `${fn}: ${path}: ${message}${more}`, { cause: error });
}
