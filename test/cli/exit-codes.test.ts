import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { EXIT, EXIT_HELP } from "../../src/cli/exit.js";
import { main } from "../../src/cli/main.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The rows of the README's exit-code table, in order: code and meaning. */
function readmeRows(): Array<[number, string]> {
  const table = /Exit codes:\n\n\| code \| meaning \|\n\|---\|---\|\n((?:\|.*\|\n)+)/.exec(README);
  expect(table).not.toBeNull();
  return table![1]!.trim().split("\n").map((row) => {
    const m = /^\| (\d+) \| (.*) \|$/.exec(row)!;
    return [Number(m[1]), m[2]!];
  });
}
const readmeCodes = () => readmeRows().map(([c]) => c);

async function help(argv: string[]): Promise<string> {
  let out = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  try {
    await main(argv);
  } finally {
    o.mockRestore();
  }
  return out;
}

/** The codes listed under "Exit codes:" in a help text. */
function helpCodes(text: string): number[] {
  const list = /Exit codes:\n((?: +\d+ {2}.*\n)+)/.exec(text);
  expect(list).not.toBeNull();
  return list![1]!.trim().split("\n").map((l) => Number(l.trim().split(/\s+/)[0]));
}

describe("exit codes: README, help and behaviour agree", () => {
  const codes = [...new Set(Object.values(EXIT))].sort((a, b) => a - b);

  it("the README's table lists exactly the codes the command uses", () => {
    expect(readmeCodes()).toEqual(codes);
  });

  it.each([[["--help"]], [["parse", "--help"]], [["verify", "--help"]], [["schema", "--help"]]])("%j lists the same codes", async (argv) => {
    expect(helpCodes(await help(argv))).toEqual(codes);
  });

  it("the help's meaning of each code agrees with the README's", () => {
    const rows = new Map(readmeRows());
    const keyword: Record<number, RegExp> = { 0: /done/, 1: /findings/, 2: /could not be read/, 64: /usage/, 70: /jixiao itself failed/, 130: /SIGINT/, 143: /SIGTERM/ };
    for (const [code, meaning] of EXIT_HELP) {
      expect(meaning).toMatch(keyword[code]!);
      expect(rows.get(code)).toMatch(keyword[code]!);
    }
  });
});
