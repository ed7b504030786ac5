/**
 * Writes fixtures/pdf/odd/off-page.pdf: fixtures/pdf/seed/narrow-one.pdf
 * with an incremental update that draws two more lines of text outside the
 * page's media box, where no viewer shows them:
 *
 * - `PROOF 2023-114` in Helvetica (a standard font), to the right of the page;
 * - `项目名称` in the page's own UMing subset (glyphs <49B8 2C4E 0E35 2EEE>,
 *   which its ToUnicode maps to 项 目 名 称), below the page.
 *
 * The original content stream is bracketed by `q … Q`, so the added one
 * starts from the default graphics state. Everything before the update is
 * the original file, byte for byte.
 *
 *   npx tsx scripts/pdf-fixtures/off-page.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

/** The text the update draws off the page, in drawing order, with where. */
export const OFF_PAGE_TEXT = [
  { text: "PROOF 2023-114", where: "right of the page, x = 610" },
  { text: "项目名称", where: "below the page, y = -40" },
] as const;

export function offPagePdf(original: Buffer): Buffer {
  const src = original.toString("latin1");
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(src)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(src.slice(prev))?.[1]);
  if (!Number.isFinite(prev) || !Number.isFinite(size)) throw new Error("narrow-one.pdf: no classic xref trailer");
  // The page object as the original has it, to re-issue with the added stream and font.
  const page = /\n2 0 obj\n(<<\/Type \/Page[\s\S]*?)\nendobj/.exec(src)?.[1];
  if (!page?.includes("/Contents 6 0 R") || !page.includes("/F5 5 0 R>>")) throw new Error("narrow-one.pdf: page 2 0 R is not as expected");
  const font = size, open = size + 1, close = size + 2, text = size + 3;
  const drawn = [
    "BT /Foff 9 Tf 610 400 Td (PROOF 2023-114) Tj ET",
    "BT /F5 14 Tf 1 0 0 1 100 -40 Tm <49B82C4E0E352EEE> Tj ET",
  ].join("\n");
  const parts: Buffer[] = [original.subarray(0, original.length)];
  let length = original.length;
  if (!src.endsWith("\n")) {
    parts.push(Buffer.from("\n"));
    length += 1;
  }
  const offsets = new Map<number, number>();
  const obj = (n: number, body: string | Buffer, dict?: string) => {
    offsets.set(n, length);
    const chunk = typeof body === "string"
      ? Buffer.from(`${n} 0 obj\n${body}\nendobj\n`, "latin1")
      : Buffer.concat([Buffer.from(`${n} 0 obj\n<<${dict} /Length ${body.length}>>\nstream\n`, "latin1"), body, Buffer.from("\nendstream\nendobj\n", "latin1")]);
    parts.push(chunk);
    length += chunk.length;
  };
  obj(2, page.replace("/Contents 6 0 R", `/Contents [${open} 0 R 6 0 R ${close} 0 R ${text} 0 R]`).replace("/F5 5 0 R>>", `/F5 5 0 R\n/Foff ${font} 0 R>>`));
  obj(font, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  obj(open, Buffer.from("q\n", "latin1"), "");
  obj(close, Buffer.from("Q\n", "latin1"), "");
  obj(text, deflateSync(Buffer.from(drawn, "latin1")), " /Filter /FlateDecode");
  const xref = length;
  const entry = (n: number) => `${String(offsets.get(n)).padStart(10, "0")} 00000 n \n`;
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref/.exec(src.slice(prev))?.[1] ?? "";
  const root = /\/Root \d+ 0 R/.exec(trailer)?.[0];
  const info = /\/Info \d+ 0 R/.exec(trailer)?.[0] ?? "";
  parts.push(Buffer.from(
    `xref\n2 1\n${entry(2)}${font} 4\n${[font, open, close, text].map(entry).join("")}`
    + `trailer\n<</Size ${text + 1}\n${root}\n${info}\n/Prev ${prev}>>\nstartxref\n${xref}\n%%EOF\n`,
    "latin1",
  ));
  return Buffer.concat(parts);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync("fixtures/pdf/odd", { recursive: true });
  writeFileSync("fixtures/pdf/odd/off-page.pdf", offPagePdf(readFileSync("fixtures/pdf/seed/narrow-one.pdf")));
}
