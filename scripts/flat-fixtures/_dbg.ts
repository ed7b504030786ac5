import { readFileSync } from "node:fs";
import { wordsOf } from "../../src/load/flat/words.js";
const w = wordsOf(readFileSync(process.argv[2]!, "utf8"));
console.log(w.filter((x) => x.line >= 42 && x.line <= 46));
