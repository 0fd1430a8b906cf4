import { describe, expect, it } from "vitest";
import { jsonNestsDeeperThan } from "./json-depth";
import { BodyError, readJson } from "./responses";

const post = (body: string) => new Request("http://x/", { method: "POST", body });

describe("jsonNestsDeeperThan", () => {
  it("counts arrays and objects, not brackets inside strings or after escaped quotes", () => {
    expect(jsonNestsDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":[{"b":[[1]]}]}', 4)).toBe(true);
    expect(jsonNestsDeeperThan(JSON.stringify({ code: "[".repeat(1000) }), 4)).toBe(false);
    expect(jsonNestsDeeperThan(JSON.stringify({ code: '\\"[[[[[[' }), 2)).toBe(false);
    expect(jsonNestsDeeperThan(`${"[".repeat(65)}${"]".repeat(65)}`, 64)).toBe(true);
  });
});

describe("readJson", () => {
  it("refuses a body nested past 64 levels with a 400 before parsing it", async () => {
    const deep = `{"files":${"[".repeat(2_000_000)}${"]".repeat(2_000_000)}}`;
    const err = await readJson(post(deep)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyError);
    expect((err as BodyError).status).toBe(400);
    expect((err as BodyError).message).toMatch(/nests deeper than 64/);
  });

  it("still reads ordinary bodies, brackets in code included", async () => {
    const body = { language: "python", files: [{ content: "print([[[[1]]]])" }] };
    expect(await readJson(post(JSON.stringify(body)))).toEqual(body);
  });
});
