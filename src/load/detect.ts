import { InputError } from "./errors.js";
import { looksLikeOle, oleContent } from "./ole.js";
import { looksLikeZip, readZipEntry, requireZipEntries } from "./zip/index.js";

/** What a byte buffer holds, decided from its first bytes. */
export type InputKind =
  | "pdf"
  | "text"
  | "html"
  | "xlsx"
  | "xls"
  | "ods"
  | "docx"
  | "odt";

/**
 * PDF by its `%PDF-` signature (allowed a little way in: some servers prepend
 * junk); a zip by the parts it holds; an OLE compound file by its streams;
 * HTML by how it starts; anything else is treated as text and must then
 * decode. A format jixiao does not read (.doc, .pptx, .odt) fails here, with
 * what to save it as.
 */
export function detectInput(bytes: Uint8Array, source: string): InputKind {
  if (bytes.length === 0) throw new InputError("input.empty", source, "the file is empty (0 bytes)");
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) {
      return "pdf";
    }
  }
  if (looksLikeZip(bytes)) return zipKind(bytes, source);
  if (looksLikeOle(bytes)) return oleKind(bytes, source);
  if (looksLikeHtml(head)) return "html";
  return "text";
}

const ODF_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet";
const ODF_TEXT = "application/vnd.oasis.opendocument.text";

function zipKind(bytes: Uint8Array, source: string): InputKind {
  const entries = requireZipEntries(bytes, source, "zip archive");
  const names = new Set(entries.map((e) => e.name));
  if (names.has("[Content_Types].xml")) {
    if (names.has("word/document.xml")) return "docx";
    if (names.has("xl/workbook.xml") || names.has("xl/workbook.bin")) return "xlsx";
    if ([...names].some((n) => n.startsWith("ppt/"))) {
      throw new InputError("input.unsupported", source, "this is a PowerPoint presentation: save the form as .xlsx, .docx or PDF");
    }
    throw new InputError("input.unsupported", source, "an Office Open XML package holding neither a workbook nor a Word document");
  }
  if (names.has("mimetype")) {
    const raw = readZipEntry(bytes, entries, "mimetype", source, 1024);
    const mime = raw ? new TextDecoder().decode(raw).trim() : "";
    if (mime === ODF_SPREADSHEET) return "ods";
    if (mime === ODF_TEXT) return "odt";
    throw new InputError("input.unsupported", source, `an OpenDocument file of type ${mime || "(none)"}: only spreadsheets (.ods) and texts (.odt) are read`);
  }
  throw new InputError("input.unsupported", source, "a zip archive that is no workbook and no Word document: unpack it and parse its files");
}

function oleKind(bytes: Uint8Array, source: string): InputKind {
  switch (oleContent(bytes)) {
    case "xls":
      return "xls";
    case "doc":
      throw new InputError("input.unsupported", source, "this is a legacy Word document (.doc): open it in Word or LibreOffice and save it as .docx");
    case "encrypted":
      throw new InputError("input.encrypted", source, "the document is password-protected: remove the password (save a copy without one) and parse that");
    case "powerpoint":
      throw new InputError("input.unsupported", source, "this is a PowerPoint presentation: save the form as .xlsx, .docx or PDF");
    default:
      throw new InputError("input.unsupported", source, "an OLE compound file holding no Excel workbook");
  }
}

const HTML_START = /^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<table[\s>]|<title[\s>]|<!--|<\?xml[^>]*>\s*<(?:!doctype\s+html|html))/i;

/**
 * HTML by its start: after a byte-order mark and whitespace, a doctype, an
 * <html>, <head>, <body>, <meta>, <title> or <table> tag, or a comment followed
 * by one of those within the first KiB. Text exports that merely hold stray
 * tags (<p> in a goal) start with their title, not a tag.
 */
function looksLikeHtml(head: Uint8Array): boolean {
  let s: string;
  if (head[0] === 0xff && head[1] === 0xfe) s = new TextDecoder("utf-16le").decode(head.subarray(2));
  else if (head[0] === 0xfe && head[1] === 0xff) s = new TextDecoder("utf-16be").decode(head.subarray(2));
  else s = new TextDecoder("latin1").decode(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head);
  s = s.trimStart();
  if (!HTML_START.test(s)) return false;
  if (!s.startsWith("<!--")) return true;
  return /<(?:!doctype\s+html|html|head|body|meta|table)[\s>]/i.test(s);
}
