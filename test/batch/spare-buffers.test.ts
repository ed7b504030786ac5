/** A worker's JSON pieces are packed into buffers the main thread gives back (spare-buffers.ts). */
import { describe, expect, it } from "vitest";
import { PIECE_BYTES, PiecePacker, SpareBuffers } from "../../src/batch/spare-buffers.js";

const decode = (pieces: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(pieces));
const strict = new TextDecoder("utf-8", { fatal: true });

describe("packing JSON into pieces", () => {
  it("sends a piece each time its buffer is full, and gives the rest as the last; joined, they are the text", () => {
    const sent: Uint8Array[] = [];
    const packer = new PiecePacker(new SpareBuffers(), (p) => sent.push(p));
    // 10,847 bytes a "form", about the seed's: 60 of them are 650,820 bytes, two full pieces and a last.
    const form = `{"projectName":"机关服务","indicators":"${"绩效".repeat(1800)}"},`;
    expect(Buffer.byteLength(form)).toBe(10_847);
    let text = "";
    for (let i = 0; i < 60; i++) {
      packer.put(form);
      text += form;
    }
    const last = packer.end();
    expect(sent.length).toBe(2);
    // Full, or up to 3 bytes short where the next character did not fit.
    for (const p of sent) expect(p.byteLength).toBeGreaterThan(PIECE_BYTES - 3);
    expect(last.byteLength).toBe(650_820 - sent[0]!.byteLength - sent[1]!.byteLength);
    expect(decode([...sent, last])).toBe(text);
  });

  it("splits a text longer than a buffer across pieces, never inside a character", () => {
    const sent: Uint8Array[] = [];
    const packer = new PiecePacker(new SpareBuffers(), (p) => sent.push(p));
    // 3 bytes a character, and one byte before them so that a buffer's end falls inside one: 1,500,001 bytes.
    const long = "x" + "绩".repeat(500_000);
    expect(packer.put(long)).toBe(true);
    const last = packer.end();
    expect(sent.length).toBe(5);
    expect(decode([...sent, last])).toBe(long);
    for (const p of [...sent, last]) expect(() => strict.decode(p)).not.toThrow();
  });

  it("fills a buffer given back, and makes a new one when none is", () => {
    const spares = new SpareBuffers();
    const sent: Uint8Array[] = [];
    const packer = new PiecePacker(spares, (p) => sent.push(p));
    packer.put("a".repeat(PIECE_BYTES + 10));
    expect(sent.length).toBe(1);
    const back = sent[0]!.buffer as ArrayBuffer;
    spares.give(back);
    // Fills the second buffer, 10 bytes in; it goes, and the rest starts the one given back.
    packer.put("b".repeat(PIECE_BYTES));
    expect(sent.length).toBe(2);
    expect(sent[1]!.buffer).not.toBe(back);
    expect(decode([sent[1]!])).toBe("a".repeat(10) + "b".repeat(PIECE_BYTES - 10));
    expect(packer.end().buffer).toBe(back);
    expect(decode([packer.end()])).toBe("b".repeat(10));
  });
});
