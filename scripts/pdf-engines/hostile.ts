/**
 * Two hostile PDFs, built in memory: one whose content stream nests 100,000
 * `q` (save) operators, and one whose content stream is 1 MiB of Flate data
 * inflating to 1 GiB. Each is a valid one-page PDF; only the content is
 * hostile. `fixtures/pdf/bad/hostile/` holds them as this script writes them.
 */
import { Deflate, zlibSync } from "fflate";

/** A one-page PDF around the given (Flate-compressed) content stream, with a correct xref table. */
function onePage(content: Uint8Array): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Uint8Array) => {
    parts.push(b);
    length += b.length;
  };
  const obj = (n: number, body: string, stream?: Uint8Array) => {
    offsets[n] = length;
    push(enc.encode(`${n} 0 obj\n${body}\n`));
    if (stream) {
      push(enc.encode("stream\n"));
      push(stream);
      push(enc.encode("\nendstream\n"));
    }
    push(enc.encode("endobj\n"));
  };
  push(enc.encode("%PDF-1.7\n"));
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>");
  obj(4, `<< /Length ${content.length} /Filter /FlateDecode >>`, content);
  const xref = length;
  const rows = offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  push(enc.encode(`xref\n0 5\n0000000000 65535 f \n${rows}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** 100,000 nested `q`, each closed again: about 1 KB compressed. */
export function nestedQPdf(depth = 100_000): Uint8Array {
  const content = "q ".repeat(depth) + "0 0 m 10 10 l S " + "Q ".repeat(depth);
  return onePage(zlibSync(new TextEncoder().encode(content), { level: 9 }));
}

/** A content stream of `inflated` bytes of spaces, compressed (about 1 MiB for 1 GiB). */
export function inflatingPdf(inflated = 1024 ** 3): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  // A zlib header by hand: fflate's Deflate writes raw deflate.
  const block = new Uint8Array(1024 * 1024).fill(0x20);
  for (let done = 0; done < inflated; done += block.length) z.push(block, done + block.length >= inflated);
  const raw = concat(chunks);
  const zlib = new Uint8Array(raw.length + 6);
  zlib.set([0x78, 0xda]);
  zlib.set(raw, 2);
  // Adler-32 of the data is not needed by either engine to start inflating; a wrong one is as hostile.
  return onePage(zlib);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// `tsx scripts/pdf-engines/hostile.ts` writes both into fixtures/pdf/bad/hostile/.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import("node:fs");
  writeFileSync("fixtures/pdf/bad/hostile/nested-q.pdf", nestedQPdf());
  writeFileSync("fixtures/pdf/bad/hostile/inflate-1gib.pdf", inflatingPdf());
}
