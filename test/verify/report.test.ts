/**
 * Rendering of verify results. The findings here are written by hand, not
 * produced by the verifier, so these tests pin the report format alone.
 */
import { describe, expect, it } from "vitest";
import { csvField } from "../../src/cli/csv.js";
import { exitCodeFor, renderVerifyReport, summarize, type VerifiedFile } from "../../src/cli/report.js";
import type { Finding, Form } from "../../src/model/index.js";
import { cleanForm } from "./builders.js";

const weightsTotal: Finding = {
  rule: "weights.total", severity: "error",
  message: { zh: "指标分值合计 86.00 + 预算执行率分值 10.00 = 96.00，总分行却为 100.00", en: "weights add up to 96.00, total weight printed 100.00" },
  expected: "96.00", found: "100.00", difference: "4.00",
  where: { form: 1, project: "未来公园展厅运营项目", path: "total.weight", row: "总分", line: 164 },
};
const proportional: Finding = {
  rule: "indicator.proportional", severity: "warning",
  message: { zh: "按比例得分应为 2.92", en: "proportional score 2.92, printed 3.00, \"quoted\", with a comma" },
  expected: "2.92", found: "3.00", difference: "0.08",
  where: { form: 1, indicator: 3, project: "未来公园展厅运营项目", path: "indicators[2].score", row: "年度完成接待任务数" },
};
const underspent: Finding = {
  rule: "funding.underspent", severity: "notice",
  message: { zh: "预算执行率 14.79% 低于 90%", en: "execution rate 14.79 % is below 90 %\nsecond line" },
  expected: "90.00", found: "14.79", difference: "-75.21",
  where: { form: 2, project: "缴纳残疾人就业保障金", path: "funding[0].rate", row: "年度资金总额", page: 3 },
};

function withFindings(name: string, findings: Finding[]): Form {
  return { ...cleanForm({ projectName: name }), verification: { rounding: "truncate", findings } };
}

const seedFile: VerifiedFile = { path: "seed.txt", forms: [withFindings("未来公园展厅运营项目", [weightsTotal, proportional]), withFindings("缴纳残疾人就业保障金", [underspent]), withFindings("信息化建设项目", [])] };
const brokenFile: VerifiedFile = { path: "scan.pdf", error: { code: "input.scanned", message: "PDF has no text layer" } };

describe("exitCodeFor", () => {
  const only = (f: Finding[]): VerifiedFile[] => [{ path: "a.txt", forms: [withFindings("p", f)] }];

  it("is 0 with nothing at or above the fail level", () => {
    expect(exitCodeFor(only([]), "notice")).toBe(0);
    expect(exitCodeFor(only([proportional, underspent]), "error")).toBe(0);
    expect(exitCodeFor(only([underspent]), "warning")).toBe(0);
  });

  it("is 1 with a finding at or above it", () => {
    expect(exitCodeFor(only([weightsTotal]), "error")).toBe(1);
    expect(exitCodeFor(only([proportional]), "warning")).toBe(1);
    expect(exitCodeFor(only([weightsTotal]), "notice")).toBe(1);
    expect(exitCodeFor(only([underspent]), "notice")).toBe(1);
  });

  it("is 0 for never, and 2 whenever an input could not be read", () => {
    expect(exitCodeFor(only([weightsTotal]), "never")).toBe(0);
    expect(exitCodeFor([brokenFile], "never")).toBe(2);
    expect(exitCodeFor([...only([weightsTotal]), brokenFile], "error")).toBe(2);
  });
});

describe("summarize", () => {
  it("counts files, unreadable files, forms and findings by severity and rule", () => {
    expect(summarize([seedFile, brokenFile])).toEqual({
      files: 2, unreadable: 1, forms: 3, findings: 3,
      bySeverity: { error: 1, warning: 1, notice: 1 },
      byRule: [
        { rule: "weights.total", severity: "error", count: 1 },
        { rule: "indicator.proportional", severity: "warning", count: 1 },
        { rule: "funding.underspent", severity: "notice", count: 1 },
      ],
    });
  });
});

describe("text report", () => {
  const en = renderVerifyReport([seedFile, brokenFile], { format: "text", lang: "en", color: false });
  const zh = renderVerifyReport([seedFile, brokenFile], { format: "text", lang: "zh", color: false });

  it("groups by file then form, with rule, message, expected vs found and where", () => {
    const lines = en.split("\n");
    expect(lines[0]).toBe("seed.txt");
    expect(lines[1]).toBe("  form 1 · 未来公园展厅运营项目 · rounding: truncate · 1 error, 1 warning");
    expect(lines[2]).toMatch(/^ {4}error +weights\.total +weights add up to 96\.00, total weight printed 100\.00$/);
    expect(lines[3]!.trim()).toBe("expected 96.00 · found 100.00 · difference +4.00 · at total.weight (总分) line 164");
    expect(en).toContain("  form 3 · 信息化建设项目 · rounding: truncate · no findings");
    expect(en).toContain("difference -75.21 · at funding[0].rate (年度资金总额) page 3");
    expect(en).toContain("scan.pdf\n  cannot read: input.scanned PDF has no text layer");
  });

  it("ends with the summary: files, forms, findings by rule", () => {
    const tail = en.trimEnd().split("\n").slice(-4);
    expect(tail[0]).toBe("Summary: 2 files (1 unreadable), 3 forms, 3 findings (1 error, 1 warning, 1 notice)");
    expect(tail[1]).toMatch(/^ {2}weights\.total +error +1$/);
    expect(tail[3]).toMatch(/^ {2}funding\.underspent +notice +1$/);
  });

  it("speaks Chinese when asked", () => {
    expect(zh).toContain("  第 1 张表 · 未来公园展厅运营项目 · 舍入：截断 · 错误 1，警告 1");
    expect(zh).toContain("按比例得分应为 2.92");
    expect(zh).toContain("应为 96.00 · 实为 100.00 · 差额 +4.00 · 位置 total.weight (总分) 第 164 行");
    expect(zh).toContain("汇总：2 个文件（1 个无法读取），3 张表，3 条发现（错误 1，警告 1，提示 1）");
  });

  it("is plain without colour and coloured with it", () => {
    expect(en).not.toContain("\x1b[");
    const coloured = renderVerifyReport([seedFile], { format: "text", lang: "en", color: true });
    expect(coloured).toContain("\x1b[31merror");
    expect(coloured).toContain("\x1b[33mwarning");
    expect(coloured).toContain("\x1b[36mnotice");
    expect(coloured).toContain("\x1b[1mseed.txt\x1b[0m");
  });
});

describe("machine formats", () => {
  it("json: the files, their forms with rounding and full findings, and the summary", () => {
    const out = JSON.parse(renderVerifyReport([seedFile, brokenFile], { format: "json", lang: "en", color: true })) as {
      files: { path: string; error?: unknown; forms: { form: number; project: string; rounding: string; findings: Finding[] }[] }[];
      summary: { findings: number };
    };
    expect(out.files.map((f) => f.path)).toEqual(["seed.txt", "scan.pdf"]);
    expect(out.files[0]!.forms[0]).toMatchObject({ form: 1, project: "未来公园展厅运营项目", rounding: "truncate" });
    expect(out.files[0]!.forms[0]!.findings[0]).toEqual(weightsTotal);
    expect(out.files[1]!.error).toEqual(brokenFile.error);
    expect(out.summary.findings).toBe(3);
  });

  it("jsonl: one line per finding (and per unreadable input), message in the chosen language", () => {
    const lines = renderVerifyReport([seedFile, brokenFile], { format: "jsonl", lang: "zh", color: false }).trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    const recs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(recs[0]).toEqual({ file: "scan.pdf", error: brokenFile.error });
    expect(recs[1]).toMatchObject({ file: "seed.txt", form: 1, rule: "weights.total", severity: "error", message: weightsTotal.message.zh, expected: "96.00", found: "100.00", difference: "4.00", path: "total.weight", line: 164, page: null });
  });

  it("csv: UTF-8 BOM, a header, RFC 4180 quoting, CRLF, one row per finding", () => {
    const csv = renderVerifyReport([seedFile, brokenFile], { format: "csv", lang: "en", color: false });
    expect(csv.startsWith("\uFEFFfile,form,indicator,project,rounding,rule,severity,message,expected,found,difference,path,row,line,page\r\n")).toBe(true);
    expect(csv).toContain("\r\nscan.pdf,,,,,input.scanned,error,PDF has no text layer,,,,,,,\r\n");
    expect(csv).toContain("seed.txt,1,,未来公园展厅运营项目,truncate,weights.total,error,\"weights add up to 96.00, total weight printed 100.00\",96.00,100.00,4.00,total.weight,总分,164,\r\n");
    expect(csv).toContain("\"proportional score 2.92, printed 3.00, \"\"quoted\"\", with a comma\"");
    expect(csv).toContain("\"execution rate 14.79 % is below 90 %\nsecond line\"");
    // header + 1 unreadable + 3 findings, each ended by CRLF (the embedded \n is inside quotes)
    expect(csv.split("\r\n")).toHaveLength(6);
  });

  it("csvField quotes only what needs quoting", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    expect(csvField(12)).toBe("12");
    expect(csvField("a,b")).toBe("\"a,b\"");
    expect(csvField("say \"hi\"")).toBe("\"say \"\"hi\"\"\"");
    expect(csvField("x\r\ny")).toBe("\"x\r\ny\"");
  });
});
