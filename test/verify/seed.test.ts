import { describe, expect, it } from "vitest";
import { Finding, Verification } from "../../src/model/index.js";
import { verify, verifyForms } from "../../src/verify/index.js";
import { expectedFindings, seedForms } from "./seed.js";

const forms = seedForms();
const verified = verifyForms(forms);
const actual = verified.flatMap((f) =>
  f.verification!.findings.map((x) => ({
    form: f.projectName,
    rule: x.rule,
    severity: x.severity,
    path: x.where.path,
    expected: x.expected,
    found: x.found,
  })),
);
const key = (f: { form: string | null; rule: string; path?: string | undefined }) => `${f.form} ${f.rule} ${f.path}`;
const sorted = <T extends { form: string | null; rule: string; path?: string | undefined }>(xs: T[]) =>
  [...xs].sort((a, b) => key(a).localeCompare(key(b)));

describe("the seed", () => {
  it("has the seven hand-written forms", () => {
    expect(forms.map((f) => f.projectName)).toEqual([
      "机关服务", "科创中心展厅运营项目", "信息化建设项目", "信息化运维项目",
      "缴纳残疾人就业保障金", "未来公园展厅运营项目", "科创中心建设工作经费",
    ]);
  });

  for (const severity of ["error", "warning", "notice"] as const) {
    it(`yields exactly the hand-written ${severity}s`, () => {
      const want = expectedFindings().filter((f) => f.severity === severity);
      const got = actual.filter((f) => f.severity === severity);
      expect(sorted(got)).toEqual(sorted(want));
    });
  }

  it("raises errors only on 未来公园展厅运营项目", () => {
    const withErrors = new Set(actual.filter((f) => f.severity === "error").map((f) => f.form));
    expect([...withErrors]).toEqual(["未来公园展厅运营项目"]);
  });

  it("says which row looks missing, and where", () => {
    const park = verified[5]!.verification!.findings;
    const hint = park.find((f) => f.rule === "total.missing-row")!;
    expect(hint.message.en).toContain("a row worth 4.00 points, with full score, looks missing");
    expect(hint.message.en).toContain("产出指标");
    expect(hint.message.zh).toContain("4.00");
    const total = park.find((f) => f.rule === "total.sum")!;
    expect(total.difference).toBe("4.00");
  });

  it("reports each form's rounding (derived by hand from the funding rows)", () => {
    // 机关服务: the rate 88.1504 rounds to 88.15 both ways, but its score
    // 8.81504 is 8.82 half-up and printed 8.81, so truncation; 98.6259 → 98.62
    // only by truncation; 99.20 and 100.00 are exact; 14.797 → 14.79,
    // 92.7960 → 92.79 and 91.5986 → 91.59 only by truncation.
    expect(verified.map((f) => f.verification!.rounding)).toEqual([
      "truncate", "truncate", "either", "either", "truncate", "truncate", "truncate",
    ]);
  });

  it("produces findings the model accepts, sorted error → warning → notice", () => {
    for (const f of verified) {
      expect(() => Verification.parse(f.verification)).not.toThrow();
      const ranks = f.verification!.findings.map((x: Finding) => ["error", "warning", "notice"].indexOf(x.severity));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it("copies the form index and project into every finding and leaves the input untouched", () => {
    for (const [i, f] of verified.entries()) {
      for (const x of f.verification!.findings) expect(x.where).toMatchObject({ form: i + 1, project: f.projectName });
    }
    expect(forms[5]!.verification).toBeUndefined();
  });

  it("takes line, page and bbox from provenance, falling back to the row's entry", () => {
    const park = { ...forms[5]!, provenance: { "total.score": { line: 164, cell: 6, page: 1 }, "indicators[11]": { line: 159, page: 2, bbox: [1, 2, 3, 4] as [number, number, number, number] } } };
    const findings = verify(park, undefined, 5).findings;
    expect(findings.find((f) => f.rule === "total.sum")!.where).toMatchObject({ line: 164, page: 1 });
    expect(findings.find((f) => f.where.path === "indicators[11].score")!.where).toMatchObject({ line: 159, page: 2, bbox: [1, 2, 3, 4] });
    expect(findings.find((f) => f.rule === "weights.total")!.where.line).toBeUndefined();
  });
});
