import { describe, expect, it } from "vitest";
import { bearsProxyMarks } from "./proxy-marks";

describe("bearsProxyMarks", () => {
  it("sees what common reverse proxies add, even alone and empty", () => {
    for (const h of [
      { "x-forwarded-for": "203.0.113.9" },
      { forwarded: "for=203.0.113.9" },
      { "x-real-ip": "203.0.113.9" },
      { "x-forwarded-proto": "https" },
      { "x-forwarded-host": "runbox.example" },
      { via: "1.1 nginx" },
      { "cf-connecting-ip": "203.0.113.9" },
      { "true-client-ip": "203.0.113.9" },
      { "x-real-ip": "" },
      { "x-client-ip": "203.0.113.9" },
      { "x-forwarded-port": "443" },
      { "x-forwarded-server": "edge" },
      { "forwarded-for": "203.0.113.9" },
      { "client-ip": "203.0.113.9" },
      { "x-cluster-client-ip": "203.0.113.9" },
      { "x-original-forwarded-for": "203.0.113.9" },
    ])
      expect(bearsProxyMarks(h), JSON.stringify(h)).toBe(true);
  });
  it("not in a direct request (Prometheus on this machine)", () => {
    expect(bearsProxyMarks({ host: "127.0.0.1:3000", "user-agent": "Prometheus/2.53", accept: "text/plain" })).toBe(
      false,
    );
  });
});
