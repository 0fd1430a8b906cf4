import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRun } from "@/app/api/v1/runs/route";
import { POST as pistonExecute } from "@/app/api/v2/execute/route";

const g = globalThis as typeof globalThis & { __runboxRate?: unknown };

beforeAll(() => {
  // A fresh limiter with a tiny budget for this file only.
  process.env.RUNBOX_RATE_LIMIT_PER_MINUTE = "2";
  g.__runboxRate = undefined;
});
afterAll(() => {
  delete process.env.RUNBOX_RATE_LIMIT_PER_MINUTE;
  g.__runboxRate = undefined;
});

const req = (ip: string, body: unknown) =>
  new Request("http://127.0.0.1/api", {
    method: "POST",
    headers: { "content-type": "application/json", "x-runbox-client-ip": ip },
    body: JSON.stringify(body),
  });

describe("rate limits", () => {
  it("counts runs per address with RateLimit headers, then answers 429 with Retry-After", async () => {
    const body = { language: "python", files: [{ name: "main.py", content: "print(1)" }] };
    const first = await createRun(req("10.9.9.1", body));
    expect(first.status).toBe(200);
    expect(first.headers.get("RateLimit-Limit")).toBe("2");
    expect(first.headers.get("RateLimit-Remaining")).toBe("1");
    expect((await createRun(req("10.9.9.1", body))).status).toBe(200);
    const third = await createRun(req("10.9.9.1", body));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await third.json()).error.code).toBe("rate_limited");
    // Another address has its own budget; Piston's shape for its own API.
    expect((await createRun(req("10.9.9.2", body))).status).toBe(200);
    const piston = { language: "python", version: "*", files: [{ content: "print(1)" }] };
    await pistonExecute(req("10.9.9.3", piston));
    await pistonExecute(req("10.9.9.3", piston));
    const limited = await pistonExecute(req("10.9.9.3", piston));
    expect(limited.status).toBe(429);
    expect(Object.keys(await limited.json())).toEqual(["message"]);
  });
});
