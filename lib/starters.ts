/**
 * The program the editor offers for each language: small, but real (input, a loop, a
 * function), so a newcomer sees how the language reads stdin and prints. Python's draws a plot
 * and writes a CSV, so a newcomer sees files out of a run (the gallery and downloads); only this
 * program pays for importing Matplotlib, a plain print imports nothing.
 */
export const STARTERS: Record<string, { name: string; content: string }> = {
  python: {
    name: "main.py",
    content: `# A sine wave. plt.show() saves the plot into /box/out, and every file
# the program writes there shows up under the output.
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(0, 2 * np.pi, 100)
y = np.sin(x)

plt.plot(x, y)
plt.title("y = sin(x)")
plt.show()

with open("/box/out/sine.csv", "w") as f:
    f.write("x,y\\n")
    for a, b in zip(x, y):
        f.write(f"{a:.4f},{b:.4f}\\n")

print(f"Plotted {len(x)} points; the highest is y = {y.max():.3f}.")
`,
  },
  javascript: {
    name: "main.js",
    content: `const input = require("fs").readFileSync(0, "utf8").trim();
const name = input || "world";

function fizzbuzz(n) {
  if (n % 15 === 0) return "FizzBuzz";
  if (n % 3 === 0) return "Fizz";
  if (n % 5 === 0) return "Buzz";
  return String(n);
}

console.log(\`Hello, \${name}!\`);
console.log(Array.from({ length: 15 }, (_, i) => fizzbuzz(i + 1)).join(", "));
`,
  },
  typescript: {
    name: "main.ts",
    content: `import { readFileSync } from "fs";

interface Person {
  name: string;
  languages: string[];
}

const name: string = readFileSync(0, "utf8").trim() || "world";
const people: Person[] = [
  { name, languages: ["TypeScript"] },
  { name: "Ada", languages: ["Analytical Engine"] },
];

for (const p of people) {
  console.log(\`\${p.name} writes \${p.languages.join(" and ")}\`);
}
`,
  },
  bash: {
    name: "main.sh",
    content: `#!/usr/bin/env bash
read -r name
name=\${name:-world}
echo "Hello, $name!"

for i in $(seq 1 5); do
  printf '%d squared is %d\\n' "$i" $((i * i))
done
`,
  },
  ruby: {
    name: "main.rb",
    content: `name = $stdin.gets.to_s.strip
name = "world" if name.empty?
puts "Hello, #{name}!"

words = %w[apple banana cherry apple cherry apple]
counts = words.tally.sort_by { |_, n| -n }
counts.each { |word, n| puts "#{word}: #{n}" }
`,
  },
  go: {
    name: "main.go",
    content: `package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func fib(n int) int {
	a, b := 0, 1
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	return a
}

func main() {
	line, _ := bufio.NewReader(os.Stdin).ReadString('\\n')
	name := strings.TrimSpace(line)
	if name == "" {
		name = "world"
	}
	fmt.Printf("Hello, %s!\\n", name)
	for i := 1; i <= 10; i++ {
		fmt.Printf("fib(%d) = %d\\n", i, fib(i))
	}
}
`,
  },
  c: {
    name: "main.c",
    content: `#include <stdio.h>
#include <string.h>

static unsigned long factorial(unsigned n) {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

int main(void) {
  char name[64] = "world";
  if (fgets(name, sizeof name, stdin)) name[strcspn(name, "\\n")] = '\\0';
  if (name[0] == '\\0') strcpy(name, "world");
  printf("Hello, %s!\\n", name);
  for (unsigned i = 1; i <= 10; i++) printf("%u! = %lu\\n", i, factorial(i));
  return 0;
}
`,
  },
  "c++": {
    name: "main.cpp",
    content: `#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main() {
  std::string name;
  std::getline(std::cin, name);
  if (name.empty()) name = "world";
  std::cout << "Hello, " << name << "!\\n";

  std::vector<int> numbers{5, 3, 9, 1, 7};
  std::sort(numbers.begin(), numbers.end());
  for (int n : numbers) std::cout << n << ' ';
  std::cout << '\\n';
}
`,
  },
  rust: {
    name: "main.rs",
    content: `use std::io::BufRead;

fn is_prime(n: u32) -> bool {
    n >= 2 && (2..).take_while(|d| d * d <= n).all(|d| n % d != 0)
}

fn main() {
    let mut name = String::new();
    std::io::stdin().lock().read_line(&mut name).unwrap();
    let name = match name.trim() {
        "" => "world",
        n => n,
    };
    println!("Hello, {}!", name);
    let primes: Vec<u32> = (1..50).filter(|&n| is_prime(n)).collect();
    println!("primes below 50: {:?}", primes);
}
`,
  },
  java: {
    name: "Main.java",
    content: `import java.util.*;

public class Main {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        String name = in.hasNextLine() ? in.nextLine().trim() : "";
        if (name.isEmpty()) name = "world";
        System.out.println("Hello, " + name + "!");

        Map<Character, Integer> counts = new TreeMap<>();
        for (char c : "mississippi".toCharArray()) counts.merge(c, 1, Integer::sum);
        System.out.println("letters in mississippi: " + counts);
    }
}
`,
  },
  php: {
    name: "main.php",
    content: `<?php
$name = trim(fgets(STDIN) ?: "");
if ($name === "") {
    $name = "world";
}
echo "Hello, {$name}!\\n";

$scores = ["Ada" => 92, "Linus" => 85, "Grace" => 97];
arsort($scores);
foreach ($scores as $who => $score) {
    printf("%-6s %3d\\n", $who, $score);
}
`,
  },
};

/** The starter for a language, or an empty file named for it. */
export function starterFor(language: string, defaultFile = "main.txt") {
  return STARTERS[language] ?? { name: defaultFile, content: "" };
}
