/**
 * What the report writer is given: the command reads the files, runs the
 * verifier and renders the page pictures; the writer only arranges them.
 */
import type { Document } from "../../model/index.js";

/** One rendered, cropped page image. */
export interface Picture {
  /** Base64 of the encoded image. */
  base64: string;
  mime: "image/png" | "image/webp";
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
  /** The crop in PDF user space, [x0, y0, x1, y1]: what part of the page the picture shows. */
  crop: [number, number, number, number];
  page: number;
}

/** Where a finding's value sits on a picture. */
export interface PlacedValue {
  /** Index into {@link ReportPictures.images}. */
  image: number;
  /** The value's bbox in the picture's pixels: [left, top, width, height]. */
  outline: [number, number, number, number];
}

/** The pictures of a whole report; identical pictures are stored once. */
export interface ReportPictures {
  images: Picture[];
}

/** One input of the report. */
export interface ReportFile {
  path: string;
  doc?: Document;
  /** Why the file could not be read. */
  error?: string;
  /** The decoded lines of a text input (see splitLines), for the lines around each finding. */
  lines?: string[];
  /** Placed values by `${form number}:${path}`. */
  pictures?: Map<string, PlacedValue>;
}

/** Everything the writer needs. */
export interface ReportInput {
  lang: "zh" | "en";
  files: ReportFile[];
  pictures: ReportPictures;
}
