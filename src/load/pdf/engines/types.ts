/**
 * The seam between a PDF engine and the engine-blind stages after it (grid,
 * cells, continuation, furniture, stitching, the ledger). An engine opens a
 * document and turns each page into text runs and ruling lines in page user
 * space (origin bottom-left, 1/72 inch); nothing after this seam knows which
 * engine read the page.
 */
import type { Rules } from "../geometry.js";
import type { Run } from "../items.js";

/** Text that is not part of the form's layout (rotated or vertical: stamps, watermarks), kept for the ledger. */
export interface RotatedText {
  text: string;
  x: number;
  y: number;
}

/** One page as an engine reads it. */
export interface EnginePage {
  runs: Run[];
  rotated: RotatedText[];
  rules: Rules;
  /** The page's box (media box, cropped), [x0, y0, x1, y1]. */
  view: [number, number, number, number];
  /** The page paints at least one raster image (tells a scan from an empty page). */
  paintsImages: boolean;
  /** Text drawn outside the page box, which no viewer shows, as offpage.ts puts it ("" when none). */
  offPage: string;
}

/** An open document; `close` frees everything the engine holds for it and is safe to call twice. */
export interface EngineDocument {
  readonly numPages: number;
  /** Reads page `p` (1-based). */
  page(p: number): Promise<EnginePage>;
  close(): Promise<void>;
}

/** What `loadPdf` gives an engine to open a document with. */
export interface OpenContext {
  source: string;
  /** Races a promise against the document's time bound. */
  within<T>(p: Promise<T>): Promise<T>;
}

/** The names of the engines, as `--engine` and `pdf: { engine }` take them. */
export const ENGINE_NAMES = ["pdfjs", "pdfium"] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
/** The engine used when the caller names none (see README, "PDF engines"). */
export const DEFAULT_ENGINE: EngineName = "pdfium";
