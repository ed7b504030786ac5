/** A worker's JSON pieces are encoded into buffers the main thread gives back (spare-buffers.ts). */
import { describe, expect, it } from "vitest";
import { SpareBuffers } from "../../src/batch/spare-buffers.js";

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe("spare buffers", () => {
  it("encodes into a buffer given back, and the view covers just the text", () => {
    const spares = new SpareBuffers();
    const first = spares.encode('{"projectName":"机关服务"}');
    expect(decode(first)).toBe('{"projectName":"机关服务"}');
    expect(first.byteLength).toBe(Buffer.byteLength('{"projectName":"机关服务"}'));
    const buffer = first.buffer as ArrayBuffer;
    spares.give(buffer);
    const second = spares.encode("项目支出绩效自评表");
    expect(second.buffer).toBe(buffer);
    expect(decode(second)).toBe("项目支出绩效自评表");
  });

  it("gives text too long for a spare a buffer of its own, and keeps the spare", () => {
    const spares = new SpareBuffers();
    const spare = spares.encode("x").buffer as ArrayBuffer;
    spares.give(spare);
    // 400 K characters of three UTF-8 bytes each: 1.2 MB, past a spare's 1 MiB.
    const long = "绩".repeat(400_000);
    const encoded = spares.encode(long);
    expect(encoded.buffer).not.toBe(spare);
    expect(encoded.byteLength).toBe(1_200_000);
    expect(decode(encoded)).toBe(long);
    expect(spares.encode("y").buffer).toBe(spare);
  });

  it("makes a new buffer when none was given back", () => {
    const spares = new SpareBuffers();
    const a = spares.encode("a");
    const b = spares.encode("b");
    expect(a.buffer).not.toBe(b.buffer);
    expect([decode(a), decode(b)]).toEqual(["a", "b"]);
  });
});
