import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { newOwnerToken, signOwnerId, verifyOwnerToken } from "./owner-token";

const SECRET = "unit-test-secret-0123456789abcdef-0123";
beforeAll(() => {
  process.env.RUNBOX_SECRET = SECRET;
});

describe("owner tokens", () => {
  it("verifies what the server signed, and nothing else", () => {
    const { id, token } = newOwnerToken();
    expect(id).toMatch(/^[\w-]{21}$/);
    expect(verifyOwnerToken(token)).toBe(id);
    expect(verifyOwnerToken(signOwnerId(id))).toBe(id);
    // Before signing, any 21 characters were an identity.
    expect(verifyOwnerToken(id)).toBeNull();
    expect(verifyOwnerToken(`${id}.`)).toBeNull();
    expect(verifyOwnerToken(`${"A".repeat(21)}.${token.slice(22)}`)).toBeNull();
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(verifyOwnerToken(flipped)).toBeNull();
    expect(verifyOwnerToken(`${token}x`)).toBeNull();
    expect(verifyOwnerToken(undefined)).toBeNull();
    expect(verifyOwnerToken("x".repeat(10_000))).toBeNull();
    // Signed with another key: forged.
    const other = createHmac("sha256", "another-secret-another-secret-12345").update(`runbox-owner:${id}`);
    expect(verifyOwnerToken(`${id}.${other.digest("base64url")}`)).toBeNull();
  });
});
