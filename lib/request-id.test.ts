import { describe, expect, it } from "vitest";
import { acceptRequestId, newRequestId } from "./request-id";

describe("request ids", () => {
  it("keeps a client's id of the safe shape", () => {
    for (const id of [
      "abc",
      "0f8fad5b-d9cb-469f-a165-70867728950e",
      "01ARZ3NDEKTSV4RRFFQ69G5FAV",
      "a.b_c:d-e",
      "x".repeat(64),
    ])
      expect(acceptRequestId(id)).toBe(id);
  });

  it("replaces anything else with a new id", () => {
    const bad = [
      undefined,
      "",
      "x".repeat(65),
      "x".repeat(100_000),
      "two words",
      "a\r\nSet-Cookie: x=1",
      "a\nb",
      '"quoted"',
      "<script>",
      "café",
      "a/b",
      ["one", "two"],
    ];
    for (const sent of bad) {
      const id = acceptRequestId(sent);
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(id).not.toBe(sent);
    }
  });

  it("makes a different id each time", () => {
    expect(new Set(Array.from({ length: 100 }, newRequestId)).size).toBe(100);
  });
});
