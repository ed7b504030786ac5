/**
 * The relational schema of the dataset outputs (DuckDB, SQLite, Parquet): one
 * description of every table and column, from which the DDL of each database
 * and the column list of the docs are made, so they cannot drift apart.
 *
 * Keys are natural, not surrogate: a document is its `sha256`, a form is
 * (`sha256`, `form_no`), an indicator (`sha256`, `form_no`, `indicator_no`).
 * Two datasets built on different machines therefore merge without
 * renumbering, and a rerun finds what it already holds.
 */

/** The kinds of value a column holds; each database maps them to its own type. */
export type ColumnType = "text" | "integer" | "bigint" | "decimal" | "double" | "boolean" | "timestamp";

/** One column of a dataset table. */
export interface Column {
  /** snake_case; needs no quoting in SQL. */
  readonly name: string;
  readonly type: ColumnType;
  /** false for the key columns and the few that are always known. */
  readonly nullable: boolean;
  /** What the column holds, for docs/dataset.md. */
  readonly doc: string;
}

/** One dataset table. */
export interface Table {
  readonly name: TableName;
  readonly doc: string;
  /** The primary key: natural, so reruns and merges keep it. */
  readonly key: readonly string[];
  readonly columns: readonly Column[];
}

/** The tables, in the order they are written (parents before children). */
export const TABLE_NAMES = ["documents", "forms", "funding", "indicators", "criteria", "criteria_subtotals", "notes", "findings", "diagnostics", "provenance"] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** The table that records which dataset schema version a file was created or upgraded to (see dataset-upgrade.ts). */
export const DATASET_SCHEMA_VERSION_TABLE = "dataset_schema";

/**
 * Exact numbers are DECIMAL(18,4) in DuckDB and Parquet: 14 integer digits
 * hold any amount in 元 of a budget, and 4 decimals hold every printed
 * figure seen (amounts have 2 or 3, rates and scores 2). A value that does
 * not fit is refused, not rounded (see dataset-rows.ts).
 */
export const DECIMAL_PRECISION = 18;
/** Digits after the point in DECIMAL columns. */
export const DECIMAL_SCALE = 4;

const col = (name: string, type: ColumnType, doc: string, nullable = true): Column => ({ name, type, nullable, doc });
const sha = col("sha256", "text", "SHA-256 of the input file's bytes (hex): the document's key", false);
const formNo = col("form_no", "integer", "1-based number of the form in its document", false);

/** Every table of the dataset. */
export const TABLES: readonly Table[] = [
  {
    name: "documents",
    doc: "One row per input file, keyed by the SHA-256 of its bytes: a rerun over the same files adds nothing.",
    key: ["sha256"],
    columns: [
      sha,
      col("path", "text", "Path of the file as given when it was first added"),
      col("kind", "text", "text-tsv, text-layout or pdf", false),
      col("encoding", "text", "Detected text encoding; null for PDF"),
      col("pages", "integer", "Pages (text: form feeds + 1)", false),
      col("bytes", "bigint", "Size of the file in bytes", false),
      col("forms", "integer", "Number of forms read from it", false),
      col("parsed_at", "timestamp", "When it was added (UTC)", false),
      col("jixiao_version", "text", "Version of jixiao that read it", false),
      col("schema_version", "text", "Version of the Document schema (schemaVersion)", false),
    ],
  },
  {
    name: "forms",
    doc: "One row per form (自评表) of a document.",
    key: ["sha256", "form_no"],
    columns: [
      sha,
      formNo,
      col("form_type", "text", "project or department", false),
      col("title", "text", "Title as printed", false),
      col("year", "integer", "Year of the (2023 年度) line"),
      col("project_name", "text", "项目名称"),
      col("department", "text", "主管部门"),
      col("implementing_unit", "text", "实施单位"),
      col("funding_unit", "text", "Unit of the funding amounts: 万元 or 元", false),
      col("goals_expected", "text", "年度总体目标: 预期目标"),
      col("goals_actual", "text", "年度总体目标: 实际完成情况"),
      col("total_weight", "decimal", "总分 row: total weight (normally 100)"),
      col("total_score", "decimal", "总分 row: total score as printed"),
      col("grade", "text", "评分等级 as printed"),
      col("complete", "boolean", "false when the form was cut off before its 总分", false),
      col("rounding", "text", "truncate, half-up, either or inconsistent; null when not verified"),
      col("errors", "integer", "Findings of severity error; null when not verified"),
      col("warnings", "integer", "Findings of severity warning; null when not verified"),
      col("notices", "integer", "Findings of severity notice; null when not verified"),
      col("template", "text", "Template family the form was read as (national, shandong, sichuan-2023, hebei …); null in a file from before schema version 3"),
      col("project_attribute", "text", "项目属性 (criteria templates): 常年性, 延续性, 一次性 or 新增性, the box ticked; null when not printed or not one box"),
      col("self_evaluation_total", "decimal", "自评总分 printed above a criteria table"),
      col("total_review", "decimal", "总分 row of a criteria table: Σ 复核分 as printed"),
      col("source_central", "decimal", "Funding by source (criteria templates): 中央"),
      col("source_provincial", "decimal", "Funding by source: 省、地"),
      col("source_local", "decimal", "Funding by source: 本级"),
      col("source_other", "decimal", "Funding by source: 其他"),
      col("source_total", "decimal", "Funding by source: 合计"),
      col("source_executed", "decimal", "Funding by source: 执行数"),
      col("source_rate", "decimal", "Funding by source: 执行率, percent"),
    ],
  },
  {
    name: "funding",
    doc: "One row per line of a form's funding block (项目资金); amounts in the form's funding_unit.",
    key: ["sha256", "form_no", "row_no"],
    columns: [
      sha,
      formNo,
      col("row_no", "integer", "1-based position in the block; funding[row_no - 1] in a path", false),
      col("kind", "text", "total, fiscal, carryover, other, special-account, unit or unknown", false),
      col("label", "text", "Row label as printed", false),
      col("initial_budget", "decimal", "年初预算数"),
      col("adjusted_budget", "decimal", "全年预算数"),
      col("executed", "decimal", "全年执行数"),
      col("weight", "decimal", "分值 of the execution criterion (total row only)"),
      col("rate", "decimal", "执行率, percent"),
      col("score", "decimal", "得分 (total row only)"),
      col("received", "decimal", "资金到位情况 (Hebei), where the form prints it"),
    ],
  },
  {
    name: "indicators",
    doc: "One row per indicator (三级指标) of a form.",
    key: ["sha256", "form_no", "indicator_no"],
    columns: [
      sha,
      formNo,
      col("indicator_no", "integer", "1-based number in the form; indicators[indicator_no - 1] in a path", false),
      col("level1", "text", "一级指标", false),
      col("level1_subtotal", "decimal", "Subtotal printed in the level-1 label: 50 for 产出指标(50分)"),
      col("level2", "text", "二级指标", false),
      col("name", "text", "三级指标", false),
      col("target_raw", "text", "年度指标值 as printed", false),
      col("target_op", "text", "=, >=, <=, > or <; null when none is printed"),
      col("target_value", "decimal", "The target's number; null for qualitative text"),
      col("target_unit", "text", "The target's unit as printed"),
      col("target_qualitative", "text", "The target's statement when it holds no number"),
      col("actual_raw", "text", "实际完成值 as printed", false),
      col("actual_op", "text", "Operator printed in the actual, if any"),
      col("actual_value", "decimal", "The actual's number"),
      col("actual_unit", "text", "The actual's unit as printed"),
      col("actual_qualitative", "text", "The actual's statement when it holds no number"),
      col("weight", "decimal", "分值"),
      col("score", "decimal", "得分"),
      col("deviation", "text", "偏差原因分析及改进措施"),
      col("weight_share", "decimal", "权重占比 (Hebei): plays the part of 分值 in the weight and total rules"),
      col("weighted_score", "decimal", "折算得分 (Hebei) = 得分 × 权重占比 / 100: the score the 总分 counts"),
    ],
  },
  {
    name: "criteria",
    doc: "One row per criterion of an evaluation-criteria table (criteria templates: Hubei, Ningxia).",
    key: ["sha256", "form_no", "criterion_no"],
    columns: [
      sha,
      formNo,
      col("criterion_no", "integer", "1-based number in the form; criteria[criterion_no - 1] in a path", false),
      col("level1", "text", "一级指标 (项目决策, 过程 …)", false),
      col("level2", "text", "二级指标; null when the table has no such column"),
      col("content", "text", "评价内容", false),
      col("weight", "decimal", "分值"),
      col("self_score", "decimal", "自评分"),
      col("review_score", "decimal", "复核分, beside 自评分"),
      col("basis", "text", "评价标准及依据"),
    ],
  },
  {
    name: "criteria_subtotals",
    doc: "One row per 小计 row of an evaluation-criteria table, in order.",
    key: ["sha256", "form_no", "subtotal_no"],
    columns: [
      sha,
      formNo,
      col("subtotal_no", "integer", "1-based; criteriaSubtotals[subtotal_no - 1] in a path", false),
      col("level1", "text", "The 一级指标 of the group the row closes", false),
      col("weight", "decimal", "Σ 分值 as printed"),
      col("self_score", "decimal", "Σ 自评分 as printed"),
      col("review_score", "decimal", "Σ 复核分 as printed"),
    ],
  },
  {
    name: "notes",
    doc: "Text rows after a form's table (评价结论, 存在问题, 改进措施 …).",
    key: ["sha256", "form_no", "label"],
    columns: [sha, formNo, col("label", "text", "The row's label as printed", false), col("text", "text", "The row's text", false)],
  },
  {
    name: "findings",
    doc: "One row per verifier finding; joins to indicators on (sha256, form_no, indicator_no).",
    key: ["sha256", "form_no", "finding_no"],
    columns: [
      sha,
      formNo,
      col("finding_no", "integer", "1-based, in the verifier's order (error → warning → notice, top to bottom)", false),
      col("rule", "text", "Rule id, e.g. total.sum", false),
      col("severity", "text", "error, warning or notice", false),
      col("message_zh", "text", "Message in Chinese", false),
      col("message_en", "text", "Message in English", false),
      col("expected", "text", "Recomputed value: a decimal string, or text"),
      col("found", "text", "Printed value: a decimal string, or text"),
      col("difference", "decimal", "found − expected, when both are numbers"),
      col("path", "text", "Path of the value in the form (0-based inside): indicators[3].score"),
      col("row_label", "text", "Human label of the row: the indicator's name, 总分 …"),
      col("indicator_no", "integer", "1-based number of the indicator the finding is about; null for form-level findings"),
      col("line", "integer", "1-based line (text) or Sheet row (PDF)"),
      col("page", "integer", "1-based page"),
      col("x0", "double", "bbox left, PDF points from the page's left edge"),
      col("y0", "double", "bbox bottom, PDF points from the page's bottom edge"),
      col("x1", "double", "bbox right"),
      col("y1", "double", "bbox top"),
    ],
  },
  {
    name: "diagnostics",
    doc: "What was read imperfectly: the Document's diagnostics, and the writer's own (dataset.precision).",
    key: ["sha256", "diagnostic_no"],
    columns: [
      sha,
      col("diagnostic_no", "integer", "1-based, in the Document's order; the writer's own follow", false),
      col("form_no", "integer", "1-based number of the form concerned, if any"),
      col("code", "text", "Stable code: form.incomplete, grammar.unplaced-row, dataset.precision …", false),
      col("severity", "text", "error, warning or info", false),
      col("message", "text", "What is wrong, quoting the text concerned", false),
      col("line", "integer", "1-based line"),
      col("cell", "integer", "0-based cell index (TSV) or character column (layout text)"),
      col("page", "integer", "1-based page"),
      col("expected", "text", "What the grammar expected there, as a JSON array of strings"),
    ],
  },
  {
    name: "provenance",
    doc: "Where each value of a form was read, one row per value (long form).",
    key: ["sha256", "form_no", "path"],
    columns: [
      sha,
      formNo,
      col("path", "text", "Path of the value in the form: projectName, funding[0].executed, indicators[3].target …", false),
      col("indicator_no", "integer", "1-based indicator number when the path is inside indicators[]"),
      col("page", "integer", "1-based page"),
      col("line", "integer", "1-based line (text) or Sheet row (PDF)"),
      col("cell", "integer", "0-based cell index (TSV) or character column (layout text)"),
      col("x0", "double", "bbox left (PDF only)"),
      col("y0", "double", "bbox bottom"),
      col("x1", "double", "bbox right"),
      col("y1", "double", "bbox top"),
    ],
  },
];

/** A table's description by name. */
export function table(name: TableName): Table {
  return TABLES.find((t) => t.name === name)!;
}

/** SQL types of each column kind, per database. */
export const SQL_TYPES: Record<"duckdb" | "sqlite", Record<ColumnType, string>> = {
  duckdb: {
    text: "VARCHAR",
    integer: "INTEGER",
    bigint: "BIGINT",
    decimal: `DECIMAL(${DECIMAL_PRECISION},${DECIMAL_SCALE})`,
    double: "DOUBLE",
    boolean: "BOOLEAN",
    timestamp: "TIMESTAMP",
  },
  // SQLite has no exact decimal type: a NUMERIC column would turn "1121.90"
  // into the float 1121.9. TEXT keeps the decimal string exactly as printed.
  sqlite: { text: "TEXT", integer: "INTEGER", bigint: "INTEGER", decimal: "TEXT", double: "REAL", boolean: "INTEGER", timestamp: "TEXT" },
};

/**
 * CREATE TABLE statements for a database, parents first. SQLite declares
 * every key. DuckDB declares only the documents' key: DuckDB keeps an ART
 * index per key, updated on every row appended, and the children's keys are unique
 * by construction (a document's rows are written once, in one transaction,
 * or not at all).
 */
export function createTableStatements(dialect: "duckdb" | "sqlite"): string[] {
  return TABLES.map((t) => {
    const cols = t.columns.map((c) => `  ${c.name} ${SQL_TYPES[dialect][c.type]}${c.nullable ? "" : " NOT NULL"}`);
    const key = dialect === "sqlite" || t.name === "documents" ? `,\n  PRIMARY KEY (${t.key.join(", ")})` : "";
    return `CREATE TABLE IF NOT EXISTS ${t.name} (\n${cols.join(",\n")}${key}\n)`;
  });
}
