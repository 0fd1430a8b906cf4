/**
 * The same small programs in every language: each case states what the program must print.
 * Used by languages.test.ts against the real images.
 */
export interface File {
  name: string;
  content: string;
}

export interface LanguageCases {
  id: string;
  /** Prints "<first stdin line>|<args joined by ,>". */
  echo: File[];
  /** Prints UNICODE_LINE. */
  unicode: File[];
  /** Prints "out" on stdout and "err" on stderr. */
  streams: File[];
  /** Exits with status 3. */
  exit3: File[];
  /** Entry + helper file(s); prints 42. */
  multi: File[];
  /** Fails to compile (compiled languages only). */
  compileError?: File[];
}

export const UNICODE_LINE = "héllo wörld ✓ 日本 🚀";

const f = (name: string, content: string): File => ({ name, content });

export const CASES: LanguageCases[] = [
  {
    id: "python",
    echo: [
      f("main.py", 'import sys\nline = sys.stdin.readline().strip()\nprint(line + "|" + ",".join(sys.argv[1:]))\n'),
    ],
    unicode: [f("main.py", `print("${UNICODE_LINE}")\n`)],
    streams: [f("main.py", 'import sys\nprint("out")\nprint("err", file=sys.stderr)\n')],
    exit3: [f("main.py", "import sys\nsys.exit(3)\n")],
    multi: [
      f("main.py", "from helper import answer\nprint(answer())\n"),
      f("helper.py", "def answer():\n    return 42\n"),
    ],
  },
  {
    id: "javascript",
    echo: [
      f(
        "main.js",
        'const line = require("fs").readFileSync(0, "utf8").split("\\n")[0];\nconsole.log(line + "|" + process.argv.slice(2).join(","));\n',
      ),
    ],
    unicode: [f("main.js", `console.log("${UNICODE_LINE}");\n`)],
    streams: [f("main.js", 'console.log("out");\nconsole.error("err");\n')],
    exit3: [f("main.js", "process.exit(3);\n")],
    multi: [
      f("main.js", 'const { answer } = require("./helper");\nconsole.log(answer());\n'),
      f("helper.js", "exports.answer = () => 42;\n"),
    ],
  },
  {
    id: "typescript",
    echo: [
      f(
        "main.ts",
        'import * as fs from "fs";\nconst line: string = fs.readFileSync(0, "utf8").split("\\n")[0];\nconsole.log(line + "|" + process.argv.slice(2).join(","));\n',
      ),
    ],
    unicode: [f("main.ts", `const s: string = "${UNICODE_LINE}";\nconsole.log(s);\n`)],
    streams: [f("main.ts", 'console.log("out");\nconsole.error("err");\n')],
    exit3: [f("main.ts", "process.exit(3);\n")],
    multi: [
      f("main.ts", 'import { answer } from "./helper";\nconsole.log(answer());\n'),
      f("helper.ts", "export function answer(): number {\n  return 42;\n}\n"),
    ],
    compileError: [f("main.ts", 'const x: number = "not a number";\nconsole.log(x);\n')],
  },
  {
    id: "bash",
    echo: [f("main.sh", 'read -r line\nIFS=,\necho "$line|$*"\n')],
    unicode: [f("main.sh", `echo "${UNICODE_LINE}"\n`)],
    streams: [f("main.sh", "echo out\necho err >&2\n")],
    exit3: [f("main.sh", "exit 3\n")],
    multi: [f("main.sh", "source ./helper.sh\nanswer\n"), f("helper.sh", "answer() { echo 42; }\n")],
  },
  {
    id: "ruby",
    echo: [f("main.rb", 'line = $stdin.gets.to_s.chomp\nputs "#{line}|#{ARGV.join(",")}"\n')],
    unicode: [f("main.rb", `puts "${UNICODE_LINE}"\n`)],
    streams: [f("main.rb", 'puts "out"\n$stderr.puts "err"\n')],
    exit3: [f("main.rb", "exit 3\n")],
    multi: [f("main.rb", 'require_relative "helper"\nputs answer\n'), f("helper.rb", "def answer\n  42\nend\n")],
  },
  {
    id: "go",
    echo: [
      f(
        "main.go",
        'package main\n\nimport (\n\t"bufio"\n\t"fmt"\n\t"os"\n\t"strings"\n)\n\nfunc main() {\n\tline, _ := bufio.NewReader(os.Stdin).ReadString(\'\\n\')\n\tfmt.Println(strings.TrimSpace(line) + "|" + strings.Join(os.Args[1:], ","))\n}\n',
      ),
    ],
    unicode: [f("main.go", `package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("${UNICODE_LINE}")\n}\n`)],
    streams: [
      f(
        "main.go",
        'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {\n\tfmt.Println("out")\n\tfmt.Fprintln(os.Stderr, "err")\n}\n',
      ),
    ],
    exit3: [f("main.go", 'package main\n\nimport "os"\n\nfunc main() {\n\tos.Exit(3)\n}\n')],
    multi: [
      f("main.go", 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(answer())\n}\n'),
      f("helper.go", "package main\n\nfunc answer() int {\n\treturn 42\n}\n"),
    ],
    compileError: [f("main.go", "package main\n\nfunc main() {\n\tx := 1\n}\n")],
  },
  {
    id: "c",
    echo: [
      f(
        "main.c",
        '#include <stdio.h>\n#include <string.h>\n\nint main(int argc, char **argv) {\n  char line[256] = "";\n  if (fgets(line, sizeof line, stdin)) line[strcspn(line, "\\n")] = 0;\n  printf("%s|", line);\n  for (int i = 1; i < argc; i++) printf(i > 1 ? ",%s" : "%s", argv[i]);\n  printf("\\n");\n  return 0;\n}\n',
      ),
    ],
    unicode: [f("main.c", `#include <stdio.h>\n\nint main(void) {\n  puts("${UNICODE_LINE}");\n  return 0;\n}\n`)],
    streams: [
      f(
        "main.c",
        '#include <stdio.h>\n\nint main(void) {\n  puts("out");\n  fflush(stdout);\n  fputs("err\\n", stderr);\n  return 0;\n}\n',
      ),
    ],
    exit3: [f("main.c", "int main(void) {\n  return 3;\n}\n")],
    multi: [
      f(
        "main.c",
        '#include <stdio.h>\n#include "helper.h"\n\nint main(void) {\n  printf("%d\\n", answer());\n  return 0;\n}\n',
      ),
      f("helper.c", '#include "helper.h"\n\nint answer(void) {\n  return 42;\n}\n'),
      f("helper.h", "int answer(void);\n"),
    ],
    compileError: [f("main.c", "int main(void) {\n  return undefined_variable;\n}\n")],
  },
  {
    id: "c++",
    echo: [
      f(
        "main.cpp",
        '#include <iostream>\n#include <string>\n\nint main(int argc, char **argv) {\n  std::string line;\n  std::getline(std::cin, line);\n  std::cout << line << "|";\n  for (int i = 1; i < argc; i++) std::cout << (i > 1 ? "," : "") << argv[i];\n  std::cout << "\\n";\n}\n',
      ),
    ],
    unicode: [
      f("main.cpp", `#include <iostream>\n\nint main() {\n  std::cout << "${UNICODE_LINE}" << std::endl;\n}\n`),
    ],
    streams: [
      f(
        "main.cpp",
        '#include <iostream>\n\nint main() {\n  std::cout << "out" << std::endl;\n  std::cerr << "err" << std::endl;\n}\n',
      ),
    ],
    exit3: [f("main.cpp", "int main() {\n  return 3;\n}\n")],
    multi: [
      f(
        "main.cpp",
        '#include <iostream>\n#include "helper.hpp"\n\nint main() {\n  std::cout << answer() << "\\n";\n}\n',
      ),
      f("helper.cpp", '#include "helper.hpp"\n\nint answer() { return 42; }\n'),
      f("helper.hpp", "int answer();\n"),
    ],
    compileError: [f("main.cpp", "int main() {\n  std::cout << 1;\n}\n")],
  },
  {
    id: "rust",
    echo: [
      f(
        "main.rs",
        'use std::io::BufRead;\n\nfn main() {\n    let mut line = String::new();\n    std::io::stdin().lock().read_line(&mut line).unwrap();\n    let args: Vec<String> = std::env::args().skip(1).collect();\n    println!("{}|{}", line.trim(), args.join(","));\n}\n',
      ),
    ],
    unicode: [f("main.rs", `fn main() {\n    println!("${UNICODE_LINE}");\n}\n`)],
    streams: [f("main.rs", 'fn main() {\n    println!("out");\n    eprintln!("err");\n}\n')],
    exit3: [f("main.rs", "fn main() {\n    std::process::exit(3);\n}\n")],
    multi: [
      f("main.rs", 'mod helper;\n\nfn main() {\n    println!("{}", helper::answer());\n}\n'),
      f("helper.rs", "pub fn answer() -> i32 {\n    42\n}\n"),
    ],
    compileError: [f("main.rs", 'fn main() {\n    let x: i32 = "text";\n}\n')],
  },
  {
    id: "java",
    echo: [
      f(
        "Main.java",
        'import java.util.Scanner;\n\npublic class Main {\n    public static void main(String[] args) {\n        Scanner in = new Scanner(System.in);\n        String line = in.hasNextLine() ? in.nextLine() : "";\n        System.out.println(line + "|" + String.join(",", args));\n    }\n}\n',
      ),
    ],
    unicode: [
      f(
        "Main.java",
        `public class Main {\n    public static void main(String[] args) {\n        System.out.println("${UNICODE_LINE}");\n    }\n}\n`,
      ),
    ],
    streams: [
      f(
        "Main.java",
        'public class Main {\n    public static void main(String[] args) {\n        System.out.println("out");\n        System.err.println("err");\n    }\n}\n',
      ),
    ],
    exit3: [
      f(
        "Main.java",
        "public class Main {\n    public static void main(String[] args) {\n        System.exit(3);\n    }\n}\n",
      ),
    ],
    multi: [
      f(
        "Main.java",
        "public class Main {\n    public static void main(String[] args) {\n        System.out.println(Helper.answer());\n    }\n}\n",
      ),
      f("Helper.java", "public class Helper {\n    static int answer() {\n        return 42;\n    }\n}\n"),
    ],
    compileError: [
      f(
        "Main.java",
        'public class Main {\n    public static void main(String[] args) {\n        int x = "text";\n    }\n}\n',
      ),
    ],
  },
  {
    id: "php",
    echo: [
      f(
        "main.php",
        '<?php\n$line = trim(fgets(STDIN) ?: "");\necho $line . "|" . implode(",", array_slice($argv, 1)) . "\\n";\n',
      ),
    ],
    unicode: [f("main.php", `<?php\necho "${UNICODE_LINE}\\n";\n`)],
    streams: [f("main.php", '<?php\necho "out\\n";\nfwrite(STDERR, "err\\n");\n')],
    exit3: [f("main.php", "<?php\nexit(3);\n")],
    multi: [
      f("main.php", '<?php\nrequire __DIR__ . "/helper.php";\necho answer(), "\\n";\n'),
      f("helper.php", "<?php\nfunction answer() {\n    return 42;\n}\n"),
    ],
  },
];
