import { describe, expect, it } from "vitest";
import { sniffType } from "./sniff";

const b = (s: string | number[]) => (typeof s === "string" ? Buffer.from(s) : Buffer.from(s));

describe("sniffType: from the bytes, never the name", () => {
  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], "image/png"],
    [[0xff, 0xd8, 0xff, 0xe0, 1], "image/jpeg"],
    [b("GIF89a....").toJSON().data, "image/gif"],
    [b("%PDF-1.7\n").toJSON().data, "application/pdf"],
    [[0, 1, 2, 3, 0xff], "application/octet-stream"],
  ])("%j → %s", (bytes, type) => {
    expect(sniffType(Buffer.from(bytes as number[]))).toBe(type);
  });

  it("recognises SVG after an XML declaration and comments, and text and CSV", () => {
    expect(sniffType(b('<?xml version="1.0"?>\n<!-- x -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe(
      "image/svg+xml",
    );
    expect(sniffType(b("x,y\n1,2\n3,4\n"))).toBe("text/csv");
    expect(sniffType(b("hello\nworld\n"))).toBe("text/plain");
    // HTML is text, never something a page would render.
    expect(sniffType(b("<html><script>alert(1)</script></html>"))).toBe("text/plain");
  });
});
