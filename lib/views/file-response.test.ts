import { describe, expect, it } from "vitest";
import type { OutputFile } from "../sandbox/types";
import { dispositionNames, FILE_CSP, fileResponse, parseFileRequest } from "./file-response";

const file = (name: string, bytes: Buffer | string, type = "image/png"): OutputFile => {
  const b = Buffer.from(bytes);
  return { name, size: b.length, type, content: b.toString("base64") };
};
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
const get = (headers: Record<string, string> = {}) => new Request("http://x/f", { headers });

describe("parseFileRequest", () => {
  it("takes whole numbers without sign or leading zeros, and download=1 only", () => {
    expect(parseFileRequest("http://x/f", "0")).toEqual({ index: 0, download: false });
    expect(parseFileRequest("http://x/f?download=1", "7")).toEqual({ index: 7, download: true });
    for (const bad of ["", "-1", "01", "1.5", "1e2", "abc", "..", "%2e", "99999", " 1"]) {
      const r = parseFileRequest("http://x/f", bad);
      expect(r, bad).toBeInstanceOf(Response);
      expect((r as Response).status, bad).toBe(400);
    }
    expect((parseFileRequest("http://x/f?download=yes", "0") as Response).status).toBe(400);
  });
});

describe("dispositionNames", () => {
  it("keeps quotes, markup, folders and non-ASCII out of the quoted name", () => {
    const names = dispositionNames('"><img src=x onerror=alert(1)>\r\n.csv');
    expect(names).toMatch(/^filename="[\w.-]+"; filename\*=UTF-8''[A-Za-z0-9._~%-]+$/);
    expect(dispositionNames("plots/sine wave é.png")).toBe(
      "filename=\"plots_sine_wave__.png\"; filename*=UTF-8''plots_sine%20wave%20%C3%A9.png",
    );
  });
});

describe("fileResponse", () => {
  it("serves an image inline with its sniffed type, nosniff and a CSP that runs nothing", async () => {
    const res = fileResponse(get(), [file("plot.png", PNG)], { index: 0, download: false }, "private");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toBe("inline; filename=\"plot.png\"; filename*=UTF-8''plot.png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe(FILE_CSP);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
  });

  it("decides the type from the bytes, whatever the name or the stored type say", () => {
    const files = [
      file("x.png", "<!doctype html><html><script>alert(1)</script></html>", "image/png"),
      file("y.png", SVG, "image/png"),
      file("z.txt", Buffer.from([0, 1, 2, 3, 255]), "text/plain"),
    ];
    const answer = (index: number) => fileResponse(get(), files, { index, download: false }, "private").headers;
    expect(answer(0).get("content-type")).toBe("text/plain; charset=utf-8");
    expect(answer(0).get("content-disposition")).toMatch(/^attachment;/);
    expect(answer(1).get("content-type")).toBe("image/svg+xml");
    expect(answer(1).get("content-security-policy")).toContain("sandbox");
    expect(answer(2).get("content-type")).toBe("application/octet-stream");
    expect(answer(2).get("content-disposition")).toMatch(/^attachment;/);
  });

  it("is an attachment when a download is asked for", () => {
    const res = fileResponse(get(), [file("p.svg", SVG)], { index: 0, download: true }, "private");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="p.svg"/);
  });

  it("answers 404 for a file the run does not have", async () => {
    const res = fileResponse(get(), [file("a.png", PNG)], { index: 1, download: false }, "private");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "This run has 1 file (0 to 0); there is no file 1." },
    });
  });

  it("lets a share's file be cached, and revalidated by its ETag", () => {
    const files = [file("a.png", PNG)];
    const first = fileResponse(get(), files, { index: 0, download: false }, "immutable");
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const again = fileResponse(get({ "if-none-match": etag }), files, { index: 0, download: false }, "immutable");
    expect(again.status).toBe(304);
    expect(again.headers.get("content-type")).toBeNull();
  });
});
