/**
 * The PDF loader's modules on synthetic input: ruling lines, grid and merged
 * cells, run splitting, reading order and joins, furniture.
 */
import { describe, expect, it } from "vitest";
import { assemblePage } from "../../src/load/pdf/cells.js";
import { buildTables } from "../../src/load/pdf/grid.js";
import { toRuns, type Run } from "../../src/load/pdf/items.js";
import { blockText, firstWord, joinLines, lineText } from "../../src/load/pdf/join.js";
import { dropFurniture, isPageNumber } from "../../src/load/pdf/furniture.js";
import { extractRules } from "../../src/load/pdf/rules.js";
import type { Rules } from "../../src/load/pdf/geometry.js";

const run = (text: string, x0: number, y: number, size = 10, width = Array.from(text).length * size): Run => ({ text, x0, x1: x0 + width, y, size });

/** A grid of rules: xs and ys, every boundary drawn except the listed ones. */
function grid(xs: number[], ys: number[], missing: { v?: [number, number][]; h?: [number, number][] } = {}): Rules {
  const rules: Rules = { h: [], v: [] };
  // ys top to bottom; v rules per row segment so single segments can be left out.
  ys.forEach((y, r) => {
    for (let c = 0; c + 1 < xs.length; c++) {
      if (missing.h?.some(([mr, mc]) => mr === r && mc === c)) continue;
      rules.h.push({ y, x0: xs[c]!, x1: xs[c + 1]! });
    }
  });
  xs.forEach((x, c) => {
    for (let r = 0; r + 1 < ys.length; r++) {
      if (missing.v?.some(([mr, mc]) => mr === r && mc === c)) continue;
      rules.v.push({ x, y0: ys[r + 1]!, y1: ys[r]! });
    }
  });
  return rules;
}

describe("extractRules", () => {
  const OPS = { save: 10, restore: 11, transform: 12, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27, endPath: 28, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 } as never;
  const rect = (x: number, y: number, w: number, h: number) => new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);

  it("reads thin filled rectangles (Skia's borders) through a flipped, scaled CTM", () => {
    const ops = {
      fnArray: [12, 10, 12, 91, 91, 91, 11],
      argsArray: [[0.24, 0, 0, -0.24, 0, 842.88], null, [3.125, 0, 0, 3.125, 0, 125], [22, [rect(8, 66, 200, 1)], null], [22, [rect(8, 66, 1, 54)], null], [22, [rect(0, 0, 2000, 3000)], null], null],
    };
    const rules = extractRules(ops, OPS);
    expect(rules.h).toHaveLength(1);
    expect(rules.v).toHaveLength(1);
    expect(rules.h[0]!.y).toBeCloseTo(842.88 - 0.75 * (125 / 3.125 + 66.5) * 1, 0);
    expect(rules.h[0]!.x1 - rules.h[0]!.x0).toBeCloseTo(150, 1); // 200 units × 0.75
  });

  it("reads stroked rectangles as four rules and ignores clips", () => {
    const ops = { fnArray: [91, 91], argsArray: [[20, [rect(10, 10, 100, 50)], null], [28, [rect(0, 0, 500, 500)], null]] };
    const rules = extractRules(ops, OPS);
    expect(rules.h.map((r) => r.y).sort()).toEqual([10, 60]);
    expect(rules.v.map((r) => r.x).sort((a, b) => a - b)).toEqual([10, 110]);
  });
});

describe("buildTables", () => {
  it("finds a grid and merges slots no rule separates (rowspan, colspan)", () => {
    // 3 columns × 3 rows; column 0 spans rows 0-1 (no rule between them), row 2 spans columns 1-2.
    const rules = grid([0, 50, 100, 150], [300, 280, 260, 240], { h: [[1, 0]], v: [[2, 2]] });
    const [t] = buildTables(rules);
    expect(t!.cells).toHaveLength(7); // 9 slots, two pairs merged
    const tall = t!.cells.find((c) => c.row === 0 && c.col === 0)!;
    expect(tall.rowSpan).toBe(2);
    expect(tall.box).toEqual([0, 260, 50, 300]);
    const wide = t!.cells.find((c) => c.row === 2 && c.col === 1)!;
    expect(wide.colSpan).toBe(2);
  });

  it("keeps two forms on one page apart, top table first", () => {
    const rules = grid([0, 100], [800, 780, 760]);
    const lower = grid([0, 100], [400, 380]);
    const tables = buildTables({ h: [...lower.h, ...rules.h], v: [...lower.v, ...rules.v] });
    expect(tables.map((t) => t.box[3])).toEqual([800, 400]);
  });

  it("marks a table cut by the page bottom as open and closes it", () => {
    const rules = grid([0, 100], [300, 280]);
    rules.v.push({ x: 0, y0: 100, y1: 280 }, { x: 100, y0: 100, y1: 280 });
    const [t] = buildTables(rules);
    expect(t!.openBottom).toBe(true);
    expect(t!.ys[t!.ys.length - 1]).toBe(100);
  });
});

describe("runs and joins", () => {
  it("drops pdf.js filler items and splits items merged across a cell border", () => {
    const runs = toRuns([
      { str: "", transform: [12, 0, 0, 12, 8, 700], width: 0, height: 0, hasEOL: true },
      { str: " ", transform: [12, 0, 0, 12, 30, 700], width: 3, height: 0 },
      { str: "室 实", transform: [12, 0, 0, 12, 196.5, 640], width: 30.15, height: 12 },
      { type: "beginMarkedContent" },
    ]);
    expect(runs.map((r) => r.text)).toEqual(["室", "实"]);
    expect(runs[1]!.x0).toBeCloseTo(214.65, 1);
  });

  it("maps radicals in runs", () => {
    expect(toRuns([{ str: "项\u2F6C", transform: [10, 0, 0, 10, 0, 0], width: 20, height: 10 }])[0]!.text).toBe("项目");
  });

  it("joins pieces of a word split by font changes, in visual order whatever the stream order", () => {
    // Content-stream order scrambled; one item per font change, no gaps between them.
    expect(blockText([run("目", 30, 100), run("财政", 0, 100), run("项", 20, 100)]).text).toBe("财政项目");
    expect(blockText([run("1,121", 20, 100, 10, 25), run(".92", 45, 100, 10, 15)]).text).toBe("1,121.92");
  });

  it("spaces Latin words and measures by the gap, never Han", () => {
    expect(lineText([run("(2023", 0, 100, 7.5, 19.2), run("年度)", 20.9, 100, 7.5, 17.5)])).toBe("(2023 年度)");
    expect(lineText([run("张", 0, 100), run("江", 14, 100)])).toBe("张江");
  });

  it("reads a narrow wrapped label top to bottom as one cell (满意/度指/标)", () => {
    expect(blockText([run("标", 2, 80), run("满意", 2, 104), run("度指", 2, 92)]).text).toBe("满意度指标");
  });

  it("joins wrapped lines by what meets at the wrap", () => {
    expect(joinLines(["2,584.5", "2"])).toBe("2,584.52");
    expect(joinLines(["≥150.00", "(次)"])).toBe("≥150.00(次)");
    expect(joinLines(["public", "money"])).toBe("public money");
    expect(joinLines(["互动, 开展创新, 获得认可, 增加交流互动,", "开展活动"])).toBe("互动, 开展创新, 获得认可, 增加交流互动, 开展活动");
    expect(joinLines(["人员,协助本单位,完成工作,", "营造"])).toBe("人员,协助本单位,完成工作,营造");
  });
});

describe("paragraph breaks in a drawn cell", () => {
  // A cell from x 0 to 114 with 2 of padding: text edge 112, eleven 10-unit Han characters a full line.
  const frame: [number, number, number, number] = [0, 40, 114, 130];
  const lines = (...texts: string[]) => texts.map((t, i) => run(t, 2, 120 - 12 * i));

  it("joins a line ending short of the cell with the next by \n", () => {
    const runs = lines("一二三四五六七八九十甲", "提供有力支撑。", "一是守正创新");
    expect(blockText(runs, frame).text).toBe("一二三四五六七八九十甲提供有力支撑。\n一是守正创新");
    // Without the cell's frame (a cell rejoined from pieces, a line outside tables) nothing breaks.
    expect(blockText(runs).text).toBe("一二三四五六七八九十甲提供有力支撑。一是守正创新");
  });

  it("keeps the last line, full lines and narrow wrapped labels as they were", () => {
    expect(blockText(lines("一二三四五六七八九十甲", "乙丙丁"), frame).text).toBe("一二三四五六七八九十甲乙丙丁");
    expect(blockText(lines("系统正常运行率"), frame).text).toBe("系统正常运行率");
    // 满意/度指/标 in a 9 mm level column: every line but the last fills the cell.
    const narrow: [number, number, number, number] = [0, 60, 25.5, 110];
    expect(blockText([run("满意", 2, 100), run("度指", 2, 88), run("标", 2, 76)], narrow).text).toBe("满意度指标");
    expect(blockText([run("服务", 2, 100), run("对象", 2, 88), run("满意", 2, 76), run("度指", 2, 64), run("标", 2, 52)], narrow).text).toBe("服务对象满意度指标");
  });

  it("tolerates kinsoku: a line two characters short before a character and its closing punctuation is a wrap", () => {
    expect(blockText(lines("加速推进重大项目建", "设。二是锐意进取"), frame).text).toBe("加速推进重大项目建设。二是锐意进取");
    expect(blockText(lines("推进重大需", "求、面向人民"), [0, 40, 74, 130]).text).toBe("推进重大需求、面向人民");
  });

  it("does not break before a long number or Latin word that went down whole", () => {
    expect(blockText([run("预算执行数为", 2, 120), run("1,121.92", 2, 108, 10, 40), run("万元", 44, 108)], frame).text).toBe("预算执行数为1,121.92万元");
    expect(blockText([run("树立张江产业的示", 2, 120), run("Artificial", 2, 108, 10, 50), run("标杆", 57, 108)], frame).text).toBe("树立张江产业的示Artificial 标杆");
    // The same line before a word that would have fitted into its gap ends a paragraph.
    expect(blockText([run("树立张江产业的示", 2, 120), run("AI", 2, 108, 10, 12), run("标杆", 17, 108)], frame).text).toBe("树立张江产业的示\nAI 标杆");
  });

  it("finds the first word a wrap moves whole", () => {
    expect(firstWord("设。二是")).toBe("设。");
    expect(firstWord("“十四五”规划")).toBe("“十");
    expect(firstWord("1,121.92 万元")).toBe("1,121.92");
    expect(firstWord("一是守正")).toBe("一");
  });

  it("keeps paragraph breaks through joinLines, and a break given for an empty line", () => {
    expect(joinLines(["支撑。", "一是"], [true, false])).toBe("支撑。\n一是");
    expect(joinLines(["支撑。", " ", "一是"], [false, true, false])).toBe("支撑。\n一是");
    // A cell continued on the next page keeps the breaks it already has.
    expect(joinLines(["支撑。 \n 一是守正", "创新"])).toBe("支撑。\n一是守正创新");
  });
});

describe("assemblePage", () => {
  it("puts runs into cells, a merged cell once in its top row, loose lines as rows", () => {
    const rules = grid([0, 50, 150], [300, 280, 260], { h: [[1, 0]] });
    const runs = [
      run("财政项目支出绩效自评表", 10, 320),
      run("产出", 5, 285), run("指标", 5, 273),
      run("数量指标", 55, 285), run("质量指标", 55, 265),
    ];
    const rows = assemblePage(runs, buildTables(rules));
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([["财政项目支出绩效自评表"], ["产出指标", "数量指标"], ["质量指标"]]);
    expect(rows[1]!.cells[0]!.box).toEqual([0, 260, 50, 300]); // the drawn cell, not the glyphs
  });
});

describe("pages without ruling lines", () => {
  it("clusters runs by baseline into rows and by wide gaps into cells, aligned columns sharing an index", () => {
    const rows = assemblePage([
      run("项目名称", 10, 700), run("信息化建设项目", 120, 700),
      run("主管部门", 10, 680), run("某某办公室", 120, 680), run("实施单位", 300, 680), run("某某中心", 400, 680),
      run("(2023", 10, 660, 10, 25), run("年度)", 38, 660, 10, 25),
    ], []);
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([["项目名称", "信息化建设项目"], ["主管部门", "某某办公室", "实施单位", "某某中心"], ["(2023 年度)"]]);
    expect(rows[0]!.cells.map((c) => c.col)).toEqual(rows[1]!.cells.slice(0, 2).map((c) => c.col));
  });
});

describe("furniture", () => {
  it("knows the page-number shapes", () => {
    for (const t of ["- 1 -", "— 12 —", "第 1 页", "第1页 共3页", "共 3 页 第 1 页", "1 / 3", "Page 2 of 9", "7"]) expect(isPageNumber(t), t).toBe(true);
    for (const t of ["100.00", "2023 年度", "- 产出 -", "第一页"]) expect(isPageNumber(t), t).toBe(false);
  });

  it("drops page numbers and running headers, keeps titles and tables", () => {
    const line = (text: string, y: number, table = -1) => ({ top: y + 8, cells: [{ text, col: 0, box: [0, y, 100, y + 8] as [number, number, number, number], frame: [0, y, 100, y + 8] as [number, number, number, number], continuesBelow: false }], table, gridRow: table >= 0 ? 0 : -1 });
    const page = (n: number) => [line("某办公室 2023 年度部门决算", 820), line("财政项目支出绩效自评表", 800), line("项目名称", 700, 0), line(`- ${n} -`, 20)];
    const kept = dropFurniture([page(1), page(2)], [0, 0], [842, 842]);
    expect(kept.map((rows) => rows.map((r) => r.cells[0]!.text))).toEqual([
      ["财政项目支出绩效自评表", "项目名称"],
      ["财政项目支出绩效自评表", "项目名称"],
    ]);
  });
});

describe("tables continued on the next page", () => {
  type Box = [number, number, number, number];
  const cell = (text: string, x0: number, continuesBelow = false) => ({ text, col: Math.round(x0 / 50), box: [x0, 0, x0 + 50, 10] as Box, frame: [x0, 0, x0 + 50, 10] as Box, continuesBelow });
  const row = (cells: ReturnType<typeof cell>[], table = 0, gridRow = 0) => ({ top: 100, cells, table, gridRow });

  it("drops a header row repeated at the top of the next page, keeps a new form's title row", async () => {
    const { dropRepeatedHeaders } = await import("../../src/load/pdf/continuation.js");
    const header = () => row([cell("一级指标", 0), cell("二级指标", 50), cell("三级指标", 100)]);
    const title = () => row([cell("财政项目支出绩效自评表", 0)]);
    const pages = dropRepeatedHeaders([[title(), header(), row([cell("产出指标", 0)], 0, 1)], [header(), row([cell("效益指标", 0)])], [title()]]);
    expect(pages.map((p) => p.map((r) => r.cells[0]!.text))).toEqual([["财政项目支出绩效自评表", "一级指标", "产出指标"], ["效益指标"], ["财政项目支出绩效自评表"]]);
  });

  it("keeps a new form's first row when the previous page ends with that form's title (two forms of one 项目名称)", async () => {
    const { dropRepeatedHeaders } = await import("../../src/load/pdf/continuation.js");
    const name = () => row([cell("项目名称", 0), cell("信息化运维项目", 50)]);
    const title = () => row([cell("财政项目支出绩效自评表", 0)], -1, -1);
    const pages = dropRepeatedHeaders([[title(), name(), row([cell("产出指标", 0)], 0, 1), title()], [name(), row([cell("主管部门", 0)], 0, 1)]]);
    expect(pages[1]!.map((r) => r.cells[0]!.text)).toEqual(["项目名称", "主管部门"]);
  });

  it("rejoins a row split by the page break; a merged cell printed again on both pages is not doubled", async () => {
    const { stitchPages } = await import("../../src/load/pdf/stitch.js");
    // The fragments on page 2 are open at their top, as assemblePage marks a cut cell's next piece.
    const above = (c: ReturnType<typeof cell>) => ({ ...c, continuesAbove: true });
    const pages = stitchPages([
      [row([cell("产出指标", 0, true), cell("有效发挥未来公园展示功能,", 50, true)])],
      [row([above(cell("产出指标", 0)), above(cell("培育创新交流氛围。", 50))]), row([cell("效益指标", 0)], 0, 1)],
    ]);
    expect(pages[0]![0]!.cells.map((c) => c.text)).toEqual(["产出指标", "有效发挥未来公园展示功能,培育创新交流氛围。"]);
    expect(pages[1]!.map((r) => r.cells[0]!.text)).toEqual(["效益指标"]);
  });

  it("does not join a cell that starts under a rule of its own to a cell left open above it (总分 under a level column)", async () => {
    const { stitchPages } = await import("../../src/load/pdf/stitch.js");
    const pages = stitchPages([
      [row([cell("满意度指标", 0, true), cell("设备维护数量", 50)])],
      [row([cell("总分", 0), cell("100.00", 50)])],
    ]);
    expect(pages.map((p) => p.map((r) => r.cells.map((c) => c.text)))).toEqual([[["满意度指标", "设备维护数量"]], [["总分", "100.00"]]]);
  });

  /** Pages through the loader's own steps: assembly (with spill), furniture, spill joined, stitch. */
  async function read(pages: { runs: Run[]; rules: Rules }[]): Promise<string[][][]> {
    const { assemblePages } = await import("../../src/load/pdf/cells.js");
    const { joinSpills } = await import("../../src/load/pdf/spill.js");
    const { stitchPages } = await import("../../src/load/pdf/stitch.js");
    const rows = assemblePages(pages.map((p) => ({ runs: p.runs, tables: buildTables(p.rules) })), pages.map(() => 0), pages.map(() => 842));
    const { dropRepeatedHeaders } = await import("../../src/load/pdf/continuation.js");
    const kept = stitchPages(dropRepeatedHeaders(joinSpills(dropFurniture(rows, pages.map(() => 0), pages.map(() => 842)))));
    return kept.map((p) => p.map((r) => r.cells.map((c) => c.text)));
  }

  it("joins a cut cell's text painted under its fragment and over its fragment on the next page (Chromium, Calc)", async () => {
    const pages = await read([
      // Page 1: the level cell's bottom is not ruled; its text is painted under the table.
      { rules: grid([0, 50, 150], [120, 100], { h: [[1, 0]] }), runs: [run("更新条目", 55, 105), run("质量", 5, 90), run("指标", 5, 78)] },
      // Page 2: its top is not ruled; 质量 is painted over the table, 指标 inside.
      { rules: grid([0, 50, 150], [800, 760], { h: [[0, 0]] }), runs: [run("质量", 5, 805), run("指标", 5, 780), run("系统故障率", 55, 785)] },
    ]);
    // Page 1's cell reads 质量指标 from the lines under it; page 2 prints it again.
    expect(pages).toEqual([[["质量指标", "更新条目"]], [["系统故障率"]]]);
  });

  it("reads a cut cell over three pages, the middle one ruling nothing in its column (Calc)", async () => {
    const pages = await read([
      { rules: grid([0, 50, 150], [120, 100], { h: [[1, 0]] }), runs: [run("活动次数", 55, 105), run("产出", 5, 90), run("指标", 5, 78)] },
      // Page 2 rules only the second column; the level label is painted again beside it.
      { rules: grid([50, 150], [800, 780]), runs: [run("产出", 5, 790), run("指标", 5, 778), run("巡检利用率", 55, 785)] },
      { rules: grid([0, 50, 150], [800, 780, 760], { h: [[0, 0]] }), runs: [run("系统故障率", 55, 785), run("效益指标", 5, 765), run("社区覆盖率", 55, 765)] },
    ]);
    expect(pages).toEqual([[["产出指标", "活动次数"]], [["巡检利用率"]], [["系统故障率"], ["效益指标", "社区覆盖率"]]]);
  });

  it("keeps once the lines a cut cell prints on both pages, and the lines only one page shows", async () => {
    const pages = await read([
      // Page 1 shows the first three lines of 产出指标(40分), page 2 the last two.
      { rules: grid([0, 50, 150], [120, 100], { h: [[1, 0]] }), runs: [run("活动次数", 55, 105), run("产出", 5, 105), run("指标", 5, 90), run("(40", 5, 78)] },
      { rules: grid([0, 50, 150], [800, 780], { h: [[0, 0]] }), runs: [run("(40", 5, 805), run("分)", 5, 790), run("巡检利用率", 55, 785)] },
    ]);
    expect(pages).toEqual([[["产出指标(40分)", "活动次数"]], [["巡检利用率"]]]);
  });

  it("drops a repeated header with a cut cell's text painted over it, and keeps that text once (Calc)", async () => {
    const header = (top: number) => [run("一级", 5, top - 8), run("指标", 5, top - 18), run("三级指标", 55, top - 12)];
    const pages = await read([
      { rules: grid([0, 50, 150], [300, 280, 260], { h: [[2, 0]] }), runs: [...header(300), run("产出指标", 5, 265), run("活动次数", 55, 265)] },
      // The label's block, laid out for the whole cell, falls on the repeated header.
      { rules: grid([0, 50, 150], [800, 780, 760]), runs: [...header(800), run("产出指标", 5, 787), run("巡检利用率", 55, 765)] },
    ]);
    expect(pages).toEqual([[["一级指标", "三级指标"], ["产出指标", "活动次数"]], [["巡检利用率"]]]);
  });

  it("gives a cut cell back the lines that overflow a sliver of its fragment onto the row below (Chromium)", async () => {
    const rules = (h: number[], v0: number, v1: number, merged?: [number, number]): Rules => ({
      h: h.map((y) => ({ y, x0: 0, x1: 150 })),
      v: [0, 50, 150].flatMap((x) => (x === 50 && merged ? [{ x, y0: v0, y1: merged[0] }, { x, y0: merged[1], y1: v1 }] : [{ x, y0: v0, y1: v1 }])),
    });
    const pages = await read([
      // The table's sides run past its last rule: cut by the page's foot.
      { rules: rules([300, 280], 270, 300), runs: [run("满意度指标", 2, 288, 9), run("服务", 5, 273), run("设施数量", 55, 273)] },
      // A 4-point sliver of the cut row, then 总分 over both columns, then 评分等级.
      { rules: rules([796, 770, 750], 750, 801, [770, 796]), runs: [run("对象", 5, 789), run("总分", 75, 781), run("满意", 5, 776), run("评分等级", 5, 757), run("良", 60, 757)] },
    ]);
    expect(pages).toEqual([[["满意度指标"], ["服务对象满意", "设施数量"]], [["总分"], ["评分等级", "良"]]]);
  });

  it("reads a page that rules nothing, in a table left open, as that table's rows (Chromium)", async () => {
    const pages = await read([
      { rules: grid([0, 50, 150, 200], [300, 270], { h: [[1, 0]] }), runs: [run("满意度指标", 2, 285, 9), run("系统数量", 55, 285), run("8", 160, 285)] },
      // One row with no rule: a one-line name beside a measure wrapped on two lines; the page number stays furniture.
      { rules: { h: [], v: [] }, runs: [run("设备维护数量", 55, 776), run("≥100", 152, 783, 10, 30), run("(%)", 152, 769, 10, 25), run("- 2 -", 90, 20, 10, 30)] },
      { rules: grid([0, 150, 200], [800, 780]), runs: [run("总分", 60, 785), run("100", 160, 785, 10, 20)] },
    ]);
    expect(pages).toEqual([[["满意度指标", "系统数量", "8"]], [["设备维护数量", "≥100(%)"]], [["总分", "100"]]]);
  });

  it("claims nothing under a table that no page continues (a signature line under an unruled last row)", async () => {
    const open = (): Rules => ({ h: [{ y: 300, x0: 0, x1: 200 }, { y: 280, x0: 0, x1: 200 }], v: [0, 50, 200].map((x) => ({ x, y0: 250, y1: 300 })) });
    const sign = [run("评分等级", 5, 265), run("优", 60, 265), run("填表人：张三", 60, 230)];
    // Alone, and followed by a page that opens with a new form's title.
    expect(await read([{ rules: open(), runs: sign }])).toEqual([[["评分等级", "优"], ["填表人：张三"]]]);
    const next = { rules: grid([0, 50, 200], [700, 680]), runs: [run("财政项目支出绩效自评表", 30, 760), run("项目名称", 5, 685)] };
    expect((await read([{ rules: open(), runs: sign }, next]))[0]).toEqual([["评分等级", "优"], ["填表人：张三"]]);
  });

  it("leaves a running header and a page number where a cut cell's column meets the page's edge", async () => {
    const header = (y: number) => [run("某某局", 5, y), run("项目支出绩效自评结果", 60, y)];
    const pages = await read([
      { rules: grid([0, 50, 150], [700, 100], { h: [[1, 0]] }), runs: [...header(830), run("活动次数", 55, 105), run("产出", 5, 90), run("2", 5, 20)] },
      { rules: grid([0, 50, 150], [780, 760], { h: [[0, 0]] }), runs: [...header(830), run("指标", 5, 790), run("巡检利用率", 55, 765), run("3", 5, 20)] },
    ]);
    expect(pages).toEqual([[["产出指标", "活动次数"]], [["巡检利用率"]]]);
  });
});
