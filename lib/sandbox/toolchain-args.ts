/**
 * Extra arguments a request may give the compiler (compile stage) and the interpreter (run
 * stage). The compile stage has larger limits than the run, so every compiler argument must be
 * on an allow-list: GCC's -wrapper, -B, -specs=, -fplugin=, -Wl,-plugin or @file, and javac's
 * -processorpath or -J, would run the user's own code inside the compiler. Interpreter
 * arguments only reach the program's own run stage, so they need no list beyond sanity.
 */

export interface ToolchainArgs {
  /** Replace the language's default compiler flags. */
  compileArgs?: string[];
  /** Replace the default linker arguments (C and C++: libraries). */
  linkArgs?: string[];
  /** Given to the interpreter (or the JVM) before the program's file. */
  interpreterArgs?: string[];
}

const GCC_COMPILE = [
  /^-O[0-3sgz]?$/,
  /^-g[0-3]?$/,
  /^-std=[a-z0-9+]+$/,
  // Warnings, but not -Wl, -Wa, -Wp (which pass options on to the linker, assembler, preprocessor).
  /^-W(no-)?[a-z][a-z0-9-]*(=[a-z0-9][a-z0-9-]*)?$/,
  /^-w$/,
  /^-pedantic(-errors)?$/,
  /^-ansi$/,
  /^-[DU][A-Za-z_][A-Za-z0-9_]*(=[A-Za-z0-9_.+-]*)?$/,
  /^-x$/,
  /^(c|c\+\+)$/,
  /^-x(c|c\+\+)$/,
  /^-march=native$/,
  /^-f(no-)?(wrapv|trapv|exceptions|rtti|strict-aliasing|signed-char|unsigned-char|sanitize=(address|undefined)|stack-protector(-strong|-all)?|diagnostics-color(=never|=always)?|permissive)$/,
  /^-pthread$/,
];
const GCC_LINK = [/^-l(m|pthread|stdc\+\+|rt|dl|crypt)$/, /^-pthread$/, /^-static$/];
const JAVAC = [
  /^-Xlint(:[a-z,-]+)?$/,
  /^-Werror$/,
  /^-nowarn$/,
  /^-g(:[a-z,]+)?$/,
  /^--?(source|target|release)$/,
  /^\d{1,2}$/,
  /^-encoding$/,
  /^(UTF-8|utf8|ISO-8859-1|US-ASCII)$/,
  /^-parameters$/,
  /^-deprecation$/,
];

/** Which compiler-argument list a language uses; absent: it takes none. */
const COMPILE_RULES: Record<string, { compile: RegExp[]; link?: RegExp[] }> = {
  c: { compile: GCC_COMPILE, link: GCC_LINK },
  "c++": { compile: GCC_COMPILE, link: GCC_LINK },
  java: { compile: JAVAC },
};

/** Largest number of arguments in each list, and bytes per argument. */
const MAX_ARGS = 32;
const MAX_ARG_BYTES = 256;

/** Why these toolchain arguments are refused for `languageId` (field → message); empty when fine. */
export function toolchainArgProblems(languageId: string, t: ToolchainArgs, compiled: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  const rules = COMPILE_RULES[languageId];
  const lists: [keyof ToolchainArgs, string[] | undefined, RegExp[] | undefined][] = [
    ["compileArgs", t.compileArgs, rules?.compile],
    ["linkArgs", t.linkArgs, rules?.link],
    ["interpreterArgs", t.interpreterArgs, undefined],
  ];
  for (const [field, list, allowed] of lists) {
    if (!list || list.length === 0) continue;
    const key = `toolchain.${field}`;
    if (list.length > MAX_ARGS) {
      problems[key] = `Send at most ${MAX_ARGS} ${field}.`;
      continue;
    }
    const bad = list.find((a) => a.length === 0 || Buffer.byteLength(a) > MAX_ARG_BYTES || /[\0\n\r]/.test(a));
    if (bad !== undefined) {
      problems[key] = `Each of ${field} must be 1–${MAX_ARG_BYTES} bytes on one line.`;
      continue;
    }
    if (field === "interpreterArgs") {
      if (compiled && languageId !== "java")
        problems[key] = `${languageId} is compiled; it takes no interpreter arguments (use args for the program).`;
      continue;
    }
    if (!allowed) {
      problems[key] = `${languageId} takes no ${field === "linkArgs" ? "linker" : "compiler"} arguments here.`;
      continue;
    }
    const refused = list.find((a) => !allowed.some((re) => re.test(a)));
    if (refused !== undefined)
      problems[key] =
        `The ${field === "linkArgs" ? "linker" : "compiler"} argument "${refused}" is not allowed here (only flags that cannot run other programs are).`;
  }
  return problems;
}
