import { describe, expect, it } from "vitest";
import { reportToMarkdown } from "./markdown";
import type { DebugReport } from "./types";

const report: DebugReport = {
  category: "name",
  stage: "run",
  title: "NameError: name 'mesage' is not defined",
  message: "Traceback (most recent call last):\n  ```\nNameError: name 'mesage' is not defined",
  locations: [{ file: "main.py", line: 4, message: "NameError: name 'mesage' is not defined" }],
  frames: [
    { file: "main.py", line: 6, function: "<module>" },
    { file: "main.py", line: 4, function: "greet" },
  ],
  hint: "Python reads names top to bottom.",
};

describe("reportToMarkdown", () => {
  it("has the headline, the message in a fence it cannot break, the places and the hint", () => {
    const md = reportToMarkdown(report, "python");
    expect(md.startsWith("### NameError: name 'mesage' is not defined\n")).toBe(true);
    expect(md).toContain("**Python**, while running: unknown name");
    expect(md).toContain("````text\nTraceback");
    // The location's message is the headline again: not repeated.
    expect(md).toContain("- `main.py:4`\n");
    expect(md).toContain("1. `main.py:6` in `<module>`");
    expect(md).toContain("**Hint:** Python reads names top to bottom.");
  });

  it("a syntax error an interpreter found is reported as before running, not while running", () => {
    const md = reportToMarkdown({ ...report, category: "syntax", title: "IndentationError: expected" }, "python");
    expect(md).toContain("**Python**, before running: syntax error");
  });

  it("leaves out empty sections", () => {
    const md = reportToMarkdown({ ...report, message: "", locations: [], frames: [] }, "c++");
    expect(md).not.toContain("```");
    expect(md).not.toContain("**Where**");
    expect(md).toContain("**C++**");
  });
});
