import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "./run.js";
import { fixture } from "../helpers.js";

const SEED = fixture("seed/seed.txt");


afterEach(() => vi.restoreAllMocks());

describe("jixiao parse", () => {
  it("--format csv prints a header and 64 rows, UTF-8 with BOM", async () => {
    const r = await run("parse", SEED, "--format", "csv");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("\ufeff")).toBe(true);
    const lines = r.out.slice(1).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(65);
    expect(lines[0]).toMatch(/^path,sha256,form_no,form_type,title,year,project_name/);
    const columns = lines[0]!.split(",").length;
    expect(lines.every((l) => l.split(",").length >= columns)).toBe(true);
    // a row of the sixth form, with its header fields repeated
    expect(lines.find((l) => l.includes(",参观人数,")) ?? "").toMatch(/未来公园展厅运营项目.*,1121\.92,1031\.92,957\.58,.*,≥3000\(人\),>=,3000,人,,800\.00\(人\),,800\.00,人,,15\.00,8\.00,受改建因素影响参观人数未达到计划人数$/);
  });

  it("CSV writes a department-wide form's indicator rows as it does a project form's", async () => {
    const r = await run("parse", fixture("variants/department/department.txt"), "--format", "csv", "--no-verify");
    const rows = r.out.slice(1).split("\r\n").filter(Boolean).slice(1);
    const department = rows.filter((l) => l.split(",")[3] === "department");
    // Its five indicator rows (举办群众文化活动场次 … 群众满意度), read in full since issue 11.
    expect(department).toHaveLength(5);
    expect(department[0]!.split(",")).toHaveLength(r.out.slice(1).split("\r\n")[0]!.split(",").length);
    expect(rows.some((l) => l.split(",")[3] === "project")).toBe(true);
  });

  it("JSON: an array of Documents, with the verifier's findings", async () => {
    const r = await run("parse", SEED);
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.out);
    expect(docs).toHaveLength(1);
    expect(docs[0].forms).toHaveLength(7);
    expect(docs[0].forms[5].verification.findings.some((f: { rule: string }) => f.rule === "total.sum")).toBe(true);
  });

  it("JSONL: one Document per line; --no-verify leaves verification out", async () => {
    const r = await run("parse", SEED, SEED, "--format", "jsonl", "--no-verify");
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1); // the same file twice is read once
    expect(JSON.parse(lines[0]!).forms[0].verification).toBeUndefined();
  });

  it("a readable summary", async () => {
    const r = await run("parse", SEED, "--format", "summary");
    expect(r.out).toContain("7 form(s)");
    expect(r.out).toContain("未来公园展厅运营项目");
    expect(r.out).toContain("total.sum");
  });

  it("a batch goes on past bad files, and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-cli-"));
    writeFileSync(join(dir, "a-empty.txt"), "");
    writeFileSync(join(dir, "b-seed.txt"), readFileSync(SEED));
    writeFileSync(join(dir, "c-binary.txt"), new Uint8Array([0, 1, 2, 3, 255]));
    const r = await run("parse", dir, join(dir, "missing.txt"), "--format", "jsonl");
    expect(r.code).toBe(2);
    expect(r.out.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("a-empty.txt: the file is empty (0 bytes) [input.empty]");
    expect(r.err).toContain("c-binary.txt: this is a binary file");
    expect(r.err).toContain("missing.txt: no such file");
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("--out writes atomically: complete on success, nothing left on failure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-out-"));
    const out = join(dir, "forms.csv");
    expect((await run("parse", SEED, "--format", "csv", "--out", out)).code).toBe(0);
    expect(readFileSync(out, "utf8").split("\r\n").filter(Boolean)).toHaveLength(65);

    // An output folder that does not exist: a clear error naming it, exit 2.
    const r = await run("parse", SEED, "--out", join(dir, "no-such-folder", "x.json"));
    expect(r.code).toBe(2);
    // It names the target the user gave, not the temporary file beside it.
    expect(r.err).toMatch(/no-such-folder\/x\.json: cannot write the output: its folder does not exist \(ENOENT\)/);
    expect(r.err).not.toContain(".jixiao-tmp");
    expect(readdirSync(dir)).toEqual(["forms.csv"]);
  });

  it("a failure mid-batch removes the partial output file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jixiao-partial-"));
    const out = join(dir, "forms.jsonl");
    const spy = vi.spyOn(JSON, "stringify").mockImplementationOnce(() => {
      throw new Error("disk full");
    });
    const r = await run("parse", SEED, "--format", "jsonl", "--out", out);
    spy.mockRestore();
    expect(r.code).toBe(70);
    expect(r.err).toContain("internal error: disk full");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("usage errors exit 64 with a hint; --help shows real examples", async () => {
    expect((await run("parse", SEED, "--format", "xml")).code).toBe(64);
    expect((await run("parse")).err).toContain("no input given");
    expect((await run("frobnicate")).code).toBe(64);
    const help = await run("--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("jixiao parse fixtures/seed/seed.txt --format summary");
  });
});

describe("jixiao schema", () => {
  it("prints the JSON Schema of the output", async () => {
    const r = await run("schema");
    const schema = JSON.parse(r.out);
    expect(schema.properties.schemaVersion.const).toBe("2.0.0");
    expect(schema.properties.forms.items.properties.indicators.items.required).toContain("target");
  });
});

describe("jixiao verify", () => {
  it("exits 1 on the seed (its sixth form does not add up), 0 with --fail-on never", async () => {
    const r = await run("verify", SEED, "--lang", "en");
    expect(r.code).toBe(1);
    expect(r.out).toContain("未来公园展厅运营项目");
    expect(r.out).toContain("total.sum");
    expect(r.out).not.toContain("\u001b["); // not a terminal: no colour
    expect((await run("verify", SEED, "--fail-on", "never")).code).toBe(0);
  });
  it("exits 2 when an input cannot be read", async () => {
    expect((await run("verify", SEED, "/no/such/file.txt")).code).toBe(2);
  });
  it("--format json, --disable and --grades", async () => {
    const r = await run("verify", SEED, "--format", "json", "--disable", "total.,weights.", "--fail-on", "error");
    expect(r.out).not.toContain("total.sum");
    expect((await run("verify", SEED, "--disable", "nonsense.rule")).code).toBe(64);
    expect((await run("verify", SEED, "--grades", "A:95,B:85", "--fail-on", "never")).code).toBe(0);
  });
});
