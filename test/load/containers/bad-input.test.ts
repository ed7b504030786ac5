/**
 * Bad containers fail with one clear InputError and a stable code: formats
 * jixiao does not read, damaged and password-protected files, zip bombs,
 * files with no form, and pages past the size bound.
 */
import { readFileSync } from "node:fs";
import { CFB, utils, write } from "@e965/xlsx";
import { Deflate, zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { detectInput } from "../../../src/load/detect.js";
import { InputError } from "../../../src/load/errors.js";
import { parseBytes } from "../../../src/parse.js";
import { fixture } from "../../helpers.js";

const bytes = (name: string) => new Uint8Array(readFileSync(fixture(`containers/${name}`)));

async function failure(b: Uint8Array, options: Parameters<typeof parseBytes>[1] = {}): Promise<InputError> {
  try {
    await parseBytes(b, { source: "bad", ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("parsed without an error");
}

/** An OLE compound file holding streams of these names. */
function compoundFile(streams: string[]): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const s of streams) CFB.utils.cfb_add(cfb, `/${s}`, new Uint8Array(4096).fill(7));
  return new Uint8Array(CFB.write(cfb, { type: "array" }) as ArrayLike<number>);
}

/** Raw deflate of `n` zero bytes, made a megabyte at a time (never held inflated). */
function deflatedZeros(n: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const mb = new Uint8Array(1 << 20);
  for (let left = n; left > 0; left -= mb.length) d.push(left > mb.length ? mb : mb.subarray(0, left), left <= mb.length);
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A zip written by hand, so an entry may declare a size other than its own (CRCs are left 0: nothing here checks them). */
function handZip(entries: { name: string; data: Uint8Array; method: 0 | 8; size: number }[]): Uint8Array {
  const chunks: number[] = [];
  const central: number[] = [];
  const le = (arr: number[], v: number, n: number) => { for (let i = 0; i < n; i++) arr.push((v >>> (8 * i)) & 0xff); };
  const local: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const h: number[] = [];
    le(h, 0x04034b50, 4); le(h, 20, 2); le(h, 0, 2); le(h, e.method, 2); le(h, 0, 4); le(h, 0, 4);
    le(h, e.data.length, 4); le(h, e.size, 4); le(h, name.length, 2); le(h, 0, 2);
    const head = new Uint8Array([...h, ...name]);
    local.push(head, e.data);
    le(central, 0x02014b50, 4); le(central, 20, 2); le(central, 20, 2); le(central, 0, 2); le(central, e.method, 2);
    le(central, 0, 4); le(central, 0, 4); le(central, e.data.length, 4); le(central, e.size, 4); le(central, name.length, 2);
    le(central, 0, 2); le(central, 0, 2); le(central, 0, 2); le(central, 0, 2); le(central, 0, 4); le(central, offset, 4);
    central.push(...name);
    offset += head.length + e.data.length;
  }
  le(chunks, 0x06054b50, 4); le(chunks, 0, 2); le(chunks, 0, 2); le(chunks, entries.length, 2); le(chunks, entries.length, 2);
  le(chunks, central.length, 4); le(chunks, offset, 4); le(chunks, 0, 2);
  const total = offset + central.length + chunks.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of [...local, new Uint8Array(central), new Uint8Array(chunks)]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const xlsxParts = (sheet: { data: Uint8Array; method: 0 | 8; size: number }) => [
  { name: "[Content_Types].xml", data: strToU8("<Types/>"), method: 0 as const, size: 8 },
  { name: "xl/workbook.xml", data: strToU8("<workbook/>"), method: 0 as const, size: 11 },
  { name: "xl/worksheets/sheet1.xml", ...sheet },
];

describe("formats jixiao does not read say what to save them as", () => {
  it("a legacy Word .doc: input.unsupported, save as .docx", async () => {
    const e = await failure(compoundFile(["WordDocument", "1Table"]));
    expect(e.code).toBe("input.unsupported");
    expect(e.message).toContain(".docx");
  });

  it("an OpenDocument drawing, a PowerPoint file, a plain zip: input.unsupported", async () => {
    const odg = zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.graphics"), { level: 0 }], "content.xml": strToU8("<x/>") });
    expect((await failure(odg)).message).toContain("only spreadsheets (.ods) and texts (.odt)");
    const pptx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "ppt/presentation.xml": strToU8("<p/>") });
    expect((await failure(pptx)).code).toBe("input.unsupported");
    const plain = zipSync({ "a.txt": strToU8("hello") });
    expect((await failure(plain)).code).toBe("input.unsupported");
  });
});

describe("password-protected workbooks: input.encrypted", () => {
  it.each(["bad/password.xls", "bad/password.ods"])("%s (saved with a password by LibreOffice)", async (file) => {
    const e = await failure(bytes(file), { source: file });
    expect(e.code).toBe("input.encrypted");
    expect(e.describe()).toMatch(new RegExp(`^${file}: .*password-protected.*\\[input\\.encrypted\\]$`));
  });

  it("an encrypted .xlsx or .docx (a compound file holding EncryptionInfo and EncryptedPackage)", async () => {
    expect((await failure(compoundFile(["EncryptionInfo", "EncryptedPackage"]))).code).toBe("input.encrypted");
  });
});

describe("damaged containers: input.corrupt", () => {
  it.each(["seed.xlsx", "seed.docx", "seed.ods", "seed.odt"])("%s cut off halfway", async (file) => {
    const b = bytes(file);
    expect((await failure(b.subarray(0, b.length >> 1))).code).toBe("input.corrupt");
  });

  it("a deflate stream that does not inflate", async () => {
    const zip = handZip(xlsxParts({ data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), method: 8, size: 100 }));
    const e = await failure(zip);
    expect(e.code).toBe("input.corrupt");
    expect(e.message).toContain("xl/worksheets/sheet1.xml");
  });

  it("an .xls whose workbook stream is garbage", async () => {
    const e = await failure(compoundFile(["Workbook"]));
    expect(["input.corrupt", "input.no-form"]).toContain(e.code);
  });
});

describe("zip bombs: input.too-large, before the inflated bytes are held", () => {
  const zeros = deflatedZeros(64 << 20); // 64 MiB of zeros deflate to about 64 KiB

  it("an entry that inflates past the size it declares", async () => {
    const e = await failure(handZip(xlsxParts({ data: zeros, method: 8, size: 1000 })));
    expect(e.code).toBe("input.too-large");
    expect(e.message).toContain("declared 1000 bytes");
  });

  it("entries that declare more than the bound", async () => {
    const e = await failure(handZip(xlsxParts({ data: zeros, method: 8, size: 64 << 20 })), { containers: { spreadsheet: { maxInflatedBytes: 16 << 20 } } });
    expect(e.code).toBe("input.too-large");
    expect(e.message).toMatch(/bound of 16777216/);
  });

  it("a Word document whose body declares 4 GiB", async () => {
    const zip = handZip([
      { name: "[Content_Types].xml", data: strToU8("<Types/>"), method: 0, size: 8 },
      { name: "word/document.xml", data: zeros, method: 8, size: 0xfffffff0 },
    ]);
    expect((await failure(zip)).code).toBe("input.too-large");
  });
});

describe("readable, but no form: input.no-form", () => {
  it("a workbook holding some other table", async () => {
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([["姓名", "金额"], ["张三", 100], ["李四", 2.5]]), "名单");
    const e = await failure(new Uint8Array(write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
    expect(e.code).toBe("input.no-form");
  });

  it("an HTML page with no form", async () => {
    const e = await failure(strToU8("<!DOCTYPE html><html><body><table><tr><td>天气</td><td>晴</td></tr></table></body></html>"));
    expect(e.code).toBe("input.no-form");
  });
});

describe("a 50 MB HTML page: input.too-large, at once", () => {
  it("is refused by its size, not read", async () => {
    const row = "<tr><td>项目名称</td><td>某某项目</td></tr>\n";
    const page = strToU8(`<!DOCTYPE html><html><body><table>${row.repeat(Math.ceil((50 << 20) / strToU8(row).length))}</table></body></html>`);
    expect(page.length).toBeGreaterThan(50 << 20);
    const t0 = performance.now();
    const e = await failure(page);
    expect(e.code).toBe("input.too-large");
    expect(e.message).toContain("bound of 33554432");
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe("detection from the bytes, not the name", () => {
  it.each([
    ["seed.html", "html"],
    ["seed.gbk.html", "html"],
    ["seed.xlsx", "xlsx"],
    ["seed.xls", "xls"],
    ["seed.ods", "ods"],
    ["seed.docx", "docx"],
    ["seed.odt", "odt"],
  ])("%s is %s", (file, kind) => {
    expect(detectInput(bytes(file), file)).toBe(kind);
  });

  it("text exports that hold stray tags stay text", () => {
    expect(detectInput(new Uint8Array(readFileSync(fixture("seed/seed.txt"))), "seed.txt")).toBe("text");
    expect(detectInput(strToU8("财政项目支出绩效自评表\n<p>目标</p>"), "x")).toBe("text");
    expect(detectInput(strToU8("<p>一段文字</p>"), "x")).toBe("text");
  });

  it("HTML after a BOM, whitespace or a comment", () => {
    expect(detectInput(strToU8("\ufeff  <!doctype html><html></html>"), "x")).toBe("html");
    expect(detectInput(strToU8("<!-- saved from url -->\n<html><body></body></html>"), "x")).toBe("html");
    expect(detectInput(strToU8("<table><tr><td>a</td></tr></table>"), "x")).toBe("html");
  });
});
