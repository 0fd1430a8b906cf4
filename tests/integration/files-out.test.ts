/**
 * Files out of a run: what a program writes under /box/out comes back (capped, typed from its
 * bytes, never through a link), and Python's scientific stack draws plots into it.
 */
import { afterAll, describe, expect, it } from "vitest";
import { POST as createRun } from "@/app/api/v1/runs/route";
import { expectNoContainersLeft } from "./helpers";

async function api(language: string, content: string, extra: object = {}) {
  const res = await createRun(
    new Request("http://127.0.0.1/api/v1/runs", {
      method: "POST",
      headers: { "content-type": "application/json", "x-runbox-client-ip": "10.55.0.1" },
      body: JSON.stringify({ language, files: [{ content }], ...extra }),
    }),
  );
  expect(res.status).toBe(200);
  return res.json();
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("files out of a run", () => {
  it("draws with numpy, pandas and matplotlib: plt.show() hands back a PNG", async () => {
    const body = await api(
      "python",
      [
        "import numpy as np, pandas as pd, matplotlib.pyplot as plt",
        "x = np.linspace(0, 2 * np.pi, 50)",
        "df = pd.DataFrame({'x': x, 'sin': np.sin(x)})",
        "print(round(df['sin'].max(), 3))",
        "plt.plot(df['x'], df['sin'])",
        "plt.show()",
        "df.to_csv('/box/out/sine.csv', index=False)",
      ].join("\n"),
      { limits: { timeoutMs: 20_000 } },
    );
    expect(body.status).toBe("ok");
    expect(body.run.stdout).toBe("0.999\n");
    expect(body.run.stderr).toBe("");
    const names = body.outputs.map((o: { name: string }) => o.name);
    expect(names).toEqual(["figure-1.png", "sine.csv"]);
    const png = body.outputs[0];
    expect(png.type).toBe("image/png");
    expect([...Buffer.from(png.content, "base64").subarray(0, 8)]).toEqual(PNG);
    expect(png.size).toBe(Buffer.from(png.content, "base64").length);
    expect(body.outputs[1].type).toBe("text/csv");
    // In the stored run too.
    const { GET } = await import("@/app/api/v1/runs/[id]/route");
    const stored = await (await GET(new Request("http://x"), { params: Promise.resolve({ id: body.id }) })).json();
    expect(stored.run.files.map((f: { name: string }) => f.name)).toEqual(names);
  });

  it("types files by their bytes, not their names, and follows no link out of the folder", async () => {
    const body = await api(
      "python",
      [
        "import os",
        "open('/box/out/not-an-image.png', 'w').write('<svg onload=alert(1)></svg>')",
        "os.symlink('/etc/passwd', '/box/out/passwd.txt')",
        "open('/box/out/../escaped.txt', 'w').write('x')",
        "print('ok')",
      ].join("\n"),
    );
    expect(body.status).toBe("ok");
    expect(body.outputs.map((o: { name: string; type: string }) => [o.name, o.type])).toEqual([
      ["not-an-image.png", "image/svg+xml"],
    ]);
  });

  it("refuses more files, or more bytes, than a run may hand back, with a clear status", async () => {
    const many = await api("python", "for i in range(100):\n    open(f'/box/out/f{i:03}.txt', 'w').write('x')\n");
    expect(many.status).toBe("output_limit");
    expect(many.outputs.length).toBe(8);
    expect(many.run.message).toMatch(/8 kept, 92 left out/);
    const big = await api("python", "open('/box/out/big.bin', 'wb').write(b'\\0' * (50 * 1024 * 1024))\n", {
      limits: { memoryMb: 512 },
    });
    expect(big.status).toBe("output_limit");
    expect(big.outputs).toEqual([]);
    expect(big.run.message).toMatch(/left out/);
  });

  it("gives Piston clients their usual answer, without files", async () => {
    const { POST } = await import("@/app/api/v2/execute/route");
    const res = await POST(
      new Request("http://127.0.0.1/api/v2/execute", {
        method: "POST",
        headers: { "content-type": "application/json", "x-runbox-client-ip": "10.55.0.2" },
        body: JSON.stringify({
          language: "python",
          version: "*",
          files: [
            {
              content:
                "import os\nos.makedirs('/box/out', exist_ok=True)\nopen('/box/out/a.txt','w').write('x')\nprint('done')",
            },
          ],
        }),
      }),
    );
    const body = await res.json();
    expect(body.run).toMatchObject({ code: 0, stdout: "done\n" });
    expect(Object.keys(body.run)).not.toContain("files");
    expect(Object.keys(body)).not.toContain("outputs");
  });
});

afterAll(async () => {
  await expectNoContainersLeft();
});
