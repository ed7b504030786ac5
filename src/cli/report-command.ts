/**
 * `jixiao report INPUTS… --out report.html`: parse and verify every input,
 * render the pages the findings point at, and write one self-contained HTML
 * file; then print its size report on standard error.
 *
 * The command gathers (Documents, findings, page pictures, source lines) and
 * the writer (src/write/report-html) arranges them: data flows one way.
 */
import { createCanvas, ImageData, Path2D, type Canvas } from "@napi-rs/canvas";
import { addDrawing } from "../load/pdf/shims.js";
import type { Form } from "../model/index.js";
import { readBytes } from "../file-bytes.js";
import { VerifyOptions } from "../verify/options.js";
import { renderReportHtml, splitLines, type ReportFile } from "../write/report-html/index.js";
import { choice, EXIT, forEachInput, openSink, say, STDIN_NAME, UsageError, withSink } from "./common.js";
import { commandLine } from "./command-line.js";
import { PictureBook, type CanvasKit, type PictureFormat } from "../write/report-html/pictures.js";
import { REPORT } from "./spec.js";
import { parseDisable, parseGrades } from "./verify-command.js";

const TEXT_KINDS = new Set(["text-tsv", "text-layout", "text-flat"]);

/** @napi-rs/canvas, the canvas pdfjs-dist itself renders on in Node. */
const NODE_CANVAS: CanvasKit<Canvas> = {
  create: (w, h) => createCanvas(w, h),
  encode: async (c, format) => Buffer.from(format === "webp" ? await c.encode("webp", 80) : await c.encode("png")).toString("base64"),
};

/** Runs `jixiao report`; resolves to the exit code (2 when an input could not be read). */
export async function runReport(argv: string[]): Promise<number> {
  // pdf.js's modern build draws pages with these; Node 20 has neither.
  addDrawing({ Path2D, ImageData });
  const cl = await commandLine(REPORT, argv);
  if (!cl) return EXIT.ok;
  const { values, positionals, out } = cl;
  if (out === undefined || out === "-") throw new UsageError("report writes an HTML file: give --out FILE, e.g. --out report.html", "report");
  const opt = REPORT.options;
  const lang = choice("lang", values.lang, opt.lang!.choices as readonly ("zh" | "en")[], "zh");
  const rounding = choice("rounding", values.rounding, opt.rounding!.choices as readonly ("either" | "truncate" | "half-up")[], "either");
  const images = choice("images", values.images, opt.images!.choices as readonly PictureFormat[], "png");
  const options: VerifyOptions = { rounding, disable: parseDisable(Array.isArray(values.disable) ? values.disable.map(String) : []) };
  if (typeof values.grades === "string") options.gradeBands = parseGrades(values.grades);
  const parsed = VerifyOptions.safeParse(options);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "), "report");

  const started = Date.now();
  const book = new PictureBook(images, NODE_CANVAS);
  const files: ReportFile[] = [];
  const { unreadable, internal } = await forEachInput(positionals, options, async (path, result) => {
    if ("error" in result) {
      say(`jixiao: ${result.error.describe()}`);
      files.push({ path, error: `${result.error.code}: ${result.error.message}` });
      return;
    }
    const doc = result.doc;
    const file: ReportFile = { path, doc };
    if (path === STDIN_NAME) {
      if (doc.source.kind === "pdf" || TEXT_KINDS.has(doc.source.kind)) say(`jixiao: ${path}: read once from standard input, so the report shows no page pictures or source lines for it`);
    } else if (doc.source.kind === "pdf") {
      try {
        file.pictures = await book.addPdf(await readBytes(path), doc.source.sha256, doc.forms as Form[]);
      } catch (e) {
        // The file was read; only its pictures are lost, and the report says where they would have been.
        say(`jixiao: ${path}: its pages could not be rendered (${(e as Error).message}); the report shows its findings without page pictures`);
      }
    } else if (TEXT_KINDS.has(doc.source.kind)) {
      const bytes = await readBytes(path);
      file.lines = splitLines(new TextDecoder(doc.source.encoding ?? "utf-8").decode(bytes));
    }
    files.push(file);
  }, out);

  const { chunks, sizes } = renderReportHtml({ lang, files, pictures: book });
  await withSink(await openSink(out), async (s) => {
    for (const c of chunks) await s.write(c);
  });
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  say(`jixiao: wrote ${out}: ${mb(sizes.total)} (page pictures ${mb(sizes.images)} in ${sizes.pictures} images, data ${mb(sizes.data)}); ` +
    `${files.length} file${files.length === 1 ? "" : "s"}, ${sizes.forms} forms, ${sizes.findings} findings, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (internal > 0) return EXIT.internal;
  return unreadable > 0 ? EXIT.unreadable : EXIT.ok;
}
