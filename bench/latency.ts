/**
 * Latency and throughput of Runbox against the exec floor and a fresh container per run.
 * Run by hand (`npm run bench`); prints tables; never part of CI pass/fail.
 *
 *   (a) floor:  `docker exec` of the bare program inside an already running container
 *   (b) fresh:  one new container per run through the Engine API (create, start, wait, logs, remove)
 *   (c) runbox: POST /api/v2/execute on a Runbox server this script starts on 127.0.0.1
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Docker from "dockerode";

const ROOT = path.resolve(import.meta.dirname, "..");
const STATE = path.join(ROOT, ".runbox");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const THROUGHPUT_RUNS = Number(process.env.BENCH_THROUGHPUT_RUNS ?? 40);
const docker = new Docker();
const manifest = JSON.parse(fs.readFileSync(path.join(STATE, "images.json"), "utf8")) as Record<
  string,
  { image: string }
>;

const PY = "print(1)";
const C = '#include <stdio.h>\nint main(void){puts("1");return 0;}\n';
type Case = {
  name: string;
  language: "python" | "c";
  image: string;
  argv: string[];
  files: { name: string; content: string }[];
};
const CASES: Case[] = [
  {
    name: "python",
    language: "python",
    image: manifest.python?.image ?? "",
    argv: ["python3", "-c", PY],
    files: [{ name: "main.py", content: PY }],
  },
  {
    name: "c (compile+run)",
    language: "c",
    image: manifest.c?.image ?? "",
    argv: ["sh", "-c", `printf '%s' '${C.replace(/'/g, "'\\''")}' > /tmp/a.c && gcc -O2 -o /tmp/a /tmp/a.c && /tmp/a`],
    files: [{ name: "main.c", content: C }],
  },
];

// The same hardening Runbox uses, so (b) pays for the same container features.
function hostConfig(): Docker.HostConfig {
  return {
    NetworkMode: "none",
    CapDrop: ["ALL"],
    SecurityOpt: ["no-new-privileges"],
    ReadonlyRootfs: true,
    Tmpfs: { "/tmp": "rw,exec,nosuid,nodev,size=67108864" },
    Memory: 512 * 1024 * 1024,
    MemorySwap: 512 * 1024 * 1024,
    PidsLimit: 128,
    NanoCpus: 1e9,
    LogConfig: { Type: "json-file", Config: {} },
    Init: true,
  };
}

async function floorRun(container: Docker.Container, argv: string[]): Promise<void> {
  const exec = await container.exec({ Cmd: argv, AttachStdout: true, AttachStderr: true, User: "1000:1000" });
  const stream = await exec.start({ hijack: true, stdin: false });
  await new Promise<void>((resolve) => {
    stream.on("end", resolve);
    stream.on("close", resolve);
    stream.resume();
  });
}

async function freshRun(c: Case): Promise<void> {
  const container = await docker.createContainer({
    Image: c.image,
    Cmd: c.argv,
    User: "1000:1000",
    Labels: { "runbox-bench": "1" },
    HostConfig: hostConfig(),
  });
  try {
    await container.start();
    await container.wait();
    await container.logs({ stdout: true, stderr: true });
  } finally {
    await container.remove({ force: true });
  }
}

/** Server-Timing phases of each Runbox run, by case (for the breakdown of a warm run). */
const phases = new Map<string, Record<string, number>[]>();

async function runboxRun(c: Case): Promise<void> {
  const t0 = performance.now();
  const res = await fetch(`${BASE}/api/v2/execute`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ language: c.language, version: "*", files: c.files }),
  });
  const body = (await res.json()) as { run?: { stdout: string } };
  if (body.run?.stdout !== "1\n") throw new Error(`unexpected answer: ${JSON.stringify(body).slice(0, 300)}`);
  const timing: Record<string, number> = { client: performance.now() - t0 };
  for (const part of (res.headers.get("server-timing") ?? "").split(",")) {
    const m = /^\s*([\w-]+);dur=([\d.]+)/.exec(part);
    if (m?.[1] && m[2]) timing[m[1]] = Number(m[2]);
  }
  phases.set(c.name, [...(phases.get(c.name) ?? []), timing]);
}

/** Where a warm run's time goes: median of each phase over the latency runs. */
function breakdown(c: Case) {
  const runs = (phases.get(c.name) ?? []).slice(1);
  const med = (k: string) =>
    pct(
      runs.map((r) => r[k] ?? 0),
      50,
    );
  const rows: [string, number][] = [
    ["HTTP + JSON in and out (client total − server total)", med("client") - med("total")],
    ["validation (parse)", med("parse")],
    ["database: store the run as running", med("db-create")],
    ["slot (queue)", med("queue")],
    ["container from the pool (take)", med("take")],
    ["compile job (rbrun)", med("compile")],
    ["narrow limits after compiling", med("narrow")],
    ["run job round trip (job written → result frames)", med("job")],
    ["  of which the program itself (rbrun wall_ms)", med("program")],
    ["debug analysis", med("analyze")],
    ["database: store the result", med("db-finish")],
  ];
  console.log(
    `\nWhere a warm ${c.name} run's time goes (median of ${runs.length}; client total ${ms(med("client"))})\n`,
  );
  console.log("| phase | ms |");
  console.log("| --- | --- |");
  for (const [name, v] of rows) console.log(`| ${name} | ${v.toFixed(1)} |`);
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function throughput(fn: () => Promise<void>, concurrency: number, total: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await fn();
      }
    }),
  );
  return total / ((performance.now() - t0) / 1000);
}

async function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(PORT),
      // Every request comes from this one loopback client, 8 at a time.
      RUNBOX_MAX_RUNS_PER_CLIENT: "64",
      RUNBOX_SUBMISSIONS_PER_MINUTE: "100000",
      RUNBOX_RATE_LIMIT_PER_MINUTE: "100000",
      DATABASE_URL: `file:${path.join(STATE, "bench.db")}`,
      LOG_LEVEL: "warn",
      RUNBOX_QUEUE_LIMIT: "256",
      RUNBOX_POOL_PREWARM: "python,c",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true, // its own process group: stopping it stops everything it started
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error("the Runbox server did not come up");
}

async function main() {
  const server = await startServer();
  try {
    await new Promise((r) => setTimeout(r, 3000)); // let the pool prewarm
    console.log(`\nLatency: ${RUNS} runs each, alternating a/b/c, same image\n`);
    console.log(
      "| program | (a) exec floor p50 / p95 | (b) fresh container p50 / p95 | (c) Runbox API p50 / p95 | c/a p50 | c/b p50 |",
    );
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const c of CASES) {
      const floorBox = await docker.createContainer({
        Image: c.image,
        Cmd: ["sleep", "infinity"],
        User: "1000:1000",
        Labels: { "runbox-bench": "1" },
        HostConfig: hostConfig(),
      });
      await floorBox.start();
      const a: number[] = [];
      const b: number[] = [];
      const r: number[] = [];
      try {
        await runboxRun(c); // warm-up (image cache, JIT)
        await floorRun(floorBox, c.argv);
        for (let i = 0; i < RUNS; i++) {
          a.push(await timed(() => floorRun(floorBox, c.argv)));
          b.push(await timed(() => freshRun(c)));
          r.push(await timed(() => runboxRun(c)));
        }
      } finally {
        await floorBox.remove({ force: true });
      }
      const [a50, b50, r50] = [pct(a, 50), pct(b, 50), pct(r, 50)];
      console.log(
        `| ${c.name} | ${ms(a50)} / ${ms(pct(a, 95))} | ${ms(b50)} / ${ms(pct(b, 95))} | ${ms(r50)} / ${ms(pct(r, 95))} | ${(r50 / a50).toFixed(2)}× | ${(r50 / b50).toFixed(2)}× |`,
      );
    }
    for (const c of CASES) breakdown(c);

    console.log(`\nThroughput (python, ${THROUGHPUT_RUNS} runs per cell, runs/s)\n`);
    console.log("| concurrency | (b) fresh container | (c) Runbox API | c/b |");
    console.log("| --- | --- | --- | --- |");
    const py = CASES[0] as Case;
    for (const n of [1, 4, 8]) {
      const fresh = await throughput(() => freshRun(py), n, THROUGHPUT_RUNS);
      const rb = await throughput(() => runboxRun(py), n, THROUGHPUT_RUNS);
      console.log(`| ${n} | ${fresh.toFixed(2)} | ${rb.toFixed(2)} | ${(rb / fresh).toFixed(2)}× |`);
    }

    await judgeBench();
    const health = (await (await fetch(`${BASE}/api/health`)).json()) as { pool: Record<string, unknown> };
    const idle = await docker.listContainers({ filters: { label: ["runbox=1"] } });
    let usage = 0;
    for (const info of idle) {
      const stats = (await docker.getContainer(info.Id).stats({ stream: false })) as {
        memory_stats?: { usage?: number };
      };
      usage += stats.memory_stats?.usage ?? 0;
    }
    console.log(
      `\nWarm pool: ${JSON.stringify(health.pool)}\nIdle pool containers: ${idle.length}, actual memory in use ${(usage / 1024 / 1024).toFixed(1)} MiB (limit budget ${String(health.pool.memoryBudgetMb)} MiB)\n`,
    );
  } finally {
    process.kill(-(server.pid as number), "SIGTERM");
    await new Promise((r) => setTimeout(r, 2000)); // the server drains its warm pool
    for (const c of await docker.listContainers({ all: true, filters: { label: ["runbox-bench=1"] } })) {
      await docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => {});
    }
  }
}

/** A 20-test submission: Runbox (compile once, one container) vs one fresh container per test. */
async function judgeBench() {
  const slug = fs
    .readdirSync(path.join(ROOT, "exercises"))
    .find((s) => JSON.parse(fs.readFileSync(path.join(ROOT, "exercises", s, "tests.json"), "utf8")).length === 20);
  if (!slug) return console.log("\n(no 20-test exercise found)");
  const dir = path.join(ROOT, "exercises", slug);
  const tests = JSON.parse(fs.readFileSync(path.join(dir, "tests.json"), "utf8")) as { stdin: string }[];
  const code = fs.readFileSync(path.join(dir, "solutions", "python", "main.py"), "utf8");
  const image = manifest.python?.image ?? "";
  const judgeOnce = async () => {
    const res = await fetch(`${BASE}/api/v1/exercises/${slug}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ language: "python", files: [{ name: "main.py", content: code }] }),
    });
    const body = (await res.json()) as { verdict?: string };
    if (body.verdict !== "AC") throw new Error(`expected AC, got ${JSON.stringify(body).slice(0, 200)}`);
  };
  const perTest = async () => {
    for (const t of tests) {
      const container = await docker.createContainer({
        Image: image,
        Cmd: ["python3", "-c", code],
        User: "1000:1000",
        OpenStdin: true,
        StdinOnce: true,
        AttachStdin: true,
        Labels: { "runbox-bench": "1" },
        HostConfig: hostConfig(),
      });
      const stream = await container.attach({ stream: true, stdin: true, stdout: true, hijack: true });
      await container.start();
      stream.end(t.stdin);
      await container.wait();
      await container.remove({ force: true });
    }
  };
  await judgeOnce();
  const rb: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < 5; i++) {
    rb.push(await timed(judgeOnce));
    fresh.push(await timed(perTest));
  }
  const [r50, f50] = [pct(rb, 50), pct(fresh, 50)];
  console.log(`\n20-test submission (${slug}, python, median of 5)\n`);
  console.log("| Runbox judge (one container) | one fresh container per test | speed-up |");
  console.log("| --- | --- | --- |");
  console.log(`| ${ms(r50)} | ${ms(f50)} | ${(f50 / r50).toFixed(1)}× |`);
}

await main();
