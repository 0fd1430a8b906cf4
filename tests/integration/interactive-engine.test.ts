/**
 * Interactive runs at the engine: input arrives while the program runs, under a terminal or
 * plain pipes; waiting for a person is not running (CPU time is the limit), and idleness,
 * the session and the input are capped.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { InteractiveOptions } from "@/lib/sandbox";
import { engine } from "../support/engine";
import { expectNoContainersLeft } from "./helpers";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const base: InteractiveOptions = { tty: true, idleMs: 10_000, sessionMs: 30_000, inputCapBytes: 1024 };

function start(input: unknown, opts: Partial<InteractiveOptions> = {}) {
  const e = engine();
  const seen: string[] = [];
  const run = e.interactive(e.parse(input), {
    ...base,
    ...opts,
    onEvent: (ev) => {
      if (ev.type === "output") seen.push(ev.text);
    },
  });
  const until = async (text: string) => {
    for (let i = 0; i < 200 && !seen.join("").includes(text); i++) await sleep(50);
    return seen.join("");
  };
  return { run, until };
}

describe.concurrent("interactive runs", () => {
  it("shows the prompt before input, echoes the answer and sees a terminal (Python)", async () => {
    const { run, until } = start({
      language: "python",
      files: [
        { content: "import sys\nname = input('What is your name? ')\nprint(f'Hello, {name}!', sys.stdin.isatty())" },
      ],
    });
    expect(await until("What is your name? ")).not.toContain("Hello");
    run.write("Ana\n");
    const r = await run.result;
    expect(r.status).toBe("ok");
    expect(r.run?.stdout).toBe("What is your name? Ana\r\nHello, Ana! True\r\n");
  });

  it("flushes a C prompt without a newline before scanf waits, and Ctrl-C interrupts", async () => {
    const { run, until } = start({
      language: "c",
      files: [
        {
          name: "main.c",
          content:
            '#include <stdio.h>\nint main(void){ char n[64]; printf("Name? "); if (scanf("%63s", n) == 1) printf("Hello, %s!\\n", n); for (;;) {} }\n',
        },
      ],
    });
    await until("Name? ");
    run.write("Bo\r");
    await until("Hello, Bo!");
    run.write("\x03");
    const r = await run.result;
    expect(r.run?.signal).toBe("SIGINT");
  });

  it("waits for a person longer than the run's time limit: only CPU time counts", async () => {
    const { run, until } = start({
      language: "python",
      files: [{ content: "print('ready', flush=True)\nx = input()\nprint('got', x)" }],
      limits: { timeoutMs: 500 },
    });
    await until("ready");
    await sleep(1500);
    run.write("late\n");
    const r = await run.result;
    expect(r.status).toBe("ok");
    expect(r.run?.stdout).toContain("got late");
    expect(r.run?.wallTimeMs).toBeGreaterThan(1500);
  });

  it("stops a busy program at its CPU-time limit", async () => {
    const { run } = start({ language: "python", files: [{ content: "while True: pass" }], limits: { timeoutMs: 400 } });
    const r = await run.result;
    expect(r.status).toBe("timeout");
    expect(r.run?.timeoutKind).toBe("cpu");
  });

  it("ends input with end-of-file on pipes, after the Input box's text", async () => {
    const { run } = start(
      { language: "python", files: [{ content: "import sys\nprint(repr(sys.stdin.read()))" }], stdin: "abc\n" },
      { tty: false },
    );
    run.write("def\n");
    run.end();
    const r = await run.result;
    expect(r.run?.stdout).toBe("'abc\\ndef\\n'\n");
  });

  it("stops a program that waits with no input for the idle limit", async () => {
    const { run } = start({ language: "python", files: [{ content: "input()" }] }, { idleMs: 700 });
    const r = await run.result;
    expect(r.status).toBe("timeout");
    expect(r.run?.timeoutKind).toBe("idle");
  });

  it("delivers input and the terminal size sent before the program started", async () => {
    // Sent at once, before compiling or starting finishes: they must not be lost in rbrun's buffer.
    const { run } = start(
      { language: "python", files: [{ content: "import os\nprint(os.get_terminal_size(), repr(input()))" }] },
      { size: { rows: 30, cols: 100 } },
    );
    run.write("early\r");
    const r = await run.result;
    expect(r.status).toBe("ok");
    expect(r.run?.stdout).toContain("os.terminal_size(columns=100, lines=30) 'early'");
    const pipes = start(
      { language: "bash", files: [{ name: "main.sh", content: 'read x; echo "[$x]"' }] },
      { tty: false },
    );
    pipes.run.write("typed early\n");
    expect((await pipes.run.result).run?.stdout).toBe("[typed early]\n");
  });

  it("caps the input a person can send", async () => {
    const { run, until } = start(
      { language: "python", files: [{ content: "print('ok', flush=True)\nimport time\ntime.sleep(2)" }] },
      { inputCapBytes: 8 },
    );
    await until("ok");
    expect(run.write("12345")).toBe(true);
    expect(run.write("67890")).toBe(false);
    expect(run.signal("SIGSEGV")).toBe(false);
    await run.result;
    expect(run.write("x")).toBe(false);
  });
});

afterAll(async () => {
  await expectNoContainersLeft();
});
