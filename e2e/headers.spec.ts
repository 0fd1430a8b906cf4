import { expect, test } from "./fixtures";

test("pages carry a nonce-based CSP and the security headers", async ({ request }) => {
  const res = await request.get("/");
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  // Monaco's workers come from our own origin (a same-origin bootstrap), not from blob: URLs.
  expect(csp).toContain("worker-src 'self';");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // A new nonce for every response.
  const again = (await request.get("/")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
});

test("only the embed view of a share may be framed", async ({ request }) => {
  const embed = (await request.get("/s/any-slug-000000000000?embed=1")).headers();
  expect(embed["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed["x-frame-options"]).toBeUndefined();
  const full = (await request.get("/s/any-slug-000000000000")).headers();
  expect(full["x-frame-options"]).toBe("DENY");
});

test("API answers are never documents", async ({ request }) => {
  const h = (await request.get("/api/health")).headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["content-security-policy"]).toContain("default-src 'none'");
  const bad = await request.post("/api/v1/runs", {
    data: "{not json",
    headers: { "content-type": "application/json" },
  });
  expect(bad.status()).toBe(400);
  const text = await bad.text();
  expect(text).not.toMatch(/\bat [\w.]+ \(|node_modules|\.ts:\d+/);
});
