import { describe, expect, it } from "vitest";
import { safeNext } from "../identity/safe-next";
import { newJoinCode, normalizeJoinCode } from "./join-code";

describe("join codes", () => {
  it("accept any case, spaces and dashes; refuse look-alikes and wrong lengths", () => {
    const code = newJoinCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(normalizeJoinCode(` ${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `)).toBe(code);
    for (const bad of ["", "ABCDE", "ABCDE-FGHJKL", "ABCDE-FGHJ0", "ABCDE-FGHJI", "ABCDE/FGHJK"])
      expect(normalizeJoinCode(bad)).toBeNull();
  });
});

describe("next= after sign-in", () => {
  it("stays on this site", () => {
    expect(safeNext("/join/ABCDE-FGHJK")).toBe("/join/ABCDE-FGHJK");
    expect(safeNext("/classes?x=1", "/account")).toBe("/classes?x=1");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/a b",
      undefined,
      5,
    ])
      expect(safeNext(bad, "/account")).toBe("/account");
  });
});
