/**
 * "Your program asked for more input than it was given", for every language, through the real
 * engine and the recording path the APIs use: each language's first program (ask a name, greet)
 * run with an empty Input box. Some languages raise (Python, Java, Ruby, Rust), the others carry
 * on with an empty value and end "ok" (C, C++, Go, PHP, Bash, JavaScript, TypeScript): every one
 * gets the same report.
 */
import { describe, expect, it } from "vitest";
import { runAndRecord } from "@/lib/runs/run-and-record";
import { engine } from "../support/engine";

const GREETERS: [string, string, string][] = [
  ["python", "main.py", 'name = input("Name? ")\nprint("Hello, " + name + "!")\n'],
  [
    "javascript",
    "main.js",
    'const rl = require("readline").createInterface({ input: process.stdin });\nrl.question("Name? ", (name) => {\n  console.log("Hello, " + name + "!");\n  rl.close();\n});\n',
  ],
  [
    "typescript",
    "main.ts",
    'import * as readline from "node:readline";\nconst rl = readline.createInterface({ input: process.stdin });\nrl.question("Name? ", (name: string) => {\n  console.log("Hello, " + name + "!");\n  rl.close();\n});\n',
  ],
  [
    "c",
    "main.c",
    '#include <stdio.h>\nint main(void) {\n  char name[64] = "";\n  printf("Name? ");\n  scanf("%63s", name);\n  printf("Hello, %s!\\n", name);\n  return 0;\n}\n',
  ],
  [
    "c++",
    "main.cpp",
    '#include <iostream>\n#include <string>\nint main() {\n  std::string name;\n  std::cout << "Name? ";\n  std::cin >> name;\n  std::cout << "Hello, " << name << "!\\n";\n}\n',
  ],
  [
    "java",
    "Main.java",
    'import java.util.Scanner;\npublic class Main {\n  public static void main(String[] args) {\n    Scanner in = new Scanner(System.in);\n    System.out.print("Name? ");\n    String name = in.nextLine();\n    System.out.println("Hello, " + name + "!");\n  }\n}\n',
  ],
  ["ruby", "main.rb", 'print "Name? "\nname = gets.chomp\nputs "Hello, #{name}!"\n'],
  [
    "go",
    "main.go",
    'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar name string\n\tfmt.Print("Name? ")\n\tfmt.Scanln(&name)\n\tfmt.Printf("Hello, %s!\\n", name)\n}\n',
  ],
  [
    "rust",
    "main.rs",
    'use std::io;\nfn main() {\n    let mut line = String::new();\n    println!("How old are you?");\n    io::stdin().read_line(&mut line).unwrap();\n    let age: u32 = line.trim().parse().unwrap();\n    println!("Next year: {}", age + 1);\n}\n',
  ],
  ["php", "main.php", '<?php\necho "Name? ";\n$name = trim(fgets(STDIN));\necho "Hello, $name!\\n";\n'],
  ["bash", "main.sh", 'echo -n "Name? "\nread -r name\necho "Hello, $name!"\n'],
];

describe("a program that asks for input and gets none", () => {
  for (const [language, name, content] of GREETERS) {
    it(`${language}: the report says it asked for more input than it was given`, async () => {
      const e = engine();
      const { result, debug } = await runAndRecord(e, e.parse({ language, files: [{ name, content }] }), {
        source: "api",
      });
      expect(debug, JSON.stringify(result.run)).toMatchObject({
        category: "input",
        title: "Your program asked for more input than it was given",
      });
      expect(debug?.hint).toMatch(/given no input at all.*terminal.*Input box/);
    });
  }

  it("says nothing about a program that was given what it asked for", async () => {
    const e = engine();
    const [, name, content] = GREETERS.find(([l]) => l === "c") ?? [];
    const { result, debug } = await runAndRecord(
      e,
      e.parse({ language: "c", files: [{ name, content }], stdin: "Ana\n" }),
      { source: "api" },
    );
    expect(result.run?.stdout).toBe("Name? Hello, Ana!\n");
    expect(debug).toBeNull();
  });
});
