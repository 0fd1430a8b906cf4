import { describe, expect, it } from "vitest";
import { pythonParser } from "./python";

const run = (stderr: string, files = ["main.py"]) => pythonParser.run?.(stderr, { files }) ?? null;

describe("python parser", () => {
  it("reads the last exception of a chained traceback, with its own frames", () => {
    const f = run(
      [
        "Traceback (most recent call last):",
        '  File "/box/main.py", line 3, in load',
        "    return data[key]",
        "           ~~~~^^^^^",
        "KeyError: 'port'",
        "",
        "During handling of the above exception, another exception occurred:",
        "",
        "Traceback (most recent call last):",
        '  File "/box/main.py", line 8, in <module>',
        "    load({}, 'port')",
        '  File "/box/main.py", line 5, in load',
        "    raise ValueError('no port')",
        "ValueError: no port",
        "",
      ].join("\n"),
    );
    expect(f?.title).toBe("ValueError: no port");
    expect(f?.category).toBe("exit_code");
    expect(f?.kind).toBe("ValueError");
    expect(f?.locations[0]).toMatchObject({ file: "main.py", line: 5 });
    expect(f?.frames.map((x) => x.line)).toEqual([8, 5]);
  });

  it("drops standard-library frames and points at the user's innermost line", () => {
    const f = run(
      [
        "Traceback (most recent call last):",
        '  File "/box/main.py", line 2, in <module>',
        '    json.loads("{")',
        '  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads',
        "    return _default_decoder.decode(s)",
        "           ^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "json.decoder.JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
      ].join("\n"),
    );
    expect(f?.locations[0]).toMatchObject({ file: "main.py", line: 2 });
    expect(f?.frames).toHaveLength(1);
    expect(f?.message.join("\n")).not.toContain("/usr/lib");
    expect(f?.kind).toBe("JSONDecodeError");
  });

  it("finds a syntax error in an imported module", () => {
    const f = run(
      [
        "Traceback (most recent call last):",
        '  File "/box/main.py", line 1, in <module>',
        "    import helper",
        '  File "/box/helper.py", line 4',
        "    return x +",
        "              ^",
        "SyntaxError: invalid syntax",
      ].join("\n"),
      ["main.py", "helper.py"],
    );
    expect(f?.category).toBe("syntax");
    expect(f?.locations[0]).toMatchObject({ file: "helper.py", line: 4 });
  });

  it("treats a None that slipped in as a null reference", () => {
    const f = run(
      [
        "Traceback (most recent call last):",
        '  File "main.py", line 3, in <module>',
        "    print(row[0])",
        "          ~~~^^^",
        "TypeError: 'NoneType' object is not subscriptable",
      ].join("\n"),
    );
    expect(f?.category).toBe("null_reference");
  });

  it("tells a missing method from a missing attribute by the source line", () => {
    const tb = (code: string) =>
      `Traceback (most recent call last):\n  File "main.py", line 2, in <module>\n    ${code}\nAttributeError: 'list' object has no attribute 'push'\n`;
    expect(run(tb("xs.push(1)"))?.category).toBe("undefined_function");
    expect(run(tb("print(xs.push)"))?.category).toBe("name");
  });

  it("knows input() at the end of stdin", () => {
    const f = run(
      'Traceback (most recent call last):\n  File "main.py", line 1, in <module>\n    n = int(input())\n            ^^^^^^^\nEOFError: EOF when reading a line\n',
    );
    expect(f?.kind).toBe("EOFError");
    expect(f?.locations[0]?.line).toBe(1);
  });

  it("ignores output that is not a traceback", () => {
    expect(run("usage: main.py FILE\n")).toBeNull();
    expect(run("")).toBeNull();
  });
});
