import { describe, expect, it } from "vitest";
import { ByteLru } from "./byte-lru";

describe("ByteLru", () => {
  it("evicts the least recently used entries once the bytes exceed the bound", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    expect(lru.get("a")).toBe("A"); // now b is the oldest
    lru.set("c", "C", 40);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("A");
    expect(lru.get("c")).toBe("C");
    expect(lru.bytes).toBe(80);
  });

  it("does not keep an entry larger than its share, and forgets on delete", () => {
    const lru = new ByteLru<string>(100, 50);
    lru.set("big", "X", 60);
    expect(lru.get("big")).toBeUndefined();
    lru.set("a", "A", 30);
    lru.set("a", "A2", 20);
    expect(lru.bytes).toBe(20);
    lru.delete("a");
    expect(lru.get("a")).toBeUndefined();
    expect(lru.bytes).toBe(0);
    expect(lru.size).toBe(0);
  });
});
