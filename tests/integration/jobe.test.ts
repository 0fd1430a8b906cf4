/**
 * The Jobe REST API (what Moodle CodeRunner calls), through its route handlers, against the
 * real engine and database: every endpoint, outcome and error. No API keys are configured
 * here (tests/integration/jobe-server.test.ts covers keys, paths and Jobe's own test program).
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { HEAD as headFile, PUT as putFile } from "@/app/jobe/restapi/files/[id]/route";
import { GET as languages } from "@/app/jobe/restapi/languages/route";
import { POST as postRuns } from "@/app/jobe/restapi/runs/route";
import { engineConfigFromEnv } from "@/lib/app-engine";
import { db } from "@/lib/db/client";
import { findJobeFiles, putJobeFile } from "@/lib/db/jobe-files";
import { getRun } from "@/lib/db/runs";
import { postRun } from "@/lib/jobe/run";
import { Engine } from "@/lib/sandbox";
import { engine } from "../support/engine";

const URL_BASE = "http://127.0.0.1/jobe/index.php/restapi";
type Result = { run_id: string | null; outcome: number; cmpinfo: string; stdout: string; stderr: string };

const runRequest = (runSpec: unknown, ip = "203.0.113.10") =>
  new Request(`${URL_BASE}/runs`, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", "x-runbox-client-ip": ip },
    body: typeof runSpec === "string" ? runSpec : JSON.stringify({ run_spec: runSpec }),
  });

async function run(runSpec: unknown, ip?: string): Promise<Result> {
  const res = await postRuns(runRequest(runSpec, ip));
  const body = await res.json();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body)}`);
  return body as Result;
}

/** A request Jobe refuses: its status and the JSON string it answers with. */
async function refused(runSpec: unknown): Promise<{ status: number; body: unknown }> {
  const res = await postRuns(runRequest(runSpec));
  return { status: res.status, body: await res.json() };
}

const fileParams = (id: string) => ({ params: Promise.resolve({ id }) });
const put = (id: string, body: unknown, ip = "203.0.113.10") =>
  putFile(
    new Request(`${URL_BASE}/files/${id}`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-runbox-client-ip": ip },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    fileParams(id),
  );
const head = async (id: string, ip = "203.0.113.10") =>
  (
    await headFile(
      new Request(`${URL_BASE}/files/${id}`, { method: "HEAD", headers: { "x-runbox-client-ip": ip } }),
      fileParams(id),
    )
  ).status;
const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("GET languages", () => {
  it("lists the languages Runbox shares with Jobe, under Jobe's ids, with versions", async () => {
    const res = await languages(new Request(`${URL_BASE}/languages`));
    expect(res.status).toBe(200);
    const list = (await res.json()) as [string, string][];
    expect(list.map(([id]) => id)).toEqual(["c", "cpp", "java", "nodejs", "php", "python3"]);
    const images = engine().images();
    expect(Object.fromEntries(list)).toEqual({
      c: images.c?.version,
      cpp: images["c++"]?.version,
      java: images.java?.version,
      nodejs: images.javascript?.version,
      php: images.php?.version,
      python3: images.python?.version,
    });
  });
});

describe("POST runs: outcomes", () => {
  it("runs every shared language (15) with stdin, and records the run as a Jobe run", async () => {
    const programs: [string, string, string?][] = [
      ["c", '#include <stdio.h>\nint main(void) { char s[20]; scanf("%19s", s); printf("c %s\\n", s); return 0; }\n'],
      [
        "cpp",
        '#include <iostream>\n#include <string>\nint main() { std::string s; std::cin >> s; std::cout << "cpp " << s << "\\n"; }\n',
      ],
      ["python3", "print('python3', input())\n"],
      [
        "java",
        'import java.util.Scanner;\npublic class Hello {\n  public static void main(String[] a) {\n    System.out.println("java " + new Scanner(System.in).next());\n  }\n}\n',
        "Hello.java",
      ],
      ["nodejs", "const s = require('fs').readFileSync(0, 'utf8').trim();\nconsole.log('nodejs ' + s);\n"],
      ["php", '<?php\necho "php " . trim(fgets(STDIN)) . "\\n";\n'],
    ];
    const results = await Promise.all(
      programs.map(([language_id, sourcecode, sourcefilename]) =>
        run({ language_id, sourcecode, sourcefilename, input: "hi\n" }),
      ),
    );
    results.forEach((r, i) => {
      expect(r, programs[i]?.[0]).toMatchObject({
        outcome: 15,
        stdout: `${programs[i]?.[0]} hi\n`,
        stderr: "",
        cmpinfo: "",
      });
    });
    const stored = await getRun(results[0]?.run_id ?? "");
    expect(stored).toMatchObject({ source: "jobe", language: "c", status: "ok" });
  });

  it("compiles C as Jobe does: -Wall -Werror -std=c99, so a warning is a compile error (11)", async () => {
    const unused = '#include <stdio.h>\nint main(void) { int unused; puts("x"); return 0; }\n';
    const r = await run({ language_id: "c", sourcecode: unused, sourcefilename: "__tester__.c" });
    expect(r.outcome).toBe(11);
    expect(r.cmpinfo).toContain("unused variable");
    expect(r.cmpinfo).toContain("__tester__.c");
    // -std=c99 is strict ISO C: POSIX's fileno is not declared.
    const posix = "#include <stdio.h>\nint main(void) { return fileno(stdin); }\n";
    expect((await run({ language_id: "c", sourcecode: posix })).outcome).toBe(11);
    // The request's compileargs replace the defaults.
    const ok = await run({ language_id: "c", sourcecode: unused, parameters: { compileargs: ["-std=c11", "-O1"] } });
    expect(ok).toMatchObject({ outcome: 15, stdout: "x\n" });
  });

  it("reports compile errors (11) with the compiler's output in every compiled or checked language", async () => {
    const cases: [string, string, RegExp][] = [
      ["c", "int main(void) { return 0 }\n", /error/],
      ["cpp", "int main() { undeclared(); }\n", /undeclared/],
      ["java", 'public class Bad { public static void main(String[] a) { int x = "s"; } }\n', /incompatible types/],
      ["python3", 'print("Hello world!"\n', /SyntaxError/],
      ["php", "<p><?php echo \"A paragraph' ?></p>\n", /^Parse error: .* in prog.php on line 2$/],
    ];
    const results = await Promise.all(cases.map(([language_id, sourcecode]) => run({ language_id, sourcecode })));
    results.forEach((r, i) => {
      const [lang, , pattern] = cases[i] as [string, string, RegExp];
      expect(r.outcome, lang).toBe(11);
      expect(r.cmpinfo, lang).toMatch(pattern);
      expect(r.stdout, lang).toBe("");
      expect(r.cmpinfo, lang).not.toContain("/box/");
    });
  });

  it("reports runtime errors (12): stderr, a signal, a JavaScript syntax error; a bare exit code is success", async () => {
    const [py, segv, js, exit] = await Promise.all([
      run({ language_id: "python3", sourcecode: "data = [1, 2]\nprint(data[2])\n", sourcefilename: "test.py" }),
      run({
        language_id: "c",
        sourcecode: '#include <stdio.h>\nint main(void) { int *p = NULL; printf("%d", *p); return 0; }\n',
      }),
      run({ language_id: "nodejs", sourcecode: "s = 'Hello world!\nconsole.log(s)\n" }),
      run({ language_id: "python3", sourcecode: "import sys\nprint('bye')\nsys.exit(3)\n" }),
    ]);
    expect(py.outcome).toBe(12);
    expect(py.stderr).toContain('File "test.py", line 2');
    expect(py.stderr).toContain("IndexError");
    expect(segv.outcome).toBe(12);
    expect(js.outcome).toBe(12);
    expect(exit).toMatchObject({ outcome: 15, stdout: "bye\n", stderr: "" });
  });

  it("stops a program at its cputime (13), and an endless printer too", async () => {
    const [loop, printer] = await Promise.all([
      run({ language_id: "c", sourcecode: "int main(void) { for (;;) {} }\n", parameters: { cputime: 1 } }),
      run({
        language_id: "c",
        sourcecode: '#include <stdio.h>\nint main(void) { for (;;) printf("Hello"); }\n',
        parameters: { streamsize: 0.05 },
      }),
    ]);
    expect(loop).toMatchObject({ outcome: 13, stderr: "" });
    expect(printer).toMatchObject({ outcome: 13, stderr: "" });
    expect(printer.stdout.startsWith("HelloHello")).toBe(true);
  });

  it("kills a program past its memory limit (17); in C, malloc beyond it fails as under Jobe", async () => {
    const [hog, c] = await Promise.all([
      run({
        language_id: "python3",
        sourcecode: "x = b'a' * (300 * 1024 * 1024)\nprint(len(x))\n",
        parameters: { memorylimit: 64 },
      }),
      run({
        language_id: "c",
        sourcecode:
          '#include <stdio.h>\n#include <stdlib.h>\nint main(void) {\n  char *p = malloc(2000000000);\n  puts(p == NULL ? "Memory limit worked" : "malloc worked");\n  p = malloc(50000000);\n  puts(p == NULL ? "50 MB failed" : "50 MB ok");\n  return 0;\n}\n',
      }),
    ]);
    expect(hog).toMatchObject({ outcome: 17, stderr: "" });
    expect(c).toMatchObject({ outcome: 15, stdout: "Memory limit worked\n50 MB ok\n" });
  });

  it("caps processes at numprocs", async () => {
    const fork =
      '#include <stdio.h>\n#include <unistd.h>\nint main(void) {\n  int ok = 0;\n  for (int i = 0; i < 200; i++) { int pid = fork(); if (pid == 0) { for (;;) {} } if (pid > 0) ok++; }\n  printf("%s\\n", ok > 5 && ok <= 20 ? "OK" : "not capped");\n  return 0;\n}\n';
    expect(
      await run({
        language_id: "c",
        sourcecode: fork,
        parameters: { numprocs: 20, compileargs: ["-std=gnu99", "-Wall", "-Werror"] },
      }),
    ).toMatchObject({
      outcome: 15,
      stdout: "OK\n",
    });
  });
});

describe("POST runs: what CodeRunner relies on", () => {
  it("respects sourcefilename (CodeRunner's __tester__.<language>)", async () => {
    const r = await run({
      language_id: "python3",
      sourcecode: "import os\nprint(os.path.basename(__file__), open('out.txt', 'w').write('x'))\n",
      sourcefilename: "__tester__.python3",
    });
    expect(r).toMatchObject({ outcome: 15, stdout: "__tester__.python3 1\n" });
    const js = await run({
      language_id: "nodejs",
      sourcecode: "console.log(require('path').basename(__filename))",
      sourcefilename: "__tester__.nodejs",
    });
    expect(js).toMatchObject({ outcome: 15, stdout: "__tester__.nodejs\n" });
  });

  it("takes a Java class's name from the source when sourcefilename is missing", async () => {
    const source =
      '// A program with a helper\nclass Helper { static String hi() { return "hi from Helper"; } }\npublic class Prog {\n  public static void main(String[] args) { System.out.println(Helper.hi()); }\n}\n';
    expect(await run({ language_id: "java", sourcecode: source })).toMatchObject({
      outcome: 15,
      stdout: "hi from Helper\n",
    });
  });

  it("passes compileargs, interpreterargs and runargs as argv words, never through a shell", async () => {
    const args = await run({
      language_id: "python3",
      sourcecode: "import sys\nprint(sys.argv[1:])\n",
      parameters: { runargs: ["Arg1", "quizname='Week 1; quiz'", '"$HOME"x'.replace("$HOME", "home")] },
    });
    expect(args).toMatchObject({ outcome: 15, stdout: "['Arg1', 'quizname=Week 1; quiz', 'homex']\n" });
    const interp = await run({
      language_id: "python3",
      sourcecode: "",
      parameters: { interpreterargs: ['-c "print(\\"Blah\\")"'] },
    });
    expect(interp).toMatchObject({ outcome: 15, stdout: "Blah\n" });
    const c = await run({
      language_id: "c",
      sourcecode:
        '#include <stdio.h>\nint main(int n, char **v) { printf("%d %s %s\\n", FLAG, v[1], v[2]); return 0; }\n',
      parameters: { compileargs: ["-Wall -DFLAG=7"], runargs: ["a", "'b c'"] },
    });
    expect(c).toMatchObject({ outcome: 15, stdout: "7 a b c\n" });
  });

  it("runs pylint, as CodeRunner's style-checked Python questions do", async () => {
    const check = (answer: string) => `import subprocess, os
open('source.py', 'w').write(${JSON.stringify(answer)})
env = dict(os.environ, HOME=os.getcwd())
r = subprocess.run(['pylint', '--reports=no', 'source.py'], capture_output=True, text=True, env=env)
print('clean' if r.returncode == 0 and not r.stdout.strip() else 'complaints: ' + r.stdout.strip().splitlines()[1])
r = subprocess.run(['python3', '-m', 'pylint', '--version'], capture_output=True, text=True, env=env)
print(r.stdout.splitlines()[0].split()[0])
`;
    const [good, bad] = await Promise.all([
      run({
        language_id: "python3",
        sourcecode: check('"""Doc string"""\nGLOBAL = 20\nprint("GLOBAL =", GLOBAL)\n'),
        parameters: { cputime: 10 },
      }),
      run({ language_id: "python3", sourcecode: check("x = 20\nprint(x)\n"), parameters: { cputime: 10 } }),
    ]);
    expect(good).toMatchObject({ outcome: 15, stdout: "clean\npylint\n" });
    expect(bad.outcome).toBe(15);
    expect(bad.stdout).toMatch(/^complaints: .*missing-module-docstring/);
  });
});

describe("POST runs: errors", () => {
  it("answers a bad run spec with 400 and Jobe's messages", async () => {
    expect(await refused("not json")).toEqual({ status: 400, body: "Non-JSON post data received" });
    expect(await refused(JSON.stringify({ nothing: 1 }))).toEqual({
      status: 400,
      body: "No run_spec attribute found in post data",
    });
    expect(await refused({ sourcecode: "x" })).toEqual({
      status: 400,
      body: "run_spec is missing the required attribute 'language_id'",
    });
    expect(await refused({ language_id: "python3" })).toEqual({
      status: 400,
      body: "run_spec is missing the required attribute 'sourcecode'",
    });
    expect(await refused({ language_id: "nosuchlanguage", sourcecode: "x" })).toEqual({
      status: 400,
      body: "Language 'nosuchlanguage' is not known",
    });
    expect(await refused({ language_id: "c", sourcecode: "x", parameters: { cputime: 151 } })).toEqual({
      status: 400,
      body: "cputime exceeds maximum allowed on this Jobe server (30 secs)",
    });
    expect(await refused({ language_id: "c", sourcecode: "x", sourcefilename: "../etc/x.c" })).toEqual({
      status: 400,
      body: "The sourcefilename for the run_spec is illegal",
    });
  });

  it("refuses compiler flags that are not allow-listed, and shell syntax, with a clear 400", async () => {
    const plugin = await refused({
      language_id: "c",
      sourcecode: "int main(void){return 0;}",
      parameters: { compileargs: ["-fplugin=/tmp/x.so"] },
    });
    expect(plugin.status).toBe(400);
    expect(plugin.body).toMatch(/-fplugin=\/tmp\/x.so.*not allowed/);
    const shell = await refused({ language_id: "python3", sourcecode: "x", parameters: { runargs: ["a; rm -rf /"] } });
    expect(shell.status).toBe(400);
    expect(shell.body).toMatch(/^runargs: .*without a shell/);
  });

  it("is outcome 21 (server overload) when the queue is full, never a hang or a 500", async () => {
    const small = new Engine({
      ...engineConfigFromEnv(),
      instanceId: `jobe-overload-${process.pid}`,
      slots: { capacity: 1, queueLimit: 1, queueTimeoutMs: 20_000 },
      pool: { ...engineConfigFromEnv().pool, perSpec: 0, prewarm: [] },
    });
    try {
      const sleeper = { language_id: "python3", sourcecode: "import time\ntime.sleep(1.5)\nprint('done')\n" };
      // One runs, one waits in the queue, the third finds the queue full.
      const busy = [postRun(runRequest(sleeper), small), postRun(runRequest(sleeper), small)];
      for (let i = 0; i < 100 && small.slots.stats.queued < 1; i++) await new Promise((r) => setTimeout(r, 50));
      const res = await postRun(runRequest({ language_id: "python3", sourcecode: "print(1)" }), small);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ run_id: null, outcome: 21, cmpinfo: "", stdout: "", stderr: "" });
      for (const b of await Promise.all(busy)) expect(await b.json()).toMatchObject({ outcome: 15, stdout: "done\n" });

      // A burst: what the queue cannot take is turned away before a run is stored.
      const client = await db();
      const stored = () => client.run.count({ where: { source: "jobe" } });
      const before = await stored();
      const burst = await Promise.all(
        Array.from({ length: 12 }, () =>
          postRun(runRequest({ language_id: "python3", sourcecode: "print(2)" }), small),
        ),
      );
      const outcomes = await Promise.all(burst.map(async (r) => ((await r.json()) as Result).outcome));
      expect(outcomes.filter((o) => o === 15).length).toBeGreaterThanOrEqual(2);
      expect(outcomes.every((o) => o === 15 || o === 21)).toBe(true);
      expect((await stored()) - before).toBe(outcomes.filter((o) => o === 15).length);
    } finally {
      await small.shutdown();
    }
  });
});

describe("files", () => {
  it("caches a file by its MD5 for every client, and runs use it by file_list", async () => {
    const text = `shared data ${Date.now()}\n`;
    const id = md5(text);
    expect(await head(id)).toBe(404);
    // CodeRunner's order: run first, 404, upload, run again.
    const spec = {
      language_id: "python3",
      sourcecode: "print(open('data.txt').read(), end='')",
      file_list: [[id, "data.txt"]],
    };
    expect(await refused(spec)).toEqual({
      status: 404,
      body: "One or more of the specified files is missing/unavailable",
    });
    expect((await put(id, { file_contents: b64(text) })).status).toBe(204);
    expect(await head(id)).toBe(204);
    expect(await head(id, "198.51.100.7")).toBe(204);
    expect(await run(spec, "198.51.100.7")).toMatchObject({ outcome: 15, stdout: text });
  });

  it("keeps any other id private to the client that uploaded it", async () => {
    const id = `randomid${Date.now()}`;
    expect((await put(id, { file_contents: b64("mine") }, "203.0.113.1")).status).toBe(204);
    expect(await head(id, "203.0.113.1")).toBe(204);
    expect(await head(id, "203.0.113.2")).toBe(404);
    // Someone else's upload under an MD5-looking id that is not its contents' MD5 replaces nothing.
    const real = `real ${Date.now()}`;
    await put(md5(real), { file_contents: b64(real) }, "203.0.113.1");
    await put(md5(real), { file_contents: b64("poisoned") }, "203.0.113.2");
    const spec = { language_id: "python3", sourcecode: "print(open('f').read())", file_list: [[md5(real), "f"]] };
    expect(await run(spec, "203.0.113.3")).toMatchObject({ outcome: 15, stdout: `${real}\n` });
    expect((await run({ ...spec, file_list: [[id, "f"]] }, "203.0.113.1")).stdout).toBe("mine\n");
    expect((await refused({ ...spec, file_list: [[id, "f"]] })).status).toBe(404);
  });

  it("gives support files to Java's compiler (a class in a .java file)", async () => {
    const thing = 'public class Thing {\n  public void printme() { System.out.println("Farewell cruel world"); }\n}\n';
    await put(md5(thing), { file_contents: b64(thing) });
    const r = await run({
      language_id: "java",
      sourcecode: "public class Blah {\n  public static void main(String[] a) { new Thing().printme(); }\n}\n",
      file_list: [[md5(thing), "Thing.java"]],
    });
    expect(r).toMatchObject({ outcome: 15, stdout: "Farewell cruel world\n" });
  });

  it("answers bad uploads with Jobe's messages", async () => {
    expect(await (await put("abcdefgh12", { nothing: 1 })).json()).toBe("put: missing file_contents parameter");
    const bad = await put("abcdefgh12", { file_contents: "not base64!" });
    expect({ status: bad.status, body: await bad.json() }).toEqual({
      status: 400,
      body: "put: contents of file abcdefgh12 are not valid base-64",
    });
    expect((await put("abc-def", { file_contents: "" })).status).toBe(400);
    const big = await put("abcdefgh13", { file_contents: Buffer.alloc(1024 * 1024 + 1).toString("base64") });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatch(/at most 1024 KiB/);
    expect(await head("not-an-id")).toBe(404);
  });
});

describe("file cache bounds", () => {
  it("expires a file unused for the maximum age", async () => {
    const policy = { maxBytes: null, maxAgeMs: 60_000 };
    const file = { scope: "bounds-test", id: `expiring${Date.now()}`, content: Buffer.from("old") };
    await putJobeFile(file, policy);
    expect((await findJobeFiles([file.id], [file.scope], policy)).get(file.id)?.toString()).toBe("old");
    const client = await db();
    await client.jobeFile.update({
      where: { scope_id: { scope: file.scope, id: file.id } },
      data: { usedAt: new Date(Date.now() - 120_000) },
    });
    // Too old to be used at once, and deleted by the next upload.
    expect((await findJobeFiles([file.id], [file.scope], policy)).size).toBe(0);
    await putJobeFile({ ...file, id: `fresh${Date.now()}` }, policy);
    expect(await client.jobeFile.findUnique({ where: { scope_id: { scope: file.scope, id: file.id } } })).toBeNull();
  });

  it("deletes the least recently used files once the cache passes its size cap", async () => {
    const client = await db();
    const { _sum, _count } = await client.jobeFile.aggregate({ _sum: { size: true }, _count: true });
    const now = (_sum.size ?? 0) + _count * 256;
    const size = 100_000;
    // Room for what is there and two more files; a third passes the cap and the oldest go.
    const policy = { maxBytes: now + 2 * (size + 256) + 1000, maxAgeMs: 86_400_000 };
    const ids = [1, 2, 3].map((i) => `lru${i}x${Date.now()}`);
    for (const id of ids) {
      await putJobeFile({ scope: "bounds-test", id, content: Buffer.alloc(size, id) }, policy);
      await new Promise((r) => setTimeout(r, 20));
    }
    const left = await findJobeFiles(ids, ["bounds-test"], policy);
    expect(left.has(ids[2] as string)).toBe(true);
    expect(left.has(ids[0] as string)).toBe(false);
    const after = await client.jobeFile.aggregate({ _sum: { size: true }, _count: true });
    expect((after._sum.size ?? 0) + after._count * 256).toBeLessThanOrEqual(policy.maxBytes * 0.9);
  });
});
