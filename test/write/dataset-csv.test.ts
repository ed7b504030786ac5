import { Decimal } from "decimal.js";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Document } from "../../src/model/document.js";
import { parseBytes, parseText } from "../../src/parse.js";
import { csvRows, stageDocument, stagedTable } from "../../src/write/dataset-csv.js";
import { documentRows, type CellValue } from "../../src/write/dataset-rows.js";
import { TABLES, type ColumnType } from "../../src/write/dataset-schema.js";
import { DuckDBDataset } from "../../src/write/duckdb.js";
import { fixture, SEED_TEXT } from "../helpers.js";

const OPTIONS = { parsedAt: "2026-01-01T08:30:15.250Z", version: "test", provenance: true };

/** A value as DuckDB's JSON rows give it back, for the row value it was written from. */
function expected(type: ColumnType, v: CellValue): unknown {
  if (v === null) return null;
  switch (type) {
    case "decimal": return new Decimal(v as string).toFixed(4);
    case "bigint": return String(v);
    case "timestamp": return "2026-01-01 08:30:15.25";
    default: return v;
  }
}

/** The seed with text that CSV must carry: quotes, commas, CR LF, a NUL, an empty string beside nulls. */
async function hostileSeed(): Promise<Document> {
  const doc = await parseText(SEED_TEXT, { source: 'dir "a",b\r\nc.txt' });
  const form = doc.forms[0]!;
  form.title = 'title "quoted", with\r\na line break and a NUL \u0000 here';
  form.implementingUnit = "";
  form.department = null;
  form.notes = { "说明": "line one\nline two, \"quoted\"\n", "空": "" };
  return doc;
}

describe("the DuckDB writer's CSV staging", () => {
  it("DuckDB holds exactly the rows documentRows builds, table by table, whatever the text holds", async () => {
    const doc = await hostileSeed();
    const rows = documentRows(doc, { ...OPTIONS, decimalLimit: true });
    const ds = await DuckDBDataset.open(":memory:", OPTIONS);
    expect(await ds.add(doc)).toEqual({ added: true, refused: 0 });
    for (const t of TABLES) {
      const got = await ds.query(`SELECT ${t.columns.map((c) => c.name).join(", ")} FROM ${t.name} ORDER BY ${t.key.join(", ")}`);
      const want = rows[t.name]
        .map((r) => Object.fromEntries(t.columns.map((c, i) => [c.name, expected(c.type, r[i]!)])))
        .sort((a, b) => t.key.map((k) => compare(a[k], b[k])).find((x) => x !== 0) ?? 0);
      expect(got, t.name).toEqual(want);
    }
    // The cases the dialect exists for, said outright.
    expect(await ds.query("SELECT title, implementing_unit, department IS NULL AS no_department FROM forms WHERE form_no = 1")).toEqual([
      { title: 'title "quoted", with\r\na line break and a NUL \u0000 here', implementing_unit: "", no_department: true },
    ]);
    expect(await ds.query("SELECT label, text FROM notes ORDER BY label")).toEqual([
      { label: "空", text: "" },
      { label: "说明", text: "line one\nline two, \"quoted\"\n" },
    ]);
    expect(await ds.query("SELECT path FROM documents")).toEqual([{ path: 'dir "a",b\r\nc.txt' }]);
    await ds.close();
  });

  it("a staged document counts its rows and its refused values", async () => {
    const doc = await parseText(SEED_TEXT.replace("1,121.92", "1,121.92345"), { source: "five-decimals.txt" });
    const staged = stageDocument(doc, OPTIONS);
    const rows = documentRows(doc, { ...OPTIONS, decimalLimit: true });
    expect(staged.rows).toBe(Object.values(rows).reduce((n, r) => n + r.length, 0));
    expect(staged.refused).toBeGreaterThan(0);
    expect(staged.refused).toBe(rows.diagnostics.length - doc.diagnostics.length);
    for (const t of TABLES) {
      const text = new TextDecoder().decode(stagedTable(staged, t.name));
      expect(text.split("\n").length - 1, t.name).toBeGreaterThanOrEqual(rows[t.name].length);
      expect(text === "" || text.endsWith("\n"), t.name).toBe(true);
    }
    // The bytes are a buffer of their own, as a worker must hand them over.
    expect(staged.bytes.byteOffset).toBe(0);
    expect(staged.bytes.byteLength).toBe(staged.bytes.buffer.byteLength);
  });
});

describe("the provenance rows, written straight from the forms", () => {
  const text = (doc: Document) => new TextDecoder().decode(stagedTable(stageDocument(doc, OPTIONS), "provenance"));
  const generic = (doc: Document) => csvRows("provenance", documentRows(doc, { ...OPTIONS, decimalLimit: true }).provenance);

  it("are the text the generic rows give, for a text form, a PDF's (with boxes) and odd paths", async () => {
    const seed = await parseText(SEED_TEXT, { source: "seed.txt" });
    const pdf = await parseBytes(new Uint8Array(readFileSync(fixture("pdf/seed/narrow-one.pdf"))), { source: "narrow-one.pdf" });
    const odd = await hostileSeed();
    // A path that must be quoted, one that only looks like an indicator's, and a box of negative, fractional and zero values.
    odd.forms[0]!.provenance['notes."引号", 逗号'] = { line: 3, cell: 0, page: 1 };
    odd.forms[0]!.provenance["indicators"] = { line: 4 };
    odd.forms[0]!.provenance["indicators[12].name#2"] = { page: 2, bbox: [-0.5, 0, 1e-7, 612.25] };
    expect(pdf.forms[0]!.provenance["title"]?.bbox).toBeDefined();
    for (const doc of [seed, pdf, odd]) {
      expect(documentRows(doc, { ...OPTIONS, decimalLimit: true }).provenance.length).toBeGreaterThan(50);
      expect(text(doc), doc.source.path ?? "").toBe(generic(doc));
    }
    expect(text(odd)).toContain(`"notes.""引号"", 逗号",,1,3,0,,,,\n`);
    expect(text(odd)).toContain(`"indicators[12].name#2",13,2,,,-0.5,0,1e-7,612.25\n`);
  });

  it("are none with provenance left out, and counted with the other rows", async () => {
    const doc = await parseText(SEED_TEXT, { source: "seed.txt" });
    expect(new TextDecoder().decode(stagedTable(stageDocument(doc, { ...OPTIONS, provenance: false }), "provenance"))).toBe("");
    const rows = documentRows(doc, { ...OPTIONS, decimalLimit: true });
    expect(stageDocument(doc, OPTIONS).rows).toBe(Object.values(rows).reduce((n, r) => n + r.length, 0));
    expect(stageDocument(doc, { ...OPTIONS, provenance: false }).rows).toBe(Object.values(rows).reduce((n, r) => n + r.length, 0) - rows.provenance.length);
  });
});

describe("a refused value's diagnostic names it by its path", () => {
  it("an indicator's target value, its weight, and a funding amount", async () => {
    const doc = await parseText(SEED_TEXT, { source: "seed.txt" });
    const form = doc.forms[2]!;
    form.indicators[3]!.target.value = "12.34567";
    form.indicators[4]!.weight = "123456789012345";
    form.funding[1]!.executed = "0.00001";
    const messages = documentRows(doc, { ...OPTIONS, decimalLimit: true }).diagnostics.slice(doc.diagnostics.length).map((r) => r[5]);
    expect(messages).toEqual([
      expect.stringContaining('form 3, funding[1].executed: "0.00001" does not fit DECIMAL(18,4)'),
      expect.stringContaining('form 3, indicators[3].target.value: "12.34567" does not fit'),
      expect.stringContaining('form 3, indicators[4].weight: "123456789012345" does not fit'),
    ]);
  });
});

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}
