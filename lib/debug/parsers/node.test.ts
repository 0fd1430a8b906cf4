import { describe, expect, it } from "vitest";
import { nodeParser } from "./node";

const run = (stderr: string, files = ["main.js"]) => nodeParser.run?.(stderr, { files }) ?? null;

describe("node parser", () => {
  it("reads an error thrown from an ES module import", () => {
    const f = run(
      [
        "node:internal/process/esm_loader:40",
        "      internalBinding('errors').triggerUncaughtException(",
        "                                ^",
        "",
        "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'chalk' imported from /box/main.mjs",
        "    at new NodeError (node:internal/errors:405:5)",
        "    at packageResolve (node:internal/modules/esm/resolve:916:9) {",
        "  code: 'ERR_MODULE_NOT_FOUND'",
        "}",
        "",
        "Node.js v18.20.4",
      ].join("\n"),
      ["main.mjs"],
    );
    expect(f?.category).toBe("import");
    expect(f?.message.join("\n")).not.toContain("internalBinding");
  });

  it("maps null property reads and compiled TypeScript paths", () => {
    const f = run(
      [
        "/tmp/runbox/out/src/app.js:7",
        "    return cfg.port.value;",
        "                    ^",
        "",
        "TypeError: Cannot read properties of null (reading 'value')",
        "    at load (/tmp/runbox/out/src/app.js:7:21)",
        "    at Object.<anonymous> (/tmp/runbox/out/main.js:3:1)",
        "    at Module._compile (node:internal/modules/cjs/loader:1364:14)",
      ].join("\n"),
      ["main.ts", "src/app.ts"],
    );
    expect(f?.category).toBe("null_reference");
    expect(f?.locations[0]).toMatchObject({ file: "src/app.ts", line: 7, column: 21 });
    expect(f?.frames.map((x) => x.file)).toEqual(["main.ts", "src/app.ts"]);
  });

  it("knows a constructor that is not one and a heap that ran out", () => {
    expect(run("TypeError: Foo is not a constructor\n    at /box/main.js:2:1\n")?.category).toBe("undefined_function");
    const oom = run(
      "\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb7a940 node::Abort() [node]\n",
    );
    expect(oom?.category).toBe("memory");
  });

  it("does not take the program's own stderr for the error", () => {
    expect(run("warning: retrying\nstill going\n")).toBeNull();
  });
});
