/**
 * Page pictures for the report: each PDF page a finding points at is
 * rendered with pdf.js onto a canvas, cropped to the form's table on that
 * page, and encoded. The finding's cell bbox is carried over into the
 * picture's pixels, for the page to outline.
 *
 * The canvas is the caller's: @napi-rs/canvas in Node (the one pdfjs-dist
 * itself uses there, see src/cli/report-command.ts), the page's own canvas in
 * the browser app. Pictures are keyed by the file's sha256, the page and the
 * crop: a file met twice (a copy under another name) is rendered once.
 */
import type { Form } from "../../model/index.js";
import { nodeAssets, type PdfAssets } from "../../load/pdf/assets.js";
import { pdfjs } from "../../load/pdf/engine.js";
import type { Picture, PlacedValue, ReportPictures } from "./input.js";

/** The little of a canvas the pictures need; both @napi-rs/canvas and HTMLCanvasElement have it. */
export interface PictureCanvas {
  width: number;
  height: number;
  getContext(kind: "2d"): unknown;
}

/** Makes and encodes canvases of one kind. */
export interface CanvasKit<C extends PictureCanvas = PictureCanvas> {
  create(width: number, height: number): C;
  /** The canvas encoded as the format, in base64. */
  encode(canvas: C, format: PictureFormat): Promise<string>;
}

type Context2d = { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; drawImage(image: unknown, x: number, y: number): void };
type Canvas = PictureCanvas;

type Box = [number, number, number, number];

/** Pixels per PDF point: 1.5 is 108 dpi, enough to read a table's digits. */
export const PICTURE_SCALE = 1.5;
/** Margin around the table, in points. */
const MARGIN = 6;

/** Encoding of the pictures. */
export type PictureFormat = "png" | "webp";

interface View {
  /** The rendered page, when some picture of it is still to be cut. */
  canvas: Canvas | null;
  /** PDF user space to the page's pixels. */
  toPx: (b: Box) => Box;
  size: [number, number];
}

interface Wanted {
  form: number;
  path: string;
  page: number;
  bbox: Box;
}

/** Collects pictures over a whole report; one per distinct (file content, page, crop). */
export class PictureBook<C extends PictureCanvas = PictureCanvas> implements ReportPictures {
  readonly images: Picture[] = [];
  private readonly byKey = new Map<string, number>();
  /** Each page's geometry at PICTURE_SCALE, by `${sha256}:${page}`. */
  private readonly views = new Map<string, Omit<View, "canvas">>();

  /**
   * @param format encoding of the pictures
   * @param kit the canvases to render on
   * @param assets pdf.js's CMaps and standard fonts; in Node, pdfjs-dist's own copy by default
   */
  constructor(private readonly format: PictureFormat, private readonly kit: CanvasKit<C>, private readonly assets?: PdfAssets) {}

  /**
   * Renders what the forms' findings need of one PDF and says where each
   * finding's value sits, by `${form number}:${path}`.
   */
  async addPdf(bytes: Uint8Array, sha256: string, forms: readonly Form[]): Promise<Map<string, PlacedValue>> {
    const wanted: Wanted[] = [];
    const crops = new Map<string, Box>();
    forms.forEach((form, i) => {
      for (const x of form.verification?.findings ?? []) {
        const { page, bbox, path } = x.where;
        if (page === undefined || bbox === undefined || path === undefined) continue;
        wanted.push({ form: i + 1, path, page, bbox });
        const key = `${i + 1}:${page}`;
        crops.set(key, tableBox(form, page, crops.get(key) ?? bbox));
      }
    });
    if (wanted.length === 0) return new Map();
    for (const [k, b] of crops) crops.set(k, [b[0] - MARGIN, b[1] - MARGIN, b[2] + MARGIN, b[3] + MARGIN]);
    const pages = [...new Set(wanted.map((w) => w.page))];
    const keyOf = (w: Wanted) => `${sha256}:${w.page}:${crops.get(`${w.form}:${w.page}`)!.join(",")}`;
    const missing = new Set(wanted.filter((w) => !this.byKey.has(keyOf(w))).map((w) => w.page));
    const placed = new Map<string, PlacedValue>();
    // Each page is cut as soon as it is rendered, so only one page's pixels are held at a time.
    const cut = async (p: number, view: View) => {
      for (const w of wanted) {
        if (w.page !== p) continue;
        const crop = crops.get(`${w.form}:${w.page}`)!;
        const cropPx = clampPx(view.toPx(crop), view.size);
        const key = keyOf(w);
        let image = this.byKey.get(key);
        if (image === undefined && view.canvas) {
          image = this.images.length;
          this.images.push(await this.encode(view.canvas, cropPx, crop, w.page));
          this.byKey.set(key, image);
        }
        if (image === undefined) continue;
        const b = view.toPx(w.bbox);
        placed.set(`${w.form}:${w.path}`, {
          image,
          outline: [round1(b[0] - cropPx[0]), round1(b[1] - cropPx[1]), round1(b[2] - b[0]), round1(b[3] - b[1])],
        });
      }
    };
    const todo: number[] = [];
    for (const p of pages) {
      const known = this.views.get(`${sha256}:${p}`);
      if (known && !missing.has(p)) await cut(p, { ...known, canvas: null });
      else todo.push(p);
    }
    if (todo.length === 0) return placed;

    const lib = await pdfjs();
    const assets = this.assets ?? nodeAssets();
    const doc = await lib.getDocument({
      data: new Uint8Array(bytes), cMapUrl: assets.cMapUrl, cMapPacked: true, standardFontDataUrl: assets.standardFontDataUrl,
      isEvalSupported: false, useSystemFonts: false, verbosity: 0,
    }).promise;
    try {
      for (const p of todo) {
        if (p > doc.numPages) continue;
        const page = await doc.getPage(p);
        const viewport = page.getViewport({ scale: PICTURE_SCALE });
        const toPx = (b: Box): Box => {
          const [a, c, d, e] = viewport.convertToViewportRectangle(b) as Box;
          return [Math.min(a, d), Math.min(c, e), Math.max(a, d), Math.max(c, e)];
        };
        const size: [number, number] = [viewport.width, viewport.height];
        this.views.set(`${sha256}:${p}`, { toPx, size });
        const canvas = this.kit.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
        const ctx = canvas.getContext("2d") as Context2d;
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport }).promise;
        await cut(p, { canvas, toPx, size });
        page.cleanup();
      }
    } finally {
      await doc.destroy();
    }
    return placed;
  }

  private async encode(page: Canvas, px: Box, crop: Box, pageNo: number): Promise<Picture> {
    const [x0, y0, x1, y1] = px;
    const out = this.kit.create(x1 - x0, y1 - y0);
    (out.getContext("2d") as Context2d).drawImage(page, -x0, -y0);
    return {
      base64: await this.kit.encode(out, this.format), mime: this.format === "webp" ? "image/webp" : "image/png",
      width: out.width, height: out.height, scale: PICTURE_SCALE, crop: [crop[0], crop[1], crop[2], crop[3]], page: pageNo,
    };
  }
}

/** The union of every box the form's values were read from on the page, plus a margin: the form's table there. */
function tableBox(form: Form, page: number, start: Box): Box {
  let box: Box = [start[0], start[1], start[2], start[3]];
  for (const p of Object.values(form.provenance)) {
    if (p.page !== page || !p.bbox) continue;
    const b = p.bbox;
    box = [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])];
  }
  return box;
}

/** Whole pixels inside the page. */
function clampPx(b: Box, [w, h]: [number, number]): Box {
  return [Math.max(0, Math.floor(b[0])), Math.max(0, Math.floor(b[1])), Math.min(Math.ceil(w), Math.ceil(b[2])), Math.min(Math.ceil(h), Math.ceil(b[3]))];
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
