import { describe, expect, it } from "vitest";
import { Checker, check } from "./checkers";

const c = (v: unknown) => Checker.parse(v);

describe("checkers", () => {
  it("exact compares byte for byte", () => {
    expect(check(c({ type: "exact" }), "a\n", "a\n")).toBe(true);
    expect(check(c({ type: "exact" }), "a\n", "a")).toBe(false);
    expect(check(c({ type: "exact" }), "a\n", "a \n")).toBe(false);
  });

  it("trimmed ignores trailing spaces, trailing blank lines and CRLF, not leading space or inner lines", () => {
    const t = c({ type: "trimmed" });
    expect(check(t, "1 2\n3\n", "1 2   \n3\n\n\n")).toBe(true);
    expect(check(t, "1 2\n3\n", "1 2\r\n3")).toBe(true);
    expect(check(t, "1 2\n3\n", " 1 2\n3\n")).toBe(false);
    expect(check(t, "1\n\n2\n", "1\n2\n")).toBe(false);
    expect(check(t, "", "\n\n")).toBe(true);
  });

  it("tokens ignores all whitespace between tokens", () => {
    const t = c({ type: "tokens" });
    expect(check(t, "1 2 3\n", "1\n2\t 3")).toBe(true);
    expect(check(t, "1 2 3", "1 2")).toBe(false);
    expect(check(t, "12", "1 2")).toBe(false);
  });

  it("float accepts numbers within absolute or relative tolerance", () => {
    const f = c({ type: "float", absTol: 1e-3, relTol: 1e-6 });
    expect(check(f, "3.1416\n", "3.14159")).toBe(true);
    expect(check(f, "3.1416", "3.15")).toBe(false);
    expect(check(f, "1e9", "1000000000.5")).toBe(true);
    expect(check(f, "avg 2.5", "avg 2.5000001")).toBe(true);
    expect(check(f, "avg 2.5", "mean 2.5")).toBe(false);
    expect(check(f, "1 2", "1")).toBe(false);
    expect(check(f, "nan", "nan")).toBe(true);
    expect(check(c({ type: "float" }), "0.1", "0.1000001")).toBe(true);
  });

  it("unordered-lines compares line multisets", () => {
    const u = c({ type: "unordered-lines" });
    expect(check(u, "a 1\nb 2\n", "b 2\na 1")).toBe(true);
    expect(check(u, "a 1\na 1\n", "a 1\n")).toBe(false);
    expect(check(u, "a 1\nb 2\n", "a 1\nb 3\n")).toBe(false);
  });
});

describe("Checker by name", () => {
  it("accepts a checker given by its name, with that checker's defaults", () => {
    expect(Checker.parse("tokens")).toEqual({ type: "tokens" });
    expect(Checker.parse("float")).toEqual({ type: "float", absTol: 1e-6, relTol: 1e-6 });
    expect(Checker.safeParse("nope").success).toBe(false);
  });
});

describe("checker cost", () => {
  it("stays linear on a long line of spaces that ends in a letter", () => {
    const line = `${" ".repeat(64 * 1024)}x`;
    const t0 = process.cpuUsage();
    expect(check({ type: "trimmed" }, "x\n", line)).toBe(false);
    const cpuMs = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
    expect(cpuMs).toBeLessThan(1000);
  });
});
