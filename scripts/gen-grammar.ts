/**
 * Regenerates the grammar's derived artefacts: the typed CST (cst.d.ts) the
 * visitor is written against, the railroad diagram a reader can open, and the
 * stored lookahead paths the parser reads at start-up (lookahead-paths.ts).
 * Run: npx tsx scripts/gen-grammar.ts   (test/grammar checks they are current)
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { grammarArtifacts } from "./grammar-artifacts.js";

const dir = fileURLToPath(new URL("../grammars/self-evaluation/", import.meta.url));
const { dts, diagram, lookahead } = grammarArtifacts();
writeFileSync(dir + "cst.d.ts", dts);
writeFileSync(dir + "diagram.html", diagram);
writeFileSync(dir + "lookahead-paths.ts", lookahead);
console.log(`wrote ${dir}cst.d.ts, ${dir}diagram.html and ${dir}lookahead-paths.ts`);
