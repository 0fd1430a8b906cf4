import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export interface TestServer {
  base: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a lost machine: no clean shutdown. */
  kill(): Promise<void>;
  /** What the server wrote on stdout (its log lines), the last 1 MiB. */
  logs(): string;
}

/** The built app behind server.ts, started as npm start does, with extra settings. */
export async function startServer(settings: Record<string, string>): Promise<TestServer> {
  if (!fs.existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("build the app first (npx next build)");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let stderr = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn", ...settings },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: stop() ends everything it started
  });
  child.stderr?.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  let stdout = "";
  child.stdout?.on("data", (d) => {
    stdout = (stdout + d).slice(-1024 * 1024);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-(child.pid as number), "SIGTERM");
    const killer = setTimeout(() => process.kill(-(child.pid as number), "SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  };
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-(child.pid as number), "SIGKILL");
    await exited;
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, stop, kill, logs: () => stdout };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the server did not come up: ${stderr}`);
}

const manifest = () =>
  JSON.parse(fs.readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };

/** A server action of app/actions.ts called as the browser calls it (POST to a page, Next-Action header). */
export function callAction(
  base: string,
  page: string,
  name: string,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<ActionAnswer> {
  return callActionIn("app/actions.ts", base, page, name, args, headers);
}

export interface ActionAnswer {
  status: number;
  result: unknown;
  cookie: string | null;
  body: string;
  response: Response;
}

function actionId(file: string, name: string): string {
  const id = Object.entries(manifest().node).find(([, a]) => a.filename === file && a.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} of ${file} in the build`);
  return id;
}

/** A server action of any file, with JSON-encodable arguments. */
export async function callActionIn(
  file: string,
  base: string,
  page: string,
  name: string,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<ActionAnswer> {
  return send(base, page, actionId(file, name), JSON.stringify(args), {
    "Content-Type": "text/plain;charset=UTF-8",
    ...headers,
  });
}

/**
 * A form's server action as useActionState calls it: (previous state, FormData), sent as React
 * encodes it (the arguments as row "0", the form's fields prefixed "_<row>_").
 */
export async function callFormAction(
  file: string,
  base: string,
  page: string,
  name: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  bound: unknown[] = [],
): Promise<ActionAnswer> {
  const body = new FormData();
  const formRow = 1;
  for (const [k, v] of Object.entries(fields)) body.append(`_${formRow}_${k}`, v);
  // Last, as React sends it: the server reads the form's fields before it resolves row 0.
  body.set("0", JSON.stringify([...bound, {}, `$K${formRow.toString(16)}`]));
  return send(base, page, actionId(file, name), body, headers);
}

async function send(
  base: string,
  page: string,
  id: string,
  body: string | FormData,
  headers: Record<string, string>,
): Promise<ActionAnswer> {
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: base, ...headers },
    body,
  });
  const text = await res.text();
  // The answer is a React Flight stream: row 0 names the row that holds the action's result.
  const rows = new Map(
    text
      .split("\n")
      .map((line) => /^([0-9a-f]+):(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]] as const),
  );
  let result: unknown;
  try {
    const ref = (JSON.parse(rows.get("0") ?? "{}") as { a?: string }).a?.replace("$@", "");
    result = ref ? JSON.parse(rows.get(ref) ?? "null") : undefined;
  } catch {
    result = undefined;
  }
  return { status: res.status, result, cookie: ownerCookie(res), body: text, response: res };
}

/** The value a response sets for a cookie ("" when it deletes it), or null when it does not set it. */
export function setCookieValue(res: Response, name: string): string | null {
  const set = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return set === undefined ? null : (set.split(";")[0] ?? "").slice(name.length + 1);
}

/** The `runbox_owner=…` pair a response sets, ready for a Cookie header. */
export function ownerCookie(res: Response): string | null {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("runbox_owner="));
  return set ? (set.split(";")[0] ?? null) : null;
}
