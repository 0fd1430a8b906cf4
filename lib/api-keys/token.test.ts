import { describe, expect, it } from "vitest";
import { KeyName } from "./key-name";
import { displayKey, isApiKeyToken, keyHashOf, newApiKeyToken } from "./token";

describe("API key tokens", () => {
  it("are rbx_ and 43 base62 characters (256 bits), stored as their SHA-256", () => {
    const { token, hash, prefix } = newApiKeyToken();
    expect(token).toMatch(/^rbx_[0-9A-Za-z]{43}$/);
    expect(isApiKeyToken(token)).toBe(true);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(keyHashOf(token));
    expect(prefix).toBe(token.slice(4, 12));
    expect(displayKey(prefix)).toBe(`${token.slice(0, 12)}…`);
  });

  it("are different every time and use the whole alphabet", () => {
    const tokens = Array.from({ length: 200 }, () => newApiKeyToken().token);
    expect(new Set(tokens).size).toBe(200);
    const seen = new Set(tokens.flatMap((t) => [...t.slice(4)]));
    expect(seen.size).toBe(62);
  });

  it("are recognised by shape only", () => {
    for (const bad of [
      "",
      "rbx_",
      `rbx_${"a".repeat(42)}`,
      `rbx_${"a".repeat(44)}`,
      `RBX_${"a".repeat(43)}`,
      `rbx_${"-".repeat(43)}`,
      `rbx_${"a".repeat(42)}\n`,
    ])
      expect(isApiKeyToken(bad)).toBe(false);
  });
});

describe("key names", () => {
  it("are trimmed, 1 to 60 characters, without control characters", () => {
    expect(KeyName.parse("  grading script ")).toBe("grading script");
    for (const bad of ["", "   ", "x".repeat(61), "a\nb", "a\u0000b", "a\u007fb"])
      expect(KeyName.safeParse(bad).success).toBe(false);
    expect(KeyName.parse("élève 🙂")).toBe("élève 🙂");
  });
});
