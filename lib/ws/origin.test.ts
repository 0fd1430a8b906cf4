import { describe, expect, it } from "vitest";
import { originAllowed } from "./origin";

describe("originAllowed", () => {
  it("lets only this origin's pages open the playground's socket", () => {
    expect(originAllowed("page", "http://127.0.0.1:3000", "127.0.0.1:3000")).toBe(true);
    expect(originAllowed("page", "https://RunBox.example", "runbox.example")).toBe(true);
    expect(originAllowed("page", "https://evil.example", "runbox.example")).toBe(false);
    expect(originAllowed("page", "http://127.0.0.1:3001", "127.0.0.1:3000")).toBe(false);
    expect(originAllowed("page", "https://runbox.example.evil.example", "runbox.example")).toBe(false);
    expect(originAllowed("page", undefined, "127.0.0.1:3000")).toBe(false);
    expect(originAllowed("page", "null", "127.0.0.1:3000")).toBe(false);
  });

  it("lets programs (no Origin) and this origin use the API sockets, never another site", () => {
    expect(originAllowed("api", undefined, "127.0.0.1:3000")).toBe(true);
    expect(originAllowed("api", "http://127.0.0.1:3000", "127.0.0.1:3000")).toBe(true);
    expect(originAllowed("api", "https://evil.example", "127.0.0.1:3000")).toBe(false);
    expect(originAllowed("api", "null", "127.0.0.1:3000")).toBe(false);
    expect(originAllowed("api", "chrome-extension://abc", "abc")).toBe(false);
    expect(originAllowed("api", "http://127.0.0.1:3000", undefined)).toBe(false);
  });
});
