import { describe, expect, it } from "vitest";
import { phpParser } from "./php";

const run = (out: string, files = ["main.php"]) => phpParser.run?.(out, { files }) ?? null;

describe("php parser", () => {
  it("reads errors printed on stdout without the PHP prefix", () => {
    const f = run(
      "\nFatal error: Uncaught Error: Call to undefined function greet() in /box/main.php:3\nStack trace:\n#0 {main}\n  thrown in /box/main.php on line 3\n",
    );
    expect(f?.category).toBe("undefined_function");
    expect(f?.locations[0]).toMatchObject({ file: "main.php", line: 3 });
  });

  it("reads a parse error at the end of the file", () => {
    const f = run("PHP Parse error:  Unclosed '{' on line 3 in /box/main.php on line 9\n");
    expect(f?.category).toBe("syntax");
    expect(f?.locations[0]?.line).toBe(9);
  });

  it("names argument-count errors as type errors and builds frames from calls", () => {
    const f = run(
      [
        "PHP Fatal error:  Uncaught ArgumentCountError: Too few arguments to function add(), 1 passed in /box/main.php on line 6 and exactly 2 expected in /box/lib/math.php:3",
        "Stack trace:",
        "#0 /box/main.php(6): add()",
        "#1 {main}",
        "  thrown in /box/lib/math.php on line 3",
      ].join("\n"),
      ["main.php", "lib/math.php"],
    );
    expect(f?.category).toBe("type");
    expect(f?.locations[0]).toMatchObject({ file: "lib/math.php", line: 3 });
    expect(f?.frames).toEqual([
      { file: "main.php", line: 6, function: "{main}" },
      { file: "lib/math.php", line: 3, function: "add" },
    ]);
  });

  it("uses a warning when nothing fatal happened", () => {
    const f = run("PHP Warning:  Undefined array key 5 in /box/main.php on line 4\n");
    expect(f?.category).toBe("index");
  });
});
