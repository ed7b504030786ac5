/**
 * Hostile PDFs, built here rather than committed: a one-page PDF whose only
 * content stream is Flate-compressed, with a correct xref table.
 * - nestedQ: `depth` `q` then as many `Q`, which pdf.js reads on the thread
 *   that called it without yielding to a timer, and PDFium in its wasm heap,
 *   about 120 bytes per saved graphics state (see HOSTILE_Q_DEPTH);
 * - slow: tens of millions of operators that cost time and no memory;
 * - inflating: a stream of about 1 MB that inflates to 1 GiB of spaces.
 */
import { createDeflate, deflateSync } from "node:zlib";

function pdfAround(stream: Buffer): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Buffer | string) => {
    const buf = typeof b === "string" ? Buffer.from(b, "latin1") : b;
    parts.push(buf);
    length += buf.length;
  };
  const obj = (n: number, body: string | Buffer[]) => {
    offsets[n] = length;
    if (typeof body === "string") add(`${n} 0 obj\n${body}\nendobj\n`);
    else {
      add(`${n} 0 obj\n`);
      body.forEach(add);
      add("\nendobj\n");
    }
  };
  add("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>");
  obj(4, [Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, "latin1"), stream, Buffer.from("\nendstream", "latin1")]);
  const xref = length;
  add(`xref\n0 5\n0000000000 65535 f \n${[1, 2, 3, 4].map((n) => `${String(offsets[n]).padStart(10, "0")} 00000 n \n`).join("")}`);
  add(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/**
 * The depth that is hostile to both engines: pdf.js is still parsing when the
 * time bound ends it, and PDFium, which keeps every saved state in its wasm
 * heap (about 1.2 GB for these 10 million), meets the memory bound of 512 MB
 * and the default of 1 GiB. About 40 KB compressed. At 100,000 (nestedQPdf's
 * default) PDFium needs only some 12 MB and reads the page: no text.
 */
export const HOSTILE_Q_DEPTH = 10_000_000;

/** A page whose content nests `depth` graphics states: `q q q … Q Q Q`. */
export function nestedQPdf(depth = 100_000): Buffer {
  return pdfAround(deflateSync(Buffer.from("q ".repeat(depth) + "Q ".repeat(depth), "latin1"), { level: 9 }));
}

/**
 * A page of `ops` `1 w` (set line width) operators: about 40 KB compressed
 * per 10 million. Nothing in it grows memory; it only costs time, about
 * 0.15 µs an operator in PDFium here (30 million: some 4 s) and more in
 * pdf.js, so a short time bound ends it under either engine.
 */
export function slowPdf(ops = 30_000_000): Buffer {
  return pdfAround(deflateSync(Buffer.from("1 w ".repeat(ops), "latin1"), { level: 9 }));
}

/** A page whose content stream inflates to `mib` MiB of spaces. */
export async function inflatingPdf(mib = 1024): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < mib; i++) {
    if (!deflate.write(block)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return pdfAround(Buffer.concat(chunks));
}
