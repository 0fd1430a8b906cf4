/**
 * The language registry: ids and aliases (Piston's names), file conventions, and the argv
 * of each stage. Argv are arrays built from file names the request validator accepted;
 * nothing here is ever passed through a shell.
 */

export interface SourceFile {
  /** Relative path inside the work directory, already validated. */
  name: string;
  content: Buffer;
}

import { z } from "zod";
import type { ToolchainArgs } from "./toolchain-args";

export interface StagePlan {
  compile?: string[];
  run: string[];
}

export interface Language {
  id: string;
  name: string;
  aliases: string[];
  /** File extensions that belong to the language; the first names new files. */
  extensions: string[];
  /** Entry file name used when a client sends a nameless file (Piston allows that). */
  defaultFile: string;
  /** Monaco language id for the editor. */
  monaco: string;
  /** What a program can use beyond the language itself (shown in the editor and the API). */
  libraries?: string[];
  /** Extra environment the toolchain needs (caches live in /tmp: the root is read-only). */
  env?: Record<string, string>;
  /** Problems only this language can see in the file names (field → message), checked at the edge. */
  checkFiles?: (names: string[]) => Record<string, string>;
  /** Rename files before they are written (e.g. Java's public class must match its file). */
  prepare?: (files: SourceFile[]) => SourceFile[];
  /** Argv of each stage for these files; files[0] is the entry point. Toolchain arguments were allow-listed. */
  plan: (files: SourceFile[], args: string[], toolchain?: ToolchainArgs) => StagePlan;
}

const BIN = "/tmp/runbox/app";

const withExt = (files: SourceFile[], exts: string[]) =>
  files.map((f) => f.name).filter((n) => exts.some((e) => n.toLowerCase().endsWith(e)));

const entry = (files: SourceFile[]) => files[0]?.name ?? "";

const interpreted =
  (argv: string[]) =>
  (files: SourceFile[], args: string[], t: ToolchainArgs = {}) => ({
    run: [...argv, ...(t.interpreterArgs ?? []), entry(files), ...args],
  });

/** Java: the class holding main(), qualified by the entry file's package. */
export function javaMainClass(source: string): string | undefined {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(code)?.[1];
  const mainAt = code.search(/\bstatic\s+void\s+main\s*\(/);
  const before = mainAt >= 0 ? code.slice(0, mainAt) : code;
  const classes = [...before.matchAll(/\b(?:class|interface|enum|record)\s+([A-Za-z_$][\w$]*)/g)];
  const name = classes.at(-1)?.[1];
  if (!name) return undefined;
  return pkg ? `${pkg}.${name}` : name;
}

/** Java requires a public class to live in a file of the same name: rename to match. */
function javaPrepare(files: SourceFile[]): SourceFile[] {
  return files.map((f) => {
    if (!f.name.endsWith(".java") && f !== files[0]) return f;
    const publicClass = /\bpublic\s+(?:final\s+|abstract\s+)*(?:class|interface|enum|record)\s+([A-Za-z_$][\w$]*)/.exec(
      f.content.toString("utf8"),
    )?.[1];
    const dir = f.name.includes("/") ? f.name.slice(0, f.name.lastIndexOf("/") + 1) : "";
    if (publicClass) return { ...f, name: `${dir}${publicClass}.java` };
    return f.name.endsWith(".java") ? f : { ...f, name: `${f.name}.java` };
  });
}

export const LANGUAGES: Language[] = [
  {
    id: "python",
    name: "Python",
    aliases: ["py", "python3"],
    extensions: [".py"],
    defaultFile: "main.py",
    monaco: "python",
    libraries: [
      "the standard library",
      "numpy",
      "scipy",
      "pandas",
      "matplotlib (plt.show() saves to /box/out)",
      "sympy",
      "pillow",
    ],
    // Unbuffered, so output streams as it is printed and stdout/stderr stay in order.
    // Matplotlib draws with Agg and plt.show() saves into /box/out (images/python/runbox_show.py);
    // its font cache comes ready in /tmp/matplotlib. Neither costs a plain print anything.
    env: {
      PYTHONUNBUFFERED: "1",
      PYTHONDONTWRITEBYTECODE: "1",
      MPLBACKEND: "module://runbox_show",
      MPLCONFIGDIR: "/tmp/matplotlib",
    },
    plan: interpreted(["python3"]),
  },
  {
    id: "javascript",
    name: "JavaScript (Node.js)",
    aliases: ["js", "node", "node-javascript", "node-js"],
    extensions: [".js", ".mjs", ".cjs"],
    defaultFile: "main.js",
    monaco: "javascript",
    libraries: ["Node.js built-in modules (fs, readline, crypto…)"],
    plan: interpreted(["node"]),
  },
  {
    id: "typescript",
    name: "TypeScript",
    aliases: ["ts", "node-ts", "tsc"],
    extensions: [".ts", ".mts", ".cts"],
    defaultFile: "main.ts",
    monaco: "typescript",
    libraries: ["Node.js built-in modules, with @types/node"],
    plan: (files, args) => ({
      // tsc-fast: tsc started from a V8 snapshot made at image build time with exactly these
      // flags (standard library and @types/node already parsed): ~0.4 s instead of ~1.6 s.
      compile: [
        "tsc-fast",
        "--outDir",
        "/tmp/runbox/out",
        "--rootDir",
        "/box",
        "--target",
        "ES2022",
        "--lib",
        "ES2022",
        "--module",
        "commonjs",
        "--esModuleInterop",
        "--skipLibCheck",
        "--noEmitOnError",
        "--sourceMap",
        "--types",
        "node",
        "--typeRoots",
        "/opt/runbox/ts/node_modules/@types",
        ...withExt(files, [".ts", ".mts", ".cts"]),
      ],
      run: ["node", "--enable-source-maps", `/tmp/runbox/out/${entry(files).replace(/\.[mc]?ts$/, ".js")}`, ...args],
    }),
  },
  {
    id: "bash",
    name: "Bash",
    aliases: ["sh"],
    extensions: [".sh", ".bash"],
    defaultFile: "main.sh",
    monaco: "shell",
    libraries: ["coreutils", "grep", "sed", "awk"],
    plan: interpreted(["bash"]),
  },
  {
    id: "ruby",
    name: "Ruby",
    aliases: ["rb", "ruby3"],
    extensions: [".rb"],
    defaultFile: "main.rb",
    monaco: "ruby",
    libraries: ["the standard library"],
    // Ruby buffers pipes itself; -r loads a one-liner that turns on sync so output streams.
    plan: interpreted(["ruby", "-r/opt/runbox/sync.rb"]),
  },
  {
    id: "go",
    name: "Go",
    aliases: ["golang"],
    extensions: [".go"],
    defaultFile: "main.go",
    monaco: "go",
    libraries: ["the standard library (no modules)"],
    // cgo stays on: Debian's precompiled standard library (net and friends) is built with it,
    // and turning it off makes Go rebuild those packages on every run (seconds).
    // Caches live outside /tmp/runbox, so they are scrubbed after compiling (only the binary stays).
    env: { GOCACHE: "/tmp/go-cache", GOPATH: "/tmp/go", GO111MODULE: "off" },
    checkFiles: (names): Record<string, string> =>
      names[0]?.endsWith("_test.go")
        ? {
            "files.0.name": `Go leaves files ending in "_test.go" out of a build (they hold tests), so "${names[0]}" cannot be the program: rename it, e.g. to main.go.`,
          }
        : {},
    plan: (files, args) => ({
      compile: ["go", "build", "-o", BIN, ...withExt(files, [".go"])],
      run: [BIN, ...args],
    }),
  },
  {
    id: "c",
    name: "C (GCC)",
    aliases: ["gcc"],
    extensions: [".c", ".h"],
    defaultFile: "main.c",
    monaco: "c",
    libraries: ["the C standard library", "libm (-lm)", "POSIX"],
    plan: (files, args, t = {}) => ({
      compile: [
        "gcc",
        ...(t.compileArgs ?? ["-std=gnu17", "-O2", "-Wall"]),
        "-pipe",
        "-o",
        BIN,
        ...withExt(files, [".c"]),
        ...(t.linkArgs ?? ["-lm"]),
      ],
      run: [BIN, ...args],
    }),
  },
  {
    id: "c++",
    name: "C++ (G++)",
    aliases: ["cpp", "g++", "cxx"],
    extensions: [".cpp", ".cc", ".cxx", ".hpp", ".h"],
    defaultFile: "main.cpp",
    monaco: "cpp",
    libraries: ["the C++17 standard library", "libm"],
    plan: (files, args, t = {}) => ({
      compile: [
        "g++",
        ...(t.compileArgs ?? ["-std=gnu++17", "-O2", "-Wall"]),
        "-pipe",
        "-o",
        BIN,
        ...withExt(files, [".cpp", ".cc", ".cxx"]),
        ...(t.linkArgs ?? []),
      ],
      run: [BIN, ...args],
    }),
  },
  {
    id: "rust",
    name: "Rust",
    aliases: ["rs"],
    extensions: [".rs"],
    defaultFile: "main.rs",
    monaco: "rust",
    libraries: ["std (no crates)"],
    // Other files join through `mod` declarations in the entry file, as with cargo.
    plan: (files, args) => ({
      // An explicit crate name: rustc would derive one from the file name, and "my-prog.rs" or
      // "my.prog.rs" are not valid crate names.
      compile: ["rustc", "--edition", "2021", "-O", "--crate-name", "main", "-o", BIN, entry(files)],
      run: [BIN, ...args],
    }),
  },
  {
    id: "java",
    name: "Java",
    aliases: ["jdk", "openjdk"],
    extensions: [".java"],
    defaultFile: "Main.java",
    monaco: "java",
    libraries: ["the JDK (java.*, javax.*)"],
    prepare: javaPrepare,
    plan: (files, args, t = {}) => {
      const first = files[0];
      const mainClass = (first && javaMainClass(first.content.toString("utf8"))) ?? "Main";
      return {
        compile: [
          "javac",
          ...JAVAC_FLAGS,
          ...(t.compileArgs ?? []),
          "-encoding",
          "UTF-8",
          "-d",
          "/tmp/runbox/classes",
          ...withExt(files, [".java"]),
        ],
        run: ["java", ...JAVA_FLAGS, ...(t.interpreterArgs ?? []), "-cp", "/tmp/runbox/classes", mainClass, ...args],
      };
    },
  },
  {
    id: "php",
    name: "PHP",
    aliases: ["php8"],
    extensions: [".php"],
    defaultFile: "main.php",
    monaco: "php",
    libraries: ["PHP 8.2 core extensions"],
    plan: interpreted(["php"]),
  },
];

/** JVM flags for small containers: one GC thread, no perf-data file, half the memory as heap. */
const JAVA_FLAGS = ["-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:MaxRAMPercentage=50", "-Dfile.encoding=UTF-8"];
/** javac starts from a class-data archive made at image build time (~0.35 s instead of ~0.55 s). */
const JAVAC_FLAGS = [
  // No annotation processors: a processor found in the submitted files would run inside javac,
  // with the compile stage's larger limits.
  "-proc:none",
  "-J-XX:SharedArchiveFile=/opt/runbox/javac.jsa",
  "-J-XX:+UseSerialGC",
  "-J-XX:TieredStopAtLevel=1",
  "-J-XX:-UsePerfData",
];

const byName = new Map<string, Language>();
for (const lang of LANGUAGES) {
  for (const name of [lang.id, ...lang.aliases]) byName.set(name.toLowerCase(), lang);
}

/** A language by id or alias, case-insensitive. */
export function findLanguage(name: string): Language | undefined {
  return byName.get(name.trim().toLowerCase());
}

/** Whether the language has a compile stage. */
export function isCompiled(lang: Language): boolean {
  return Boolean(lang.plan([{ name: lang.defaultFile, content: Buffer.alloc(0) }], []).compile);
}

/**
 * A language added by an image folder (images/<id>/language.json), without code: argv templates
 * with {entry} (the entry file), {files} (every file with one of the extensions), {args} (the
 * program's arguments) and {bin} (where a compiler should write the program).
 */
export const LanguageDescriptor = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9+_-]{0,31}$/, "Language ids are lower-case letters, digits, +, _ and -."),
    name: z.string().min(1).max(60),
    aliases: z
      .array(z.string().regex(/^[a-z0-9+_.-]{1,32}$/))
      .max(10)
      .default([]),
    extensions: z
      .array(z.string().regex(/^\.[A-Za-z0-9]{1,10}$/))
      .min(1)
      .max(10),
    defaultFile: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/),
    monaco: z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/)
      .default("plaintext"),
    env: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]{0,63}$/), z.string().max(1024)).default({}),
    compile: z.array(z.string().min(1).max(256)).min(1).max(64).optional(),
    run: z.array(z.string().min(1).max(256)).min(1).max(64),
    libraries: z.array(z.string().min(1).max(80)).max(100).default([]),
  })
  .strict();
export type LanguageDescriptor = z.infer<typeof LanguageDescriptor>;

function expand(template: string[], files: SourceFile[], args: string[], exts: string[]): string[] {
  return template.flatMap((part) => {
    if (part === "{args}") return args;
    if (part === "{files}") return withExt(files, exts);
    return [part.replaceAll("{entry}", entry(files)).replaceAll("{bin}", BIN)];
  });
}

/** A Language from a descriptor (validated by LanguageDescriptor). */
export function descriptorLanguage(d: LanguageDescriptor): Language {
  return {
    id: d.id,
    name: d.name,
    aliases: d.aliases,
    extensions: d.extensions,
    defaultFile: d.defaultFile,
    monaco: d.monaco,
    env: d.env,
    libraries: d.libraries,
    plan: (files, args) => ({
      ...(d.compile ? { compile: expand(d.compile, files, [], d.extensions) } : {}),
      run: expand(d.run, files, args, d.extensions),
    }),
  };
}
