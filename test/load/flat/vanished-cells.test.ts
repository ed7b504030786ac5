import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseText } from "../../../src/parse.js";
import { fixture } from "../../helpers.js";

/*
 * A blank cell vanishes in flattened text. These take the first form of the
 * viewer copy and blank some of its funding cells (as an office that leaves
 * a cell empty instead of printing "-" would): the arithmetic must put the
 * remaining values in their columns, say what it assumed, and leave what it
 * cannot decide unread, with a warning.
 */
const FORM1 = readFileSync(fixture("flat/landscape.viewer.txt"), "utf8").split("上海推进科技创新中心建设办公室 2023 年度部门决算")[0]!;

async function parseWith(from: string, to: string) {
  expect(FORM1).toContain(from);
  return parseText(FORM1.replace(from, to), { source: "blanked.txt", verify: false });
}

const inferred = (doc: Awaited<ReturnType<typeof parseText>>) => doc.diagnostics.filter((d) => d.code === "layout.inferred-columns" && d.message.startsWith("funding row"));

describe("flattened text: funding cells that vanished", () => {
  it("a sub-row without its '-' weight and score: the four values go to 年初预算数, 全年预算数, 全年执行数 and 执行率", async () => {
    const doc = await parseWith("其中: 当年财政拨款 223.13 223.13 196.69 - 88.15 -", "其中: 当年财政拨款 223.13 223.13 196.69 88.15");
    expect(doc.forms[0]!.funding[1]).toMatchObject({ label: "当年财政拨款", initialBudget: "223.13", adjustedBudget: "223.13", executed: "196.69", weight: null, rate: "88.15", score: null });
    const d = inferred(doc);
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain("assumed 分数, 得分 blank");
    expect(d[0]!.severity).toBe("warning");
  });

  it("the total without its 年初预算数: 执行率 = 全年执行数 / 全年预算数 and 得分 = 执行率 × 分数 place the other five", async () => {
    const doc = await parseWith("年度资金总额: 223.13 223.13 196.69", "年度资金总额: 223.13 196.69");
    expect(doc.forms[0]!.funding[0]).toMatchObject({ initialBudget: null, adjustedBudget: "223.13", executed: "196.69", weight: "10.00", rate: "88.15", score: "8.81" });
    expect(inferred(doc)[0]!.message).toContain("assumed 年初预算数 blank");
  });

  it("the total without its 执行率: the score still fits only one way", async () => {
    const doc = await parseWith("196.69 10.00 88.15 8.81", "196.69 10.00 8.81");
    expect(doc.forms[0]!.funding[0]).toMatchObject({ initialBudget: "223.13", adjustedBudget: "223.13", executed: "196.69", weight: "10.00", rate: null, score: "8.81" });
  });

  it("two zeros for six columns fit many ways: nothing is guessed, a warning says so", async () => {
    const doc = await parseWith("其他资金 0.00 0.00 0.00 - 0.00 -", "其他资金 0.00 0.00");
    expect(doc.forms[0]!.funding[3]).toMatchObject({ label: "其他资金", initialBudget: null, adjustedBudget: null, executed: null, weight: null, rate: null, score: null });
    const d = inferred(doc);
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/fit \d+ ways equally well/);
    expect(d[0]!.line).toBeGreaterThan(0);
  });
});
