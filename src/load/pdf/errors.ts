/**
 * Maps what pdf.js throws to jixiao's stable input-error codes.
 */
import { InputError } from "../errors.js";

/** Translates a pdf.js failure (or passes an InputError through). */
export function toInputError(err: unknown, source: string): InputError {
  if (err instanceof InputError) return err;
  const e = err as { name?: string; message?: string };
  const name = e?.name ?? "";
  const msg = e?.message ?? String(err);
  if (name === "PasswordException") {
    return new InputError("pdf.encrypted", source, "the PDF is password-protected; jixiao cannot read encrypted files");
  }
  if (name === "InvalidPDFException" || name === "FormatError" || /invalid pdf|bad xref|xref|unexpected end|corrupt/i.test(msg)) {
    return new InputError("pdf.corrupt", source, `the PDF is damaged or truncated (${msg})`);
  }
  return new InputError("pdf.unsupported", source, `pdf.js could not read this PDF (${name ? name + ": " : ""}${msg})`);
}
