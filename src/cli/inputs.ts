import { stat } from "node:fs/promises";
import fg from "fast-glob";

/** The files of a command line: each argument a file, a folder (searched for inputs) or a glob. */
export interface ExpandedInput {
  /** Files to read, in a stable order. */
  files: string[];
  /** Arguments that matched nothing: reported as missing inputs. */
  missing: string[];
}

const INPUT_EXTENSIONS = "{txt,tsv,text,csv,pdf,TXT,TSV,PDF,html,htm,xlsx,xls,ods,docx,odt,HTML,HTM,XLSX,XLS,ODS,DOCX,ODT}";

/** Expands files, folders and globs, keeping the order given and dropping repeats. */
export async function expandInputs(args: string[]): Promise<ExpandedInput> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isFile()) {
      add(arg);
    } else if (info?.isDirectory()) {
      const found = await fg(`**/*.${INPUT_EXTENSIONS}`, { cwd: arg, onlyFiles: true, dot: false });
      found.sort().forEach((f) => add(`${arg.replace(/\/+$/, "")}/${f}`));
    } else if (fg.isDynamicPattern(arg)) {
      const found = await fg(arg, { onlyFiles: true, dot: false });
      if (found.length === 0) missing.push(arg);
      found.sort().forEach(add);
    } else {
      missing.push(arg);
    }
  }
  return { files, missing };
}
