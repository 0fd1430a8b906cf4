import { describe, expect, it } from "vitest";
import { BLOB_BROTLI_JSON, BLOB_JSON, COMPRESS_FROM_BYTES, decodeBlob, encodeBlob } from "./blob";

describe("stored blobs", () => {
  it("keeps small values as plain JSON behind a marker byte", async () => {
    const value = { v: 1, text: "héllo 🎉", n: [1, 2, 3], none: null };
    const blob = await encodeBlob(value);
    expect(blob[0]).toBe(BLOB_JSON);
    expect(Buffer.from(blob.subarray(1)).toString("utf8")).toBe(JSON.stringify(value));
    expect(await decodeBlob(blob)).toEqual(value);
  });

  it("compresses large values and reads them back exactly, lone surrogates included", async () => {
    const text = `${"ünïcödé ⚠ 💥 ".repeat(20_000)}\uD800 tail \uDC00\u0000\u0001`;
    const blob = await encodeBlob({ text });
    expect(blob[0]).toBe(BLOB_BROTLI_JSON);
    expect(blob.byteLength).toBeLessThan(Buffer.byteLength(text) / 50);
    expect(await decodeBlob(blob)).toEqual({ text });
  });

  it("compresses from the threshold on", async () => {
    const at = await encodeBlob("x".repeat(COMPRESS_FROM_BYTES));
    const below = await encodeBlob("x".repeat(COMPRESS_FROM_BYTES - 10));
    expect(at[0]).toBe(BLOB_BROTLI_JSON);
    expect(below[0]).toBe(BLOB_JSON);
  });

  it("refuses a marker it does not know instead of guessing", async () => {
    await expect(decodeBlob(Uint8Array.from([9, 123, 125]))).rejects.toThrow(/unknown format/);
    await expect(decodeBlob(new Uint8Array())).rejects.toThrow(/unknown format/);
  });
});
