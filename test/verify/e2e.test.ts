/**
 * End to end: the seed text through the real parser, whose parse results
 * carry the verifier's findings, must give the hand-written findings, now
 * pointing at the seed's lines.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse.js";
import { expectedFindings } from "./seed.js";

const seedPath = fileURLToPath(new URL("../../fixtures/seed/seed.txt", import.meta.url));

describe("parseText(seed.txt)", async () => {
  const doc = await parseText(readFileSync(seedPath), { source: "seed.txt" });
  const found = doc.forms.flatMap((f) => (f.verification?.findings ?? []).map((x) => ({ form: f.projectName, rule: x.rule, severity: x.severity, path: x.where.path, expected: x.expected, found: x.found, line: x.where.line })));

  it("yields exactly the hand-written findings", () => {
    const key = (f: { form: string | null; rule: string; path?: string | undefined }) => `${f.form} ${f.rule} ${f.path}`;
    expect(found.map(({ line: _line, ...f }) => f).sort((a, b) => key(a).localeCompare(key(b))))
      .toEqual(expectedFindings().sort((a, b) => key(a).localeCompare(key(b))));
  });

  it("points at the seed's lines: 总分 on 164, the two generous rows on 150 and 159, the adjusted budget on 141", () => {
    const at = (rule: string, path: string) => found.find((f) => f.rule === rule && f.path === path)?.line;
    expect(at("total.sum", "total.score")).toBe(164);
    expect(at("indicator.proportional", "indicators[2].score")).toBe(150);
    expect(at("indicator.proportional", "indicators[11].score")).toBe(159);
    expect(at("funding.adjusted", "funding[0].adjustedBudget")).toBe(141);
  });
});
