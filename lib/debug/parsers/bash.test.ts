import { describe, expect, it } from "vitest";
import { bashParser } from "./bash";

const run = (stderr: string, files = ["main.sh"]) => bashParser.run?.(stderr, { files }) ?? null;

describe("bash parser", () => {
  it("reads an unexpected end of file", () => {
    const f = run("main.sh: line 6: syntax error: unexpected end of file\n");
    expect(f?.category).toBe("syntax");
    expect(f?.locations[0]).toMatchObject({ file: "main.sh", line: 6 });
  });

  it("takes the first error as the cause and keeps the rest as locations", () => {
    const f = run("main.sh: line 2: [: too many arguments\nmain.sh: line 5: nope: command not found\n");
    expect(f?.category).toBe("type");
    expect(f?.locations.map((l) => l.line)).toEqual([2, 5]);
  });

  it("tells a missing script from a missing command", () => {
    expect(run("main.sh: line 1: ./setup.sh: No such file or directory\n")?.category).toBe("import");
    expect(run("main.sh: line 1: ./tool: No such file or directory\n")?.category).toBe("command_not_found");
  });

  it("ignores lines that only look like errors", () => {
    expect(run("total: line 3: of the report\n")).toBeNull();
  });
});
