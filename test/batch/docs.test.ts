import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BOUNDS } from "../../src/cli/batch-options.js";
import { commandHelp } from "../../src/cli/help.js";
import { PARSE, VERIFY } from "../../src/cli/spec.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("the bounds, as documented", () => {
  it("the README's table gives each bound's option and default", () => {
    for (const b of Object.values(BOUNDS)) {
      expect(README).toMatch(new RegExp(`\\| \`--${b.option} ${b.value}\` \\| ${b.default} ${b.unit} \\|`));
    }
  });

  it("parse --help and verify --help give each bound with its default, and -j", () => {
    for (const spec of [PARSE, VERIFY]) {
      const help = commandHelp(spec).replace(/\s+/g, " ");
      for (const b of Object.values(BOUNDS)) expect(help).toContain(`--${b.option} ${b.value}`);
      for (const b of Object.values(BOUNDS)) expect(help).toContain(`(default ${b.default} ${b.unit})`);
      expect(help).toMatch(/-j, --jobs N/);
    }
    expect(commandHelp(PARSE)).toContain("--resume");
  });
});
