import { describe, expect, it } from "vitest";
import { javaParser } from "./java";

const compile = (out: string, files = ["Main.java"]) => javaParser.compile?.(out, { files }) ?? null;
const run = (out: string, files = ["Main.java"]) => javaParser.run?.(out, { files }) ?? null;

describe("java parser", () => {
  it("takes the root cause of a wrapped exception", () => {
    const f = run(
      [
        'Exception in thread "main" java.lang.RuntimeException: load failed',
        "\tat Main.main(Main.java:9)",
        'Caused by: java.lang.NumberFormatException: For input string: "abc"',
        "\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)",
        "\tat java.base/java.lang.Integer.parseInt(Integer.java:668)",
        "\tat Main.parse(Main.java:4)",
        "\t... 1 more",
      ].join("\n"),
    );
    expect(f?.kind).toBe("NumberFormatException");
    expect(f?.locations[0]).toMatchObject({ file: "Main.java", line: 4 });
  });

  it("maps a renamed file back to the user's name", () => {
    const f = run('Exception in thread "main" java.lang.NullPointerException\n\tat Main.main(Main.java:3)\n', [
      "main.java",
    ]);
    expect(f?.locations[0]?.file).toBe("main.java");
  });

  it("knows threads running out and a missing main class", () => {
    const threads = run(
      'Exception in thread "main" java.lang.OutOfMemoryError: unable to create native thread: possibly out of memory or process/resource limits reached\n\tat java.base/java.lang.Thread.start0(Native Method)\n\tat Main.main(Main.java:5)\n',
    );
    expect(threads?.category).toBe("process_limit");
    expect(
      run("Error: Could not find or load main class Main\nCaused by: java.lang.ClassNotFoundException: Main\n")?.kind,
    ).toBe("main_class");
  });

  it("calls an unknown class symbol a name with a class hint", () => {
    const f = compile(
      "Main.java:3: error: cannot find symbol\n        Scanner in = new Scanner(System.in);\n        ^\n  symbol:   class Scanner\n  location: class Main\n1 error\n",
    );
    expect(f?.category).toBe("name");
    expect(f?.kind).toBe("class_symbol");
    expect(f?.title).toBe("cannot find symbol (class Scanner)");
  });
});
