import { describe, expect, it } from "vitest";
import { similarityReport } from "./report";
import { tokenize } from "./tokenize";
import { winnow } from "./winnow";

const ORIGINAL = `# read numbers and print the sum of the even ones
n = int(input())
values = list(map(int, input().split()))
total = 0
for v in values:
    if v % 2 == 0:
        total += v
print(total)
`;
// The same program with every name changed, other comments, other spacing.
const RENAMED = `count=int(input())   # how many
nums=list(map(int,input().split()))
acc=0
for x in nums:
  if x%2==0:
    acc+=x
print(acc)
`;
const DIFFERENT = `import sys
data = sys.stdin.read().split()
print(sum(int(t) for t in data[1:] if int(t) % 2 == 0))
`;

describe("tokens and fingerprints", () => {
  it("drop comments and whitespace and make every identifier alike", () => {
    expect(tokenize(ORIGINAL, "python").map((t) => t.kind)).toEqual(tokenize(RENAMED, "python").map((t) => t.kind));
    expect(tokenize("x = 'a # not a comment' // 3 /* c */", "python").map((t) => t.kind)).toEqual([
      "I",
      "=",
      "S",
      "/",
      "/",
      "N",
      "/",
      "*",
      "I",
      "*",
      "/",
    ]);
    expect(tokenize("int a = 1; // note\n/* block */ a++;", "c").map((t) => t.kind)).toEqual([
      "int",
      "I",
      "=",
      "N",
      ";",
      "I",
      "+",
      "+",
      ";",
    ]);
  });

  it("keep one fingerprint per window at least, and none for tiny files", () => {
    const tokens = tokenize(ORIGINAL, "python");
    const prints = winnow(tokens);
    expect(prints.length).toBeGreaterThan(tokens.length / 8);
    for (let i = 0; i + 4 <= tokens.length - 4; i++) expect(prints.some((p) => p.at >= i && p.at < i + 4)).toBe(true);
    expect(winnow(tokenize("x", "python"))).toEqual([]);
  });

  it("stays linear on hostile input (an unclosed comment, one long string)", () => {
    expect(tokenize(`/*${"*".repeat(100_000)}`, "c")).toEqual([]);
    expect(tokenize(`"${"\\\\".repeat(50_000)}`, "javascript")).toHaveLength(1);
  });
});

describe("similarity reports", () => {
  const subs = [
    { id: "1", owner: "ada", language: "python", code: ORIGINAL },
    { id: "2", owner: "bob", language: "python", code: RENAMED },
    { id: "3", owner: "cy", language: "python", code: DIFFERENT },
    { id: "4", owner: "dee", language: "c", code: ORIGINAL },
  ];

  it("pairs a renamed copy, not an independent solution nor another language", () => {
    const { pairs, compared } = similarityReport(subs);
    expect(compared).toBe(4);
    expect(pairs.map((p) => [p.a.owner, p.b.owner])).toEqual([["ada", "bob"]]);
    expect(pairs[0]?.similarity).toBe(1);
    // The highlighted regions cover the copied code, in each side's own offsets.
    const [start, end] = pairs[0]?.bRegions[0] ?? [0, 0];
    expect(RENAMED.slice(start, end)).toContain("nums=list(map(int,input().split()))");
  });

  it("does not count the starter code everyone was given", () => {
    const { pairs } = similarityReport(subs.slice(0, 2), { starter: { python: ORIGINAL } });
    expect(pairs).toEqual([]);
  });

  it("ignores code most of a big class shares, but not a copy between two of them", () => {
    // What the whole class writes alike (reading input), longer than anyone's own part.
    const shared = [
      "import sys",
      "def read_all():",
      "    data = sys.stdin.read().split()",
      "    n = int(data[0])",
      "    rows = [list(map(int, data[1 + i * 3: 4 + i * 3])) for i in range(n)]",
      "    return n, rows",
      "n, rows = read_all()",
      "for row in rows:",
      "    if not row: continue",
      "    a0, a1, a2 = row[0], row[1], row[2]",
      "    a3, a4, a5 = a0 + a1, a1 * a2, a2 - a0",
      "",
    ].join("\n");
    // Each student's own part: expressions whose operators a per-student generator picks.
    const ops = ["+", "-", "*", "/", "%", "<", ">", "&", "|", "^"];
    const own = (i: number) => {
      let seed = i * 7919 + 17;
      const op = () => {
        seed = (seed * 48271) % 2147483647;
        return ops[seed % ops.length];
      };
      const lines = Array.from(
        { length: 8 },
        (_, k) => `    x${k} = (${Array.from({ length: 6 }, (_, j) => `a${j} ${op()}`).join(" ")} 1)\n`,
      );
      return shared + lines.join("");
    };
    const many = Array.from({ length: 14 }, (_, i) => ({
      id: String(i),
      owner: `s${i}`,
      language: "python",
      code: own(i),
    }));
    expect(similarityReport(many, { threshold: 0.5 }).pairs).toEqual([]);
    const copied = [...many, { id: "copy", owner: "copier", language: "python", code: own(5).replaceAll("x", "y") }];
    expect(similarityReport(copied, { threshold: 0.5 }).pairs.map((p) => [p.a.owner, p.b.owner])).toEqual([
      ["s5", "copier"],
    ]);
  });
});
