/**
 * A quiz's burst against the Jobe API: N submissions of a small Python program at once, as a
 * Moodle server sends them when a class submits together. Prints how many succeeded (15) and
 * how many were told the server is overloaded (21), anything else, and latency percentiles.
 * Run by hand against a running server; never part of CI.
 *
 *   JOBE_BASE=http://127.0.0.1:3161 JOBE_KEY=… JOBE_BURST=200 npx tsx bench/jobe-burst.ts
 */
export {};

const BASE = process.env.JOBE_BASE ?? "http://127.0.0.1:3000";
const KEY = process.env.JOBE_KEY;
const N = Number(process.env.JOBE_BURST ?? 200);
const LANGUAGE = process.env.JOBE_LANGUAGE ?? "python3";
const SOURCES: Record<string, string> = {
  python3: "n = int(input())\nprint(sum(i * i for i in range(n)))\n",
  c: '#include <stdio.h>\nint main(void) { long n, s = 0; scanf("%ld", &n); for (long i = 0; i < n; i++) s += i * i; printf("%ld\\n", s); return 0; }\n',
};

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function one(): Promise<{ ms: number; what: string }> {
  const t = performance.now();
  try {
    const res = await fetch(`${BASE}/jobe/index.php/restapi/runs`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(KEY ? { "X-API-KEY": KEY } : {}) },
      body: JSON.stringify({
        run_spec: {
          language_id: LANGUAGE,
          sourcecode: SOURCES[LANGUAGE],
          input: "1000\n",
          sourcefilename: `__tester__.${LANGUAGE}`,
        },
      }),
    });
    const body = (await res.json()) as { outcome?: number };
    return { ms: performance.now() - t, what: res.status === 200 ? `outcome ${body.outcome}` : `HTTP ${res.status}` };
  } catch (err) {
    return { ms: performance.now() - t, what: `error ${(err as Error).message}` };
  }
}

const started = performance.now();
const results = await Promise.all(Array.from({ length: N }, one));
const total = performance.now() - started;
const counts = new Map<string, number[]>();
for (const r of results) counts.set(r.what, [...(counts.get(r.what) ?? []), r.ms]);
console.log(`${N} ${LANGUAGE} submissions at once to ${BASE}: all answered in ${(total / 1000).toFixed(1)} s`);
console.log("| answer | count | p50 | p95 | max |");
console.log("| ------ | ----- | --- | --- | --- |");
for (const [what, times] of [...counts].sort()) {
  const sorted = times.sort((a, b) => a - b);
  const f = (ms: number) => `${Math.round(ms)} ms`;
  console.log(
    `| ${what} | ${times.length} | ${f(pct(sorted, 50))} | ${f(pct(sorted, 95))} | ${f(sorted.at(-1) ?? NaN)} |`,
  );
}
const all = results.map((r) => r.ms).sort((a, b) => a - b);
console.log(`all: p50 ${Math.round(pct(all, 50))} ms, p95 ${Math.round(pct(all, 95))} ms`);
