/**
 * Regenerates the grammar's derived artefacts: the typed CST (cst.d.ts) the
 * visitor is written against, and the railroad diagram a reader can open.
 * Run: npx tsx scripts/gen-grammar.ts   (test/grammar checks they are current)
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { grammarArtifacts } from "./grammar-artifacts.js";

const dir = fileURLToPath(new URL("../grammars/self-evaluation/", import.meta.url));
const { dts, diagram } = grammarArtifacts();
writeFileSync(dir + "cst.d.ts", dts);
writeFileSync(dir + "diagram.html", diagram);
console.log(`wrote ${dir}cst.d.ts and ${dir}diagram.html`);
