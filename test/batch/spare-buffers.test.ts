/** A worker's JSON pieces are packed into buffers the main thread gives back (spare-buffers.ts). */
import { describe, expect, it } from "vitest";
import { PIECE_BYTES, PiecePacker, SpareBuffers } from "../../src/batch/spare-buffers.js";

const decode = (pieces: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(pieces));

describe("packing JSON into pieces", () => {
  it("sends a piece once it holds PIECE_BYTES, and gives the rest as the last; joined, they are the text", () => {
    const sent: Uint8Array[] = [];
    const packer = new PiecePacker(new SpareBuffers(), (p) => sent.push(p));
    // 11 KB a "form", about the seed's: 60 of them make 2 pieces and a last.
    const form = `{"projectName":"机关服务","indicators":"${"绩效".repeat(1800)}"},`;
    let text = "";
    for (let i = 0; i < 60; i++) {
      packer.put(form);
      text += form;
    }
    const last = packer.end();
    // A piece goes with the form that takes it to PIECE_BYTES: 25 forms of 10,840 bytes.
    const perPiece = Math.ceil(PIECE_BYTES / Buffer.byteLength(form));
    expect(perPiece).toBe(25);
    expect(sent.length).toBe(2);
    for (const p of sent) expect(p.byteLength).toBeGreaterThanOrEqual(PIECE_BYTES);
    expect(last.byteLength).toBeLessThan(PIECE_BYTES);
    expect(decode([...sent, last])).toBe(text);
  });

  it("splits a text longer than a buffer across pieces, never inside a character", () => {
    const sent: Uint8Array[] = [];
    const packer = new PiecePacker(new SpareBuffers(), (p) => sent.push(p));
    // 3 bytes a character, and one byte before it so the buffer's end falls inside one: 1.5 MB.
    const long = "x" + "绩".repeat(500_000);
    packer.put(long);
    const last = packer.end();
    expect(sent.length).toBe(2);
    expect(decode([...sent, last])).toBe(long);
    for (const p of [...sent, last]) expect(() => new TextDecoder("utf-8", { fatal: true }).decode(p)).not.toThrow();
  });

  it("fills a buffer given back, and makes a new one when none is", () => {
    const spares = new SpareBuffers();
    const sent: Uint8Array[] = [];
    const packer = new PiecePacker(spares, (p) => sent.push(p));
    packer.put("a".repeat(PIECE_BYTES));
    packer.put("b".repeat(PIECE_BYTES));
    expect(sent.length).toBe(2);
    expect(sent[0]!.buffer).not.toBe(sent[1]!.buffer);
    const back = sent[0]!.buffer as ArrayBuffer;
    spares.give(back);
    packer.put("c".repeat(PIECE_BYTES));
    packer.put("d");
    // The third piece went in the buffer taken after the second; the one given back holds the last.
    expect(packer.end().buffer).toBe(back);
    expect(decode([packer.end()])).toBe("d");
  });
});
