import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/verify/index.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("documents every verifier rule with its severity", () => {
    for (const rule of RULES) {
      expect(README).toMatch(new RegExp(`\\| \`${rule.id.replace(/\./g, "\\.")}\` \\| ${rule.severity} \\|`));
    }
  });
  it("has a quick start of exactly two commands: install and run on the sample, then the tests", () => {
    const block = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(README)![1]!.trim().split("\n");
    expect(block).toEqual(["npm ci && node bin/jixiao.js parse fixtures/seed/seed.txt --format summary", "npm test"]);
  });
});
