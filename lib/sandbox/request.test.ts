import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors";
import type { Limits } from "./limits";
import { fileNameProblem, parseExecuteRequest, type RequestRules } from "./request";

const ok = { language: "python", files: [{ name: "main.py", content: "print(1)" }] };
const limits: Limits = {
  timeoutMs: 5000,
  compileTimeoutMs: 20000,
  cpuTimeMs: 5000,
  compileCpuTimeMs: 20000,
  memoryMb: 256,
  compileMemoryMb: 768,
  cpus: 1,
  pids: 64,
  outputKb: 64,
  tmpMb: 64,
  nofile: 256,
};
const RULES: RequestRules = {
  bounds: { defaults: limits, maxima: { ...limits, timeoutMs: 30000, cpus: 2 } },
  allowNetwork: false,
};
const parse = (input: unknown) => parseExecuteRequest(input, RULES);

function fails(input: unknown): ValidationError {
  try {
    parse(input);
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
    ["-c", "option"],
    ["@o.c", "option"],
    ["--help.py", "option"],
    ["\u202egnp.exe", "direction"],
    ["a\u200bb.py", "invisible"],
    ["x\u2066.csv", "direction"],
  ])("rejects %j", (name, word) => {
    expect(fileNameProblem(name)).toContain(word);
  });

  it.each(["main.py", "src/util.py", "Main.java", "données.txt", "日本語.py", "نص.txt"])("accepts %j", (name) => {
    expect(fileNameProblem(name)).toBeUndefined();
  });
});

describe("parseExecuteRequest", () => {
  it("fills defaults", () => {
    const req = parse(ok);
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

  it("refuses limits below what Docker and the runtimes can honour", () => {
    expect(fails({ ...ok, limits: { memoryMb: 4 } }).fieldErrors["limits.memoryMb"]).toMatch(/at least 16 MB/);
    expect(fails({ ...ok, limits: { cpus: 1e-12 } }).fieldErrors["limits.cpus"]).toMatch(/at least 0.05/);
    expect(fails({ ...ok, limits: { cpus: 0.0001 } }).fieldErrors["limits.cpus"]).toMatch(/at least/);
    expect(fails({ ...ok, limits: { timeoutMs: 1 } }).fieldErrors["limits.timeoutMs"]).toMatch(/at least/);
  });

  it("refuses lone UTF-16 surrogates in every text field", () => {
    const lone = "a\ud800b";
    expect(fails({ ...ok, stdin: lone }).fieldErrors.stdin).toMatch(/surrogate/);
    expect(fails({ ...ok, files: [{ name: "main.py", content: lone }] }).fieldErrors["files.0.content"]).toMatch(
      /surrogate/,
    );
    expect(fails({ ...ok, files: [{ name: `m${lone}.py`, content: "" }] }).fieldErrors["files.0.name"]).toMatch(
      /surrogate/,
    );
    expect(fails({ ...ok, args: [lone] }).fieldErrors.args).toMatch(/surrogate/);
    expect(fails({ ...ok, env: { A: lone } }).fieldErrors["env.A"]).toMatch(/surrogate/);
    // A correctly paired surrogate (an emoji) is fine.
    expect(parse({ ...ok, stdin: "\ud83d\ude00" }).stdin).toBe("😀");
  });

  it("says why a Go entry file named *_test.go cannot run", () => {
    const err = fails({ language: "go", files: [{ name: "prog_test.go", content: "package main" }] });
    expect(err.fieldErrors["files.0.name"]).toMatch(/_test\.go/);
  });

  it("checks base64 content", () => {
    expect(
      fails({ ...ok, files: [{ name: "a.py", content: "!!!", encoding: "base64" }] }).fieldErrors["files.0.content"],
    ).toMatch(/base64/);
  });
});
