import { describe, expect, it } from "vitest";
import { findLanguage, javaMainClass, LANGUAGES } from "./languages";

const file = (name: string, content = "") => ({ name, content: Buffer.from(content) });

describe("language registry", () => {
  it("has the 11 languages under Piston's names and aliases", () => {
    expect(LANGUAGES.map((l) => l.id).sort()).toEqual(
      ["bash", "c", "c++", "go", "java", "javascript", "php", "python", "ruby", "rust", "typescript"].sort(),
    );
    for (const [alias, id] of [
      ["py", "python"],
      ["js", "javascript"],
      ["node", "javascript"],
      ["ts", "typescript"],
      ["sh", "bash"],
      ["rb", "ruby"],
      ["golang", "go"],
      ["gcc", "c"],
      ["cpp", "c++"],
      ["g++", "c++"],
      ["rs", "rust"],
      ["PYTHON", "python"],
    ]) {
      expect(findLanguage(alias as string)?.id).toBe(id);
    }
  });

  it("compiles every C file together and links libm", () => {
    const plan = findLanguage("c")?.plan([file("main.c"), file("util.c"), file("util.h")], ["x"]);
    expect(plan?.compile).toEqual(expect.arrayContaining(["main.c", "util.c", "-lm"]));
    expect(plan?.compile).not.toContain("util.h");
    expect(plan?.run.at(-1)).toBe("x");
  });

  it("passes arguments after the entry file for interpreters", () => {
    expect(findLanguage("python")?.plan([file("main.py"), file("lib.py")], ["a", "b"]).run).toEqual([
      "python3",
      "main.py",
      "a",
      "b",
    ]);
  });
});

describe("java", () => {
  it("finds the class with main, package-qualified", () => {
    expect(
      javaMainClass("package app.x;\nclass Helper {}\npublic class Main { public static void main(String[] a) {} }"),
    ).toBe("app.x.Main");
    expect(javaMainClass("// class Fake\nclass Prog { static void main(String[] args) {} }")).toBe("Prog");
  });

  it("renames a file to match its public class", () => {
    const java = findLanguage("java");
    const files = java?.prepare?.([file("code.java", "public class Hello { public static void main(String[] a){} }")]);
    expect(files?.[0]?.name).toBe("Hello.java");
  });
});
