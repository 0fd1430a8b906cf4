import { describe, expect, it } from "vitest";
import { goParser } from "./go";

const ctx = { files: ["main.go", "util.go"] };
const compile = (out: string) => goParser.compile?.(out, ctx) ?? null;
const run = (out: string) => goParser.run?.(out, ctx) ?? null;

describe("go parser", () => {
  it("puts an unused import after the real error", () => {
    const f = compile(
      '# command-line-arguments\n./main.go:3:8: "os" imported and not used\n./main.go:9:2: undefined: fmtt\n./main.go:12:1: too many errors\n',
    );
    expect(f?.category).toBe("name");
    expect(f?.locations.map((l) => l.line)).toEqual([9, 3]);
  });

  it("reads a custom panic with its goroutine's frames", () => {
    const f = run(
      [
        "panic: config missing",
        "",
        "goroutine 1 [running]:",
        "main.load(...)",
        "\t/box/util.go:7",
        "main.main()",
        "\t/box/main.go:5 +0x25",
        "exit status 2",
      ].join("\n"),
    );
    expect(f?.category).toBe("exit_code");
    expect(f?.kind).toBe("panic");
    expect(f?.locations[0]).toMatchObject({ file: "util.go", line: 7 });
    expect(f?.frames.map((x) => x.function)).toEqual(["main.main", "main.load"]);
  });

  it("knows slices and deadlocks", () => {
    expect(run("panic: runtime error: slice bounds out of range [:5] with capacity 3\n")?.category).toBe("index");
    const dead = run(
      "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\nmain.main()\n\t/box/main.go:6 +0x31\n",
    );
    expect(dead?.kind).toBe("deadlock");
    expect(dead?.locations[0]?.line).toBe(6);
  });
});
