import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ExerciseDefinition } from "@/lib/judge/exercise";
import { readExerciseFolder, readExerciseFolders, readSolutions } from "@/lib/judge/exercise-files";
import { type JudgeMode, judge as judgeWith } from "@/lib/judge/judge";
import { parseSolution } from "@/lib/judge/solution";
import { engine } from "../support/engine";
import { doubler } from "./exercise-fixtures";

/** Validate the solution as the routes do, then judge it with the test process's engine. */
const judge = (ex: ExerciseDefinition, solution: unknown, mode: JudgeMode) =>
  judgeWith(engine(), ex, parseSolution(engine(), ex, solution), mode);

const root = path.resolve(__dirname, "../../exercises");
const exercises = readExerciseFolders(root);

describe("seeded exercises", () => {
  it("has at least 13 exercises, each with visible and hidden tests and two reference languages", () => {
    expect(exercises.length).toBeGreaterThanOrEqual(13);
    for (const ex of exercises) {
      expect(
        ex.tests.some((t) => !t.hidden),
        ex.slug,
      ).toBe(true);
      expect(
        ex.tests.some((t) => t.hidden),
        ex.slug,
      ).toBe(true);
      expect(readSolutions(path.join(root, ex.slug)).length, ex.slug).toBeGreaterThanOrEqual(2);
    }
  });

  describe.concurrent.each(exercises.map((ex) => [ex.slug, ex] as const))("%s", (slug, ex) => {
    it.each(readSolutions(path.join(root, slug)).map((s) => [s.language, s] as const))(
      "accepts the %s reference solution",
      async (_language, solution) => {
        const result = await judge(ex, solution, "submit");
        const failures = result.tests.filter((t) => t.verdict !== "AC").map((t) => `#${t.index} ${t.verdict}`);
        expect(failures).toEqual([]);
        expect(result.verdict).toBe("AC");
        expect(result.score).toBe(result.maxScore);
      },
    );
  });
});

describe.concurrent("verdicts", () => {
  const py = (code: string) => ({ language: "python", files: [{ name: "main.py", content: code }] });
  const cases: [string, { language: string; files: { name: string; content: string }[] }, string][] = [
    ["a correct solution", py("print(int(input()) * 2)"), "AC"],
    ["a wrong answer", py("print(int(input()) * 3)"), "WA"],
    ["an output flood", py("while True: print('x' * 1000)"), "OLE"],
    ["a slow solution", py("while True: pass"), "TLE"],
    ["a memory hog", py("x = bytearray(512 * 1024 * 1024)"), "MLE"],
    ["a crash", py("raise RuntimeError('boom')"), "RE"],
    ["a compile error", { language: "c", files: [{ name: "main.c", content: "int main(void) { return x; }" }] }, "CE"],
  ];
  it.each(cases)("gives %s its verdict", async (_name, solution, verdict) => {
    const result = await judge(doubler, solution, "submit");
    expect(result.verdict).toBe(verdict);
    if (verdict === "AC") expect(result.score).toBe(5);
    else expect(result.tests[0]?.verdict).toBe(verdict);
  });

  it("scores partial solutions by points and reports the first failing test's verdict", async () => {
    const result = await judge(doubler, py("n = int(input())\nprint(n * 2 if n > 0 else 0)"), "submit");
    expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "AC", "WA"]);
    expect(result.verdict).toBe("WA");
    expect(result.score).toBe(3);
    expect(result.maxScore).toBe(5);
  });

  it("compiles once and runs every test in one container (C++)", async () => {
    const result = await judge(
      doubler,
      {
        language: "c++",
        files: [
          { name: "main.cpp", content: "#include <iostream>\nint main(){long n;std::cin>>n;std::cout<<2*n<<'\\n';}" },
        ],
      },
      "submit",
    );
    expect(result.compile?.exitCode).toBe(0);
    expect(result.tests.map((t) => t.verdict)).toEqual(["AC", "AC", "AC"]);
  });

  it("runs only the visible tests for samples", async () => {
    const result = await judge(doubler, py("print(int(input()) * 2)"), "samples");
    expect(result.tests.map((t) => t.index)).toEqual([0]);
  });

  it("never lets a submission see files another submission left", async () => {
    const first = await judge(
      doubler,
      py("import os\nopen('/tmp/mark','w').write('x')\nprint(int(input())*2)"),
      "submit",
    );
    expect(first.verdict).toBe("AC");
    const second = await judge(
      doubler,
      py("import os\nprint(int(input())*2 if not os.path.exists('/tmp/mark') else 'leak')"),
      "submit",
    );
    expect(second.verdict).toBe("AC");
  });
});

describe("exercise folders", () => {
  it("reads exercise folders strictly", () => {
    expect(() => readExerciseFolder(path.join(root, "does-not-exist"))).toThrow();
  });
});
