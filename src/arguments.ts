/**
 * The library's argument checks: what a caller passes to parseText,
 * parseBytes and parseFile is checked before any input is read, and a wrong
 * argument throws one {@link UsageError} that names it.
 */
import { z } from "zod";
import { PdfOptions } from "./load/pdf/options.js";
import { InputLimits } from "./load/limits.js";
import { describeValue, usageFromZod, UsageError } from "./model/usage-error.js";
import { VerifyOptions } from "./verify/options.js";

/** Bytes as the parse functions take them: a Uint8Array (a Node Buffer is one), an ArrayBuffer, or any other typed-array view. */
export type Bytes = Uint8Array | ArrayBuffer | ArrayBufferView;

/** The fields of ParseOptions other than `verify`, which gets a message of its own. */
const ParseOptionFields = z.object({
  source: z.string().optional(),
  pdf: PdfOptions.optional(),
  limits: InputLimits.optional(),
  sha256: z.custom<(bytes: Uint8Array) => string | Promise<string>>((v) => typeof v === "function", "must be a function").optional(),
});

/** The bytes of `input` as a Uint8Array (a view: nothing is copied), or a UsageError. */
function toBytes(input: unknown): Uint8Array | null {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return null;
}

/** Bytes for parseBytes: anything else is a UsageError. */
export function checkBytes(fn: string, input: unknown): Uint8Array {
  const bytes = toBytes(input);
  if (bytes) return bytes;
  const hint = typeof input === "string" ? "; parseText reads a string" : "";
  throw new UsageError("usage.input", "input", `${fn}: input must be a Uint8Array, Buffer or ArrayBuffer, not ${describeValue(input)}${hint}`);
}

/** Text or bytes for parseText: anything else is a UsageError. */
export function checkTextInput(fn: string, input: unknown): string | Uint8Array {
  if (typeof input === "string") return input;
  const bytes = toBytes(input);
  if (bytes) return bytes;
  throw new UsageError("usage.input", "input", `${fn}: input must be a string, Uint8Array, Buffer or ArrayBuffer, not ${describeValue(input)}`);
}

/** Checks the options of a parse function; returns them (undefined becomes {}). */
export function checkParseOptions<T extends object>(fn: string, options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new UsageError("usage.options", "options", `${fn}: options must be an object, not ${describeValue(options)}`);
  }
  const fields = ParseOptionFields.safeParse(options);
  if (!fields.success) throw usageFromZod(fn, "options", fields.error);
  const verify = (options as { verify?: unknown }).verify;
  if (verify !== undefined && verify !== false) {
    if (typeof verify !== "object" || verify === null || Array.isArray(verify)) {
      throw new UsageError("usage.options", "options.verify",
        `${fn}: options.verify must be false or verifier options such as { rounding: "truncate" }, not ${describeValue(verify)}`);
    }
    const v = VerifyOptions.safeParse(verify);
    if (!v.success) throw usageFromZod(fn, "options.verify", v.error);
  }
  return options;
}
