import { describe, expect, it } from "vitest";
import { gccParser } from "./gcc";

const compile = (out: string, files = ["main.cpp"]) => gccParser.compile?.(out, { files }) ?? null;
const run = (out: string, files = ["main.c"]) => gccParser.run?.(out, { files }) ?? null;

describe("gcc parser", () => {
  it("sees a forgotten #include behind a missing std:: name", () => {
    const f = compile(
      [
        "main.cpp: In function ‘int main()’:",
        "main.cpp:3:10: error: ‘vector’ is not a member of ‘std’",
        "    3 |     std::vector<int> v;",
        "      |          ^~~~~~",
        "main.cpp:2:1: note: ‘std::vector’ is defined in header ‘<vector>’; did you forget to ‘#include <vector>’?",
      ].join("\n"),
    );
    expect(f?.category).toBe("import");
  });

  it("calls an undeclared name followed by ( an undefined function", () => {
    const f = compile(
      "main.cpp:4:5: error: ‘greet’ was not declared in this scope\n    4 |     greet();\n      |     ^~~~~\n",
    );
    expect(f?.category).toBe("undefined_function");
  });

  it("counts errors, not warnings, and reads headers included from the user's files", () => {
    const f = compile(
      [
        "In file included from main.cpp:1:",
        "shapes.hpp:3:1: error: expected ‘;’ after class definition",
        "main.cpp:5:9: warning: unused variable ‘x’ [-Wunused-variable]",
        "main.cpp:8:3: error: ‘y’ was not declared in this scope",
      ].join("\n"),
      ["main.cpp", "shapes.hpp"],
    );
    expect(f?.category).toBe("syntax");
    expect(f?.locations.map((l) => `${l.file}:${l.line}`)).toEqual(["shapes.hpp:3", "main.cpp:8"]);
  });

  it("reads a missing main and older binutils' one-line undefined reference", () => {
    const f = compile(
      "/usr/bin/ld: /usr/lib/x86_64-linux-gnu/Scrt1.o: in function `_start':\n(.text+0x17): undefined reference to `main'\ncollect2: error: ld returned 1 exit status\n",
      ["main.c"],
    );
    expect(f?.kind).toBe("no_main");
    const g = compile(
      "/usr/bin/ld: main.o: in function `main':\n/usr/bin/ld: main.c:(.text+0x9): undefined reference to `foo'\n",
    );
    expect(g?.title).toBe("undefined reference to 'foo'");
  });

  it("reads libc's crash messages", () => {
    expect(run("*** stack smashing detected ***: terminated\n")?.category).toBe("index");
    expect(run("free(): double free detected in tcache 2\n")?.kind).toBe("heap");
    expect(
      run("terminate called after throwing an instance of 'std::bad_alloc'\n  what():  std::bad_alloc\n")?.category,
    ).toBe("memory");
    expect(
      run("terminate called after throwing an instance of 'std::invalid_argument'\n  what():  stoi\n")?.category,
    ).toBe("type");
  });
});
