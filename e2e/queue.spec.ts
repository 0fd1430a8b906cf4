import { expect, test } from "./fixtures";
import { PlaygroundPage } from "./pages/playground-page";
import { type ExtraServer, startExtraServer } from "./support/server";

// One sandbox at a time, so runs queue; its own server, as the shared one runs two at once.
let server: ExtraServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startExtraServer({
    RUNBOX_MAX_CONCURRENCY: "1",
    RUNBOX_MAX_RUNS_PER_CLIENT: "8",
    RUNBOX_RATE_LIMIT_PER_MINUTE: "1000",
    RUNBOX_POOL_SIZE: "0",
    RUNBOX_INSTANCE_ID: "e2e-queue",
  });
});
test.afterAll(async () => server?.stop());

/** A program that holds the only sandbox for a while (Piston API, answered when it ends). */
const holdSandbox = (seconds: number) =>
  fetch(`${server.base}/api/v2/execute`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      language: "python",
      version: "*",
      files: [{ content: `import time\ntime.sleep(${seconds})\n` }],
    }),
  });

test("a run waiting for a sandbox shows its place in line, then runs", async ({ page }) => {
  test.setTimeout(120_000);
  const pg = new PlaygroundPage(page);
  await pg.goto(`${server.base}/`);
  await pg.setCode("print('my turn')\n");
  // One program runs, one waits: this browser's run is 2nd in line.
  const first = holdSandbox(4);
  await expect.poll(async () => (await (await fetch(`${server.base}/api/health`)).json()).queue.active).toBe(1);
  const second = holdSandbox(4);
  await expect.poll(async () => (await (await fetch(`${server.base}/api/health`)).json()).queue.queued).toBe(1);
  await pg.run();
  const phase = page.getByTestId("run-phase");
  await expect(phase).toHaveText("Waiting for a free sandbox — 2nd in line");
  await expect(page.getByTestId("run-announcement")).toHaveText("Waiting for a free sandbox — 2nd in line.");
  // The first ends: one ahead.
  await expect(phase).toHaveText("Waiting for a free sandbox — 1st in line", { timeout: 20_000 });
  await expect(pg.status()).toHaveText("OK", { timeout: 30_000 });
  await expect(pg.output()).toHaveText("my turn\n");
  expect((await first).status).toBe(200);
  expect((await second).status).toBe(200);
});
