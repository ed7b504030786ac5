import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFile } from "../../src/files.js";
import { InputError } from "../../src/load/errors.js";
import { parseText } from "../../src/parse.js";

const dir = mkdtempSync(join(tmpdir(), "jixiao-bad-"));
function file(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

async function codeOf(p: Promise<unknown>): Promise<{ code: string; text: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return { code: (e as InputError).code, text: (e as InputError).describe() };
  }
  throw new Error("expected an InputError");
}

describe("bad input gets a clear error naming the file", () => {
  it("a file that does not exist", async () => {
    const r = await codeOf(parseFile(join(dir, "nope.txt")));
    expect(r.code).toBe("input.not-found");
    expect(r.text).toContain("nope.txt");
  });
  it("a folder given as a file", async () => {
    expect((await codeOf(parseFile(dir))).code).toBe("input.unreadable");
  });
  it("an empty file", async () => {
    const r = await codeOf(parseFile(file("empty.txt", "")));
    expect(r).toMatchObject({ code: "input.empty" });
    expect(r.text).toMatch(/empty\.txt: .*empty/);
  });
  it("a file of whitespace only", async () => {
    expect((await codeOf(parseFile(file("blank.txt", " \n\t\r\n")))).code).toBe("input.empty");
  });
  it("a binary file", async () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const r = await codeOf(parseFile(file("image.bin", bytes)));
    expect(r.code).toBe("input.binary");
    expect(r.text).toContain("image.bin");
  });
  it("an unreadable encoding", async () => {
    // 0xFF never starts a UTF-8 or a GB18030 character.
    const r = await codeOf(parseFile(file("latin.txt", new Uint8Array([0x41, 0xff, 0xfe, 0xff, 0x41, 0xff]))));
    expect(r.code).toBe("input.encoding");
    expect(r.text).toMatch(/latin\.txt: .*neither UTF-8 nor GB18030.*offset 1/);
  });
  it("a UTF-16 BOM over bytes that are not UTF-16", async () => {
    expect((await codeOf(parseText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41])))).code).toBe("input.encoding");
  });
  it("a text with no form in it", async () => {
    const r = await codeOf(parseFile(file("letter.txt", "尊敬的各位领导：\n本年度工作总结如下。\n")));
    expect(r.code).toBe("input.no-form");
    expect(r.text).toContain("letter.txt");
  });
  it("a damaged form yields what was read plus diagnostics with the line", async () => {
    const text = [
      "财政项目支出绩效自评表", "(2023 年度)", "项目名称\t\t测试项目",
      "项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t分数\t执行率(%)\t得分",
      "\t年度资金总额:\t10.00\t10.00\t9.00\t10.00\t90.00\t9.00",
      "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
      "产出指标\t数量指标\t测试数\t≥1(个)\t1(个)\t90.00\t90.00",
      "评分等级\t优",
      "项目名称 这一行不该在这里\t实施单位",
      "总分\t\t100.00\t99.00",
    ].join("\n");
    const doc = await parseText(text, { verify: false });
    expect(doc.forms[0]!.projectName).toBe("测试项目");
    expect(doc.forms[0]!.indicators).toHaveLength(1);
    // The parser says what it expected where the stray row stands …
    const unexpected = doc.diagnostics.find((d) => d.code === "grammar.unexpected");
    expect(unexpected).toMatchObject({ line: 9, cell: 0 });
    expect(unexpected!.expected).toContain("TotalScoreLabel");
    // … the form is kept, marked incomplete, and the rows after it are reported.
    expect(doc.forms[0]!.complete).toBe(false);
    expect(doc.diagnostics.find((d) => d.code === "form.incomplete")).toMatchObject({ severity: "error", line: 8 });
    expect(doc.diagnostics.filter((d) => d.code === "grammar.unplaced-row").map((d) => d.line)).toEqual([9, 10]);
  });
});
