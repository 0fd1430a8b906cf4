import { describe, expect, it } from "vitest";
import { tsCategory, typescriptParser } from "./typescript";

const compile = (stdout: string, files = ["main.ts"]) => typescriptParser.compile?.(stdout, { files }) ?? null;

describe("typescript parser", () => {
  it("groups diagnostic codes by what a learner did wrong", () => {
    expect(tsCategory(2304)).toBe("name");
    expect(tsCategory(2552)).toBe("name");
    expect(tsCategory(2322)).toBe("type");
    expect(tsCategory(2345)).toBe("type");
    expect(tsCategory(1005)).toBe("syntax");
    expect(tsCategory(1128)).toBe("syntax");
    expect(tsCategory(2307)).toBe("import");
    expect(tsCategory(2532)).toBe("null_reference");
    expect(tsCategory(18048)).toBe("null_reference");
    expect(tsCategory(2349)).toBe("undefined_function");
    expect(tsCategory(2393)).toBe("compile");
  });

  it("keeps continuation lines with their error and every location", () => {
    const f = compile(
      [
        "main.ts(2,1): error TS2349: This expression is not callable.",
        "  Type 'String' has no call signatures.",
        "lib/a (copy).ts(9,3): error TS2532: Object is possibly 'undefined'.",
        "",
      ].join("\n"),
      ["main.ts", "lib/a (copy).ts"],
    );
    expect(f?.category).toBe("undefined_function");
    expect(f?.locations).toEqual([
      { file: "main.ts", line: 2, column: 1, message: "TS2349: This expression is not callable." },
      { file: "lib/a (copy).ts", line: 9, column: 3, message: "TS2532: Object is possibly 'undefined'." },
    ]);
    expect(f?.message).toContain("  Type 'String' has no call signatures.");
  });

  it("reports an error without a file", () => {
    const f = compile("error TS6053: File '/box/nope.ts' not found.\n");
    expect(f?.category).toBe("compile");
    expect(f?.locations).toEqual([]);
  });
});
