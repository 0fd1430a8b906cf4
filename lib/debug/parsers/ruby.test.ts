import { describe, expect, it } from "vitest";
import { rubyParser } from "./ruby";

const run = (stderr: string, files = ["main.rb"]) => rubyParser.run?.(stderr, { files }) ?? null;

describe("ruby parser", () => {
  it("lists every syntax error", () => {
    const f = run(
      "main.rb:3: syntax error, unexpected ')'\n  puts (1 + )\n            ^\nmain.rb:7: syntax error, unexpected `end', expecting end-of-input\n",
    );
    expect(f?.category).toBe("syntax");
    expect(f?.locations.map((l) => l.line)).toEqual([3, 7]);
  });

  it("reads nil in both the 3.1 and the 3.4 wording", () => {
    const old = run("main.rb:2:in `<main>': undefined method `upcase' for nil:NilClass (NoMethodError)\n");
    const next = run("main.rb:2:in '<main>': undefined method 'upcase' for nil (NoMethodError)\n");
    expect(old?.category).toBe("null_reference");
    expect(next?.category).toBe("null_reference");
  });

  it("locates a failed require_relative in the user's file", () => {
    const f = run(
      "main.rb:1:in `require_relative': cannot load such file -- /box/lib/util (LoadError)\n\tfrom main.rb:1:in `<main>'\n",
    );
    expect(f?.category).toBe("import");
    expect(f?.locations[0]).toMatchObject({ file: "main.rb", line: 1 });
  });

  it("leaves a custom exception uncategorised but located", () => {
    const f = run("main.rb:4:in `check': negative (RuntimeError)\n\tfrom main.rb:7:in `<main>'\n");
    expect(f?.category).toBe("exit_code");
    expect(f?.kind).toBe("RuntimeError");
    expect(f?.frames.map((x) => x.line)).toEqual([7, 4]);
  });
});
