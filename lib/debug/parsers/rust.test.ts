import { describe, expect, it } from "vitest";
import { rustParser } from "./rust";

const ctx = (compileOutput?: string) => ({ files: ["main.rs"], compileOutput });
const compile = (out: string) => rustParser.compile?.(out, ctx()) ?? null;
const run = (out: string, compileOutput?: string) => rustParser.run?.(out, ctx(compileOutput)) ?? null;

describe("rust parser", () => {
  it("counts errors only, and tells a missing function from a missing value", () => {
    const f = compile(
      [
        "warning: unused variable: `x`",
        " --> main.rs:2:9",
        "  |",
        "2 |     let x = 1;",
        "  |         ^ help: if this is intentional, prefix it with an underscore: `_x`",
        "",
        "error[E0425]: cannot find function `greet` in this scope",
        " --> main.rs:3:5",
        "  |",
        "3 |     greet();",
        "  |     ^^^^^ not found in this scope",
        "",
        "error: aborting due to previous error; 1 warning emitted",
        "",
      ].join("\n"),
    );
    expect(f?.category).toBe("undefined_function");
    expect(f?.locations).toHaveLength(1);
    expect(f?.locations[0]).toMatchObject({ file: "main.rs", line: 3, column: 5 });
  });

  it("reads the panic format of newer Rust too", () => {
    const f = run(
      "\nthread 'main' panicked at main.rs:4:20:\nindex out of bounds: the len is 3 but the index is 5\nnote: run with `RUST_BACKTRACE=1`\n",
    );
    expect(f?.category).toBe("index");
    expect(f?.locations[0]).toMatchObject({ file: "main.rs", line: 4, column: 20 });
  });

  it("reads an unwrapped Err and a failed allocation", () => {
    const err = run(
      "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }', main.rs:5:38\n",
    );
    expect(err?.kind).toBe("unwrap_err");
    expect(run("memory allocation of 4294967296 bytes failed\n")?.category).toBe("memory");
  });

  it("locates a stack overflow with rustc's recursion warning", () => {
    const warning = "warning: function cannot return without recursing\n --> main.rs:7:1\n  |\n7 | fn f() {\n";
    const f = run("\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n", warning);
    expect(f?.category).toBe("recursion");
    expect(f?.locations[0]).toMatchObject({ file: "main.rs", line: 7 });
  });
});
