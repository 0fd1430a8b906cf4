/**
 * A language added by an image folder alone (images/lua: a Dockerfile and language.json, no code
 * elsewhere) appears in every API and runs like the built-in ones.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET as languages } from "@/app/api/v1/languages/route";
import { POST as createRun } from "@/app/api/v1/runs/route";
import { GET as runtimes } from "@/app/api/v2/runtimes/route";
import { expectNoContainersLeft } from "./helpers";

const dir = path.resolve(__dirname, "../../images/lua");

describe("a language from an image folder", () => {
  it("is listed by the native and the Piston API, with its libraries", async () => {
    const native = await (await languages(new Request("http://x"))).json();
    const lua = native.languages.find((l: { id: string }) => l.id === "lua");
    expect(lua).toMatchObject({ name: "Lua", defaultFile: "main.lua", monaco: "lua", compiled: false });
    expect(lua.libraries).toEqual(["the Lua 5.4 standard library"]);
    const piston = await (await runtimes(new Request("http://x"))).json();
    expect(piston.find((r: { language: string }) => r.language === "lua")).toMatchObject({ aliases: ["lua5.4"] });
  });

  it("runs its image's test program through the API, found by alias too", async () => {
    for (const language of ["lua", "lua5.4"]) {
      const res = await createRun(
        new Request("http://127.0.0.1/api/v1/runs", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            language,
            files: [{ name: "main.lua", content: fs.readFileSync(path.join(dir, "test/main.lua"), "utf8") }],
            stdin: "Ana\n",
          }),
        }),
      );
      const body = await res.json();
      expect(body.status).toBe("ok");
      expect(body.run.stdout).toBe(fs.readFileSync(path.join(dir, "test/expected.txt"), "utf8"));
    }
  });
});

afterAll(async () => {
  await expectNoContainersLeft();
});
