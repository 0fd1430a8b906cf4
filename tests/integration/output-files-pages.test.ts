/**
 * Files out of a run, through the built server: a playground run hands back what its program
 * wrote under /box/out, the run page and its share (page and embed) show the images as <img>
 * only, and the file routes serve each file inert (sniffed type, nosniff, a sandboxing CSP,
 * attachments for all but images), to the run's owner only, and a share its own snapshot only.
 */
import { nanoid } from "nanoid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getRun } from "@/lib/db/runs";
import { FILE_CSP } from "@/lib/http/file-csp";
import { signOwnerId } from "@/lib/identity/owner-token";
import { callAction, startServer, type TestServer } from "./server-process";

/** Only in the SVG's bytes (sent base64 in the program): a page that contains it inlined the file. */
const MARKER = "inlined-svg-7f3a";
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert('${MARKER}')"><script>alert('${MARKER}')</script><rect width="40" height="20" fill="teal"/></svg>`;
const HTML = `<!doctype html><html><body><script>alert('${MARKER}')</script></body></html>`;
const NASTY = `"><img src=x onerror=alert(1)>.csv`;
const b64 = (s: string) => Buffer.from(s).toString("base64");

/** Writes: an SVG with a script, HTML named .png, a CSV with a hostile name, binary bytes. */
const PROGRAM = [
  "import base64",
  `open('/box/out/evil.svg', 'wb').write(base64.b64decode('${b64(SVG)}'))`,
  `open('/box/out/page.png', 'wb').write(base64.b64decode('${b64(HTML)}'))`,
  `open('/box/out/' + base64.b64decode('${b64(NASTY)}').decode(), 'w').write('a,b\\n1,2\\n')`,
  "open('/box/out/data.bin', 'wb').write(bytes(range(256)))",
  "print('wrote 4 files')",
].join("\n");

let server: TestServer;
const alice = nanoid();
const bob = nanoid();
const cookie = (owner: string) => `runbox_owner=${signOwnerId(owner)}`;
const get = (path: string, owner?: string, headers: Record<string, string> = {}) =>
  fetch(`${server.base}${path}`, { headers: { ...headers, ...(owner ? { cookie: cookie(owner) } : {}) } });

/** A playground run (as the Run button starts it, with a terminal), waited for in the database. */
async function playgroundRun(owner: string, code: string): Promise<string> {
  const started = await callAction(
    server.base,
    "/",
    "startRun",
    [{ language: "python", files: [{ name: "main.py", content: code }] }, { terminal: { rows: 24, cols: 80 } }],
    { cookie: cookie(owner) },
  );
  const { id } = started.result as { ok: true; id: string };
  for (let i = 0; i < 240; i++) {
    if ((await getRun(id))?.status !== "running") return id;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the run did not finish");
}

async function share(owner: string, runId: string): Promise<string> {
  const answer = await callAction(server.base, `/runs/${runId}`, "shareRun", [runId], { cookie: cookie(owner) });
  return (answer.result as { ok: true; slug: string }).slug;
}

/** Every <img> of a page, as src strings. */
const imgSources = (html: string) => [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]);

beforeAll(async () => {
  server = await startServer({
    RUNBOX_POOL_SIZE: "0",
    RUNBOX_POOL_PREWARM: "",
    // This test reads many files from one address; page-view limits are tested elsewhere.
    RUNBOX_PAGE_RATE_LIMIT_PER_MINUTE: "100000",
  });
});

afterAll(async () => {
  await server?.stop();
  const client = await db();
  await client.share.deleteMany({ where: { ownerId: { in: [alice, bob] } } });
  await client.run.deleteMany({ where: { ownerId: { in: [alice, bob] } } });
});

describe("files out of a run on pages", () => {
  let runId = "";
  let slug = "";
  const index: Record<string, number> = {};

  it("stores what a playground run wrote, typed by its bytes and counted in its size", async () => {
    runId = await playgroundRun(alice, PROGRAM);
    const run = await getRun(runId);
    expect(run?.status).toBe("ok");
    const files = run?.run?.files ?? [];
    expect(files.map((f) => [f.name, f.type])).toEqual([
      [NASTY, "text/csv"],
      ["data.bin", "application/octet-stream"],
      ["evil.svg", "image/svg+xml"],
      ["page.png", "text/plain"],
    ]);
    files.forEach((f, i) => {
      index[f.name] = i;
    });
    const row = await (await db()).run.findUnique({ where: { id: runId }, select: { sizeBytes: true } });
    expect(row?.sizeBytes).toBeGreaterThan(SVG.length + HTML.length + 256);
  });

  it("shows the images as <img> from the file route on the run page, never the file's markup", async () => {
    const res = await get(`/runs/${runId}`, alice);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(imgSources(html)).toEqual([`/api/runs/${runId}/files/${index["evil.svg"]}`]);
    for (const name of ["evil.svg", "page.png", "data.bin"]) expect(html).toContain(name);
    expect(html).toContain(`/api/runs/${runId}/files/${index[NASTY]}?download=1`);
    expect(html).not.toContain(MARKER);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<svg");
  });

  it("serves an SVG inert: its type, nosniff, a CSP with no script and a sandbox, never cached", async () => {
    const res = await get(`/api/runs/${runId}/files/${index["evil.svg"]}`, alice);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("sandbox");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src/);
    expect(csp).toBe(FILE_CSP);
    expect(res.headers.get("content-disposition")).toBe("inline; filename=\"evil.svg\"; filename*=UTF-8''evil.svg");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.text()).toBe(SVG);
    const download = await get(`/api/runs/${runId}/files/${index["evil.svg"]}?download=1`, alice);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="evil.svg"/);
  });

  it("never serves HTML as a page, whatever its name; other bytes are attachments of a safe type", async () => {
    const html = await get(`/api/runs/${runId}/files/${index["page.png"]}`, alice);
    expect(html.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(html.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(html.headers.get("x-content-type-options")).toBe("nosniff");
    const bin = await get(`/api/runs/${runId}/files/${index["data.bin"]}`, alice);
    expect(bin.headers.get("content-type")).toBe("application/octet-stream");
    expect(Buffer.from(await bin.arrayBuffer())).toEqual(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
    const csv = await get(`/api/runs/${runId}/files/${index[NASTY]}?download=1`, alice);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="[\w.-]+"; filename\*=UTF-8''[A-Za-z0-9._~%-]+$/,
    );
    expect(await csv.text()).toBe("a,b\n1,2\n");
  });

  it("refuses the run's files to anyone else (404) and bad file numbers (400 or 404, never 500)", async () => {
    const path = `/api/runs/${runId}/files/${index["evil.svg"]}`;
    expect((await get(path, bob)).status).toBe(404);
    expect((await get(path)).status).toBe(404);
    expect((await get(`/api/runs/${"x".repeat(65)}/files/0`, alice)).status).toBe(404);
    // "%2e%2e" is ".." once decoded: the URL then names no route at all.
    expect([400, 404]).toContain((await get(`/api/runs/${runId}/files/%2e%2e`, alice)).status);
    for (const bad of ["-1", "01", "1.5", "abc", "1e1", "123456", "%00"]) {
      const res = await get(`/api/runs/${runId}/files/${bad}`, alice);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.message, bad).toMatch(/whole number/);
    }
    const missing = await get(`/api/runs/${runId}/files/4`, alice);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe("This run has 4 files (0 to 3); there is no file 4.");
    expect((await get(`${path}?download=yes`, alice)).status).toBe(400);
  });

  it("shows and serves the same files from a share (page and embed), its own snapshot only", async () => {
    slug = await share(alice, runId);
    for (const page of [`/s/${slug}`, `/s/${slug}?embed=1`]) {
      const res = await get(page);
      expect(res.status, page).toBe(200);
      const html = await res.text();
      expect(imgSources(html), page).toEqual([`/api/shares/${slug}/files/${index["evil.svg"]}`]);
      expect(html, page).toContain(`/api/shares/${slug}/files/${index["data.bin"]}?download=1`);
      expect(html, page).not.toContain(MARKER);
      expect(html, page).not.toContain("<svg");
    }
    const svg = await get(`/api/shares/${slug}/files/${index["evil.svg"]}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(svg.headers.get("content-security-policy")).toContain("sandbox");
    expect(svg.headers.get("cache-control")).toBe("public, no-cache");
    expect(svg.headers.get("set-cookie")).toBeNull();
    expect(await svg.text()).toBe(SVG);
    const etag = svg.headers.get("etag") ?? "";
    expect(
      (await get(`/api/shares/${slug}/files/${index["evil.svg"]}`, undefined, { "if-none-match": etag })).status,
    ).toBe(304);
    expect((await get(`/api/shares/${slug}/files/${index["page.png"]}`)).headers.get("content-type")).toBe(
      "text/plain; charset=utf-8",
    );

    // Bob's share holds one file: its number 3 is not Alice's fourth file, and its 0 is Bob's.
    const bobsRun = await playgroundRun(bob, "open('/box/out/mine.txt', 'w').write('bob')\n");
    const bobsSlug = await share(bob, bobsRun);
    expect((await get(`/api/shares/${bobsSlug}/files/3`)).status).toBe(404);
    expect(await (await get(`/api/shares/${bobsSlug}/files/0`)).text()).toBe("bob");
    expect((await get(`/api/shares/${bobsSlug}/files/abc`)).status).toBe(400);
    expect((await get(`/api/shares/${"x".repeat(70)}/files/0`)).status).toBe(404);
  });

  it("keeps a share's files when its run is deleted, and drops them when the share is revoked", async () => {
    await (await db()).run.delete({ where: { id: runId } });
    expect((await get(`/api/runs/${runId}/files/0`, alice)).status).toBe(404);
    expect(await (await get(`/api/shares/${slug}/files/${index["evil.svg"]}`)).text()).toBe(SVG);
    const revoked = await callAction(server.base, `/s/${slug}`, "revokeShare", [slug], { cookie: cookie(alice) });
    expect(revoked.result).toEqual({ ok: true });
    expect((await get(`/api/shares/${slug}/files/${index["evil.svg"]}`)).status).toBe(404);
  });
});
