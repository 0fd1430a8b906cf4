import { describe, expect, it } from "vitest";
import { NotFound } from "../errors";
import { SandboxBusy, ValidationError } from "../sandbox/errors";
import { actionError } from "./action-result";
import { errorResponse } from "./responses";

describe("one error mapping for routes and actions", () => {
  it.each([
    [new NotFound("No run has this id."), 404, "not_found"],
    [new ValidationError("Bad.", { x: "y" }), 400, "invalid_request"],
    [new SandboxBusy(3), 429, "busy"],
  ])("maps %s the same way in both", async (err, status, code) => {
    const res = errorResponse(err);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatchObject({ code, message: err.message });
    expect(actionError(err)).toMatchObject({ ok: false, error: { code, message: err.message } });
  });

  it("recognises a NotFound made by another copy of the module (Next bundles modules more than once)", () => {
    const foreign = Object.assign(new Error("gone"), { name: "NotFound", code: "not_found" });
    expect(foreign instanceof NotFound).toBe(true);
    expect(new Error("x") instanceof NotFound).toBe(false);
  });
});
