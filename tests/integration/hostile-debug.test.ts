/**
 * A program whose compiler output is built to be expensive to analyse: thousands of warnings
 * and thousands of undefined references, just under the 1 MiB output limit. Through the real
 * API route it must come back as a compile error with a report, while health checks made in
 * the meantime keep answering quickly (the analysis runs off the event loop, on bounded text).
 */
import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { POST as createRun } from "@/app/api/v1/runs/route";

const post = (body: unknown) =>
  new Request("http://127.0.0.1/api/v1/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/**
 * `calls` functions declared but never defined (one linker error each) and `unused` unused
 * variables (one warning each). `#line` names a file that does not exist, so GCC prints no code
 * excerpt under each warning: about 64 bytes per line, ~15k lines in 1 MiB.
 */
function floodProgram(calls: number, unused: number): string {
  const out = ['#line 1 "a"'];
  for (let i = 0; i < calls; i++) out.push(`void g${i}(void);`);
  out.push("void f(void) {");
  for (let i = 0; i < calls; i++) out.push(`g${i}();`);
  out.push("}", "void h(void) {");
  for (let i = 0; i < unused; i++) out.push(`int b${i};`);
  out.push("}", "int main(void) { f(); h(); return 0; }");
  return `${out.join("\n")}\n`;
}

describe("hostile compiler output", () => {
  it("is analysed without stalling health checks", async () => {
    const source = floodProgram(7200, 8200);
    const answer = createRun(
      post({ language: "c", files: [{ name: "main.c", content: source }], limits: { outputKb: 1024 } }),
    );
    let finished = false;
    void answer.finally(() => {
      finished = true;
    });

    // A health check is due every 100 ms until the answer is back (compiling takes seconds).
    // Each is timed from when it was due, as a client sending it then would see it: a blocked
    // event loop delays the timer that starts it just as it would delay a real request.
    const latencies: number[] = [];
    const start = performance.now();
    for (let k = 0; !finished; k++) {
      const due = start + k * 100;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const res = await health();
      latencies.push(performance.now() - due);
      expect(res.status).toBe(200);
    }

    const res = await answer;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("compile_error");
    // The output is the flood it was built to be, and it stayed within the limit.
    expect(body.compile.outputTruncated).toBe(false);
    expect(body.compile.stderr.length).toBeGreaterThan(900_000);
    expect(body.compile.stderr.split("undefined reference").length - 1).toBeGreaterThan(7000);
    expect(body.debug).toMatchObject({
      category: "undefined_function",
      stage: "compile",
      title: expect.stringMatching(/^undefined reference to 'g\d+'$/),
    });
    expect(body.debug.locations.length).toBeLessThanOrEqual(50);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(2000);
  });
});
