import { EXIT_HELP } from "./exit.js";
import { COMMANDS, INPUT_EXTENSIONS, type CommandSpec } from "./spec.js";

const INPUTS = `Inputs are files, folders and globs; - (or /dev/stdin) reads standard input.
PDFs with a text layer, HTML pages, .xlsx/.xls/.ods workbooks, .docx/.odt files,
tab-separated text exports, pdftotext -layout text and flattened (copied) text are read;
text in UTF-8, UTF-16 or GB18030. A folder is searched for ${INPUT_EXTENSIONS.map((e) => `*.${e}`).join(", ")}
(any case), never for the --out file.`;

function exitCodes(): string {
  return "Exit codes:\n" + EXIT_HELP.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`).join("\n");
}

function optionLines(spec: CommandSpec): string[] {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.value ? ` ${o.value}` : ""}`;
    const choices = o.choices ? ` (${o.choices.join(", ")}; default ${o.choices[0]})` : "";
    return [flag, o.help + choices] as const;
  });
  rows.push(["-h, --help", "show this help"]);
  const width = Math.max(...rows.map(([f]) => f.length));
  return rows.map(([f, h]) => `  ${f.padEnd(width)}  ${wrap(h, LINE - width - 4).join(`\n${" ".repeat(width + 4)}`)}`);
}

/** Terminal width the help is laid out for. */
const LINE = 100;

/** Words into lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The help of one command: synopsis, options with their choices, examples, exit codes. */
export function commandHelp(spec: CommandSpec): string {
  return [
    `jixiao ${spec.name} — ${spec.summary}`,
    "",
    `Usage: jixiao ${spec.name} ${spec.synopsis}`,
    "",
    "Options:",
    ...optionLines(spec),
    "",
    ...(spec.inputs ? [INPUTS, ""] : []),
    "Examples:",
    ...spec.examples.map((e) => `  ${e}`),
    "",
    exitCodes(),
    "",
  ].join("\n");
}

/** The help of `jixiao` itself: the commands, examples and exit codes. */
export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "jixiao — read and verify 财政项目支出绩效自评表 (project expenditure performance self-evaluation forms)",
    "",
    "Usage:",
    ...COMMANDS.map((c) => `  jixiao ${c.name.padEnd(width)} ${c.synopsis}`),
    "  jixiao --help | --version",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "jixiao COMMAND --help gives each command's options and examples.",
    "",
    INPUTS,
    "",
    "Examples:",
    ...COMMANDS.map((c) => `  ${c.examples[0]}`),
    `  ${COMMANDS[1]!.examples[1]}`,
    "",
    exitCodes(),
    "",
  ].join("\n");
}
