import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/verify/index.js";

const doc = readFileSync(fileURLToPath(new URL("../../docs/verification.md", import.meta.url)), "utf8");

describe("docs/verification.md", () => {
  it("lists every rule id with its severity, family and formulas", () => {
    for (const r of RULES) {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${r.id}\` |`));
      expect(row, r.id).toBeDefined();
      expect(row).toContain(`| ${r.severity} | ${r.family} |`);
      expect(row).toContain(r.formula.en);
      expect(row).toContain(r.formula.zh);
    }
  });

  it("documents the three exit codes", () => {
    for (const code of ["| 0 |", "| 1 |", "| 2 |"]) expect(doc).toContain(code);
  });
});
