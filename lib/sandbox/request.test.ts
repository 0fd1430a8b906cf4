import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors";
import { fileNameProblem, parseExecuteRequest } from "./request";

const ok = { language: "python", files: [{ name: "main.py", content: "print(1)" }] };

function fails(input: unknown): ValidationError {
  try {
    parseExecuteRequest(input);
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error("expected a ValidationError");
}

describe("fileNameProblem", () => {
  it.each([
    ["/etc/passwd", "relative"],
    ["../x.py", ".."],
    ["a/../../x", ".."],
    ["a\u0000b", "control"],
    ["a\nb", "control"],
    ["", "empty"],
    ["x".repeat(300), "at most"],
    ["a\\b", "/"],
  ])("rejects %j", (name, word) => {
    expect(fileNameProblem(name)).toContain(word);
  });

  it.each(["main.py", "src/util.py", "Main.java", "données.txt"])("accepts %j", (name) => {
    expect(fileNameProblem(name)).toBeUndefined();
  });
});

describe("parseExecuteRequest", () => {
  it("fills defaults", () => {
    const req = parseExecuteRequest(ok);
    expect(req).toMatchObject({ version: "*", stdin: "", args: [], env: {}, limits: {}, network: false });
  });

  it("rejects duplicate file names", () => {
    const err = fails({ ...ok, files: [ok.files[0], ok.files[0]] });
    expect(err.fieldErrors["files.1.name"]).toMatch(/Two files/);
  });

  it("rejects an empty file list and a missing language with a message", () => {
    expect(fails({ ...ok, files: [] }).message).toMatch(/at least one file/);
    expect(fails({ files: ok.files }).fieldErrors.language).toBeTruthy();
  });

  it("rejects oversized stdin, source, args and env before anything runs", () => {
    const big = "x".repeat(1024 * 1024 + 1);
    expect(fails({ ...ok, stdin: big }).fieldErrors.stdin).toMatch(/at most/);
    expect(fails({ ...ok, files: [{ name: "a.py", content: big }] }).fieldErrors.files).toMatch(/at most/);
    expect(fails({ ...ok, args: Array(65).fill("a") }).fieldErrors.args).toMatch(/at most 64/);
    expect(fails({ ...ok, env: { A: "x".repeat(17000) } }).fieldErrors.env).toMatch(/at most/);
  });

  it("refuses reserved or malformed environment names", () => {
    expect(fails({ ...ok, env: { PATH: "/x" } }).fieldErrors["env.PATH"]).toMatch(/set by Runbox/);
    expect(fails({ ...ok, env: { LD_PRELOAD: "/x" } }).fieldErrors["env.LD_PRELOAD"]).toBeTruthy();
    expect(fails({ ...ok, env: { "1BAD": "x" } }).fieldErrors["env.1BAD"]).toMatch(/letters/);
  });

  it("refuses limits above the server maximum and network when not allowed", () => {
    expect(fails({ ...ok, limits: { timeoutMs: 10_000_000 } }).fieldErrors["limits.timeoutMs"]).toMatch(/at most/);
    expect(fails({ ...ok, limits: { bogus: 1 } }).message).toBeTruthy();
    expect(fails({ ...ok, network: true }).fieldErrors.network).toMatch(/turned off/);
  });

  it("checks base64 content", () => {
    expect(
      fails({ ...ok, files: [{ name: "a.py", content: "!!!", encoding: "base64" }] }).fieldErrors["files.0.content"],
    ).toMatch(/base64/);
  });
});
