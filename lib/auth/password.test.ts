import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { hasRole, requireRole } from "./roles";
import { lockedForMs, waitAfterFailures } from "./throttle";
import { Username } from "./username";

describe("password hashes", () => {
  it("verify the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
  });

  it("refuse malformed hashes and costs this code never writes (a tampered row cannot stall sign-in)", async () => {
    const good = await hashPassword("correct horse battery");
    const [, , , , salt, key] = good.split("$");
    for (const bad of [
      "",
      "plain",
      `bcrypt$1$1$1$${salt}$${key}`,
      `scrypt$1073741824$8$1$${salt}$${key}`,
      `scrypt$32768$8$1$${salt}$`,
    ])
      expect(await verifyPassword("correct horse battery", bad)).toBe(false);
  });
});

describe("password policy", () => {
  it("asks for 10 characters, no common password, no pattern, not the username", () => {
    expect(passwordProblem("short", "ada")).toMatch(/at least 10/);
    expect(passwordProblem("x".repeat(257), "ada")).toMatch(/at most 256/);
    expect(passwordProblem("Password123", "ada")).toMatch(/common/);
    expect(passwordProblem("qwertyuiop", "ada")).toMatch(/common|pattern/);
    expect(passwordProblem("abcabcabcabc", "ada")).toMatch(/pattern/);
    expect(passwordProblem("9876543210", "ada")).toMatch(/common|pattern/);
    expect(passwordProblem("hello-ada-lovelace", "ada")).toMatch(/username/);
    expect(passwordProblem("correct horse battery", "ada")).toBeNull();
  });
});

describe("usernames and roles", () => {
  it("normalizes usernames and refuses odd ones", () => {
    expect(Username.parse("  Ada_L ")).toBe("ada_l");
    for (const bad of ["ab", "-ada", "a".repeat(33), "ada lovelace", "ädä", "../x"])
      expect(Username.safeParse(bad).success).toBe(false);
  });

  it("ranks admin over teacher over student", () => {
    const teacher = { id: "t", username: "t", role: "teacher" as const };
    expect(hasRole(teacher, "student")).toBe(true);
    expect(hasRole(teacher, "teacher")).toBe(true);
    expect(hasRole(teacher, "admin")).toBe(false);
    expect(hasRole(null, "student")).toBe(false);
    expect(requireRole(teacher, "teacher")).toBe(teacher);
    expect(() => requireRole(teacher, "admin")).toThrow(/admin/);
    expect(() => requireRole(null, "student")).toThrow(/Sign in/);
  });
});

describe("sign-in throttle", () => {
  it("lets 5 failures pass, then waits 30 s doubling to 15 min", () => {
    expect([0, 4, 5, 6, 7, 20].map(waitAfterFailures)).toEqual([0, 0, 30_000, 60_000, 120_000, 900_000]);
    const last = new Date(1_000_000);
    expect(lockedForMs({ failedSignIns: 5, lastFailedAt: last }, 1_000_000 + 10_000)).toBe(20_000);
    expect(lockedForMs({ failedSignIns: 5, lastFailedAt: last }, 1_000_000 + 31_000)).toBe(0);
    expect(lockedForMs({ failedSignIns: 3, lastFailedAt: last }, 1_000_000)).toBe(0);
  });
});
