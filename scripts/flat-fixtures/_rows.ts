import { readFileSync } from "node:fs";
import { flatTextToSheet } from "../../src/load/flat/index.js";
const s = flatTextToSheet(readFileSync(process.argv[2]!, "utf8"), "x");
const [a, b] = (process.argv[3] ?? "0:80").split(":").map(Number);
s.rows.slice(a, b).forEach((r) => console.log(r.line, r.cells.map((c) => `${c.col}:${c.text}`).join(" | ")));
for (const d of s.diagnostics.slice(0, 20)) console.log(d.code, d.line, d.message);
