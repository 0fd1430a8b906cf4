import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findLanguage, isCompiled } from "@/lib/sandbox/languages";
import { execute } from "../support/engine";
import { expectNoContainersLeft } from "./helpers";
import { CASES, UNICODE_LINE } from "./language-cases";

const imagesDir = path.resolve(__dirname, "../../images");

function imageTestProgram(id: string) {
  const dir = path.join(imagesDir, id === "c++" ? "cpp" : id, "test");
  const entry = fs.readdirSync(dir).find((n) => n !== "expected.txt");
  if (!entry) throw new Error(`no test program in ${dir}`);
  return {
    files: [{ name: entry, content: fs.readFileSync(path.join(dir, entry), "utf8") }],
    expected: fs.readFileSync(path.join(dir, "expected.txt"), "utf8"),
  };
}

describe.each(CASES)("$id", (c) => {
  const run = (files: { name: string; content: string }[], extra: object = {}) =>
    execute({ language: c.id, files, ...extra });
  const lang = findLanguage(c.id);
  const compiled = lang ? isCompiled(lang) : false;

  describe.concurrent("programs", () => {
    it("runs the image's own test program", async () => {
      const { files, expected } = imageTestProgram(c.id);
      const r = await run(files, { stdin: "Runbox\n" });
      expect(r.run?.stderr).toBe("");
      expect(r.status).toBe("ok");
      expect(r.run?.stdout).toBe(expected);
      expect(r.version).toMatch(/^\d+(\.\d+)+/);
    });

    it("reads stdin and arguments", async () => {
      const r = await run(c.echo, { stdin: "Ada Lovelace\nsecond line\n", args: ["one", "two words"] });
      expect(r.run?.stdout).toBe("Ada Lovelace|one,two words\n");
      expect(r.status).toBe("ok");
      if (compiled) expect(r.compile?.exitCode).toBe(0);
      else expect(r.compile).toBeUndefined();
    });

    it("prints non-ASCII text intact", async () => {
      const r = await run(c.unicode);
      expect(r.run?.stdout).toBe(`${UNICODE_LINE}\n`);
    });

    it("keeps stderr apart from stdout", async () => {
      const r = await run(c.streams);
      expect(r.run?.stdout).toBe("out\n");
      expect(r.run?.stderr).toBe("err\n");
      expect(r.run?.output).toBe("out\nerr\n");
    });

    it("passes the exit code through", async () => {
      const r = await run(c.exit3);
      expect(r.run?.exitCode).toBe(3);
      expect(r.run?.signal).toBeNull();
      expect(r.status).toBe("runtime_error");
    });

    it("builds a program from several files", async () => {
      const r = await run(c.multi);
      expect(r.compile?.stderr ?? "").not.toMatch(/error/i);
      expect(r.run?.stdout).toBe("42\n");
    });

    it.runIf(c.compileError)("reports a compile error as a compile-stage failure", async () => {
      const r = await run(c.compileError ?? []);
      expect(r.status).toBe("compile_error");
      expect(r.compile?.exitCode).not.toBe(0);
      expect(r.compile?.output.length).toBeGreaterThan(0);
      expect(r.run).toBeUndefined();
    });
  });
});

it("leaves no container behind", async () => {
  await expectNoContainersLeft();
});
