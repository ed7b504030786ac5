/**
 * Codes of the input errors jixiao reports. Each is stable: scripts may match on it.
 */
export type InputErrorCode =
  | "input.not-found" // the path does not exist
  | "input.unreadable" // the file could not be read (permissions, a directory …)
  | "input.empty" // zero bytes, or only whitespace
  | "input.binary" // not text and not PDF
  | "input.encoding" // text in an encoding that could not be decoded
  | "input.no-form" // readable, but holds no 自评表
  | "input.unsupported" // a format jixiao does not read (.doc, .pptx, .odt …): the message says what to save it as
  | "input.encrypted" // a password-protected workbook or Office document
  | "input.corrupt" // a damaged container: a zip or compound file that cannot be read
  | "input.too-large" // past a loader's bound: bytes, or the inflated size of a zip (a zip bomb)
  | "pdf.encrypted" // password-protected PDF
  | "pdf.corrupt" // truncated or damaged PDF
  | "pdf.no-text" // a scan: no text layer, OCR is needed
  | "pdf.too-large" // past the page, time or memory bound
  | "pdf.unsupported" // pdf.js could not interpret it for another reason
  | "internal"; // jixiao itself failed on this input: a bug to report

/**
 * An input that cannot be read. Carries the file, what is wrong and where, so a
 * command can print one clear line and go on with the next file.
 */
export class InputError extends Error {
  /** Stable machine-readable code. */
  readonly code: InputErrorCode;
  /** The file (or caller-supplied name) concerned. */
  readonly source: string;
  /** 1-based page, when the problem is on a page. */
  readonly page: number | undefined;
  /** 1-based line, when the problem is on a line. */
  readonly line: number | undefined;
  /** The bound the reading broke, when it broke the time or memory bound. */
  readonly bound: "time" | "memory" | undefined;

  constructor(
    code: InputErrorCode,
    source: string,
    message: string,
    where: { page?: number; line?: number; bound?: "time" | "memory" } = {},
  ) {
    super(message);
    this.name = "InputError";
    this.code = code;
    this.source = source;
    this.page = where.page;
    this.line = where.line;
    this.bound = where.bound;
  }

  /** `file: page 3: message [code]` — the one line a command prints. */
  describe(): string {
    const at = [
      this.page !== undefined ? `page ${this.page}` : null,
      this.line !== undefined ? `line ${this.line}` : null,
    ].filter(Boolean).join(", ");
    return `${this.source}: ${at ? at + ": " : ""}${this.message} [${this.code}]`;
  }
}

const MB = 1024 * 1024;

/**
 * What a reading past its time or memory bound is told, in the same words
 * whether the loader stopped itself or the batch's watchdog ended its worker.
 * `limit` is the time bound in milliseconds, or the memory bound in bytes.
 */
export function boundMessage(bound: "time" | "memory", limit: number): string {
  return bound === "time"
    ? `reading took longer than the bound of ${limit < 1000 ? `${limit} ms` : `${limit / 1000} s`}`
    : `reading needed more memory than the bound of ${Math.round(limit / MB)} MB`;
}
