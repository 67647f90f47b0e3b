import { describe, expect, it } from "vitest";
import { serverFieldErrors } from "./server-errors";

describe("server field errors", () => {
  it("maps the router's zod issues under config to form paths", () => {
    const err = {
      message: "config.scaling.maxReplicas: …",
      data: {
        code: "BAD_REQUEST",
        issues: [
          { message: "Max replicas must be at least min replicas (3).", path: ["config", "scaling", "maxReplicas"] },
          { message: "Accept the terms", path: ["terms", "accepted"] },
          { message: "Use capitals", path: ["config", "environment", "envVars", "0", "key"] },
        ],
      },
    };
    expect(serverFieldErrors(err)).toEqual([
      { path: "scaling.maxReplicas", message: "Max replicas must be at least min replicas (3)." },
      { path: "environment.envVars.0.key", message: "Use capitals" },
    ]);
  });

  it("reads a conflict's 'path: message' line", () => {
    const err = { message: "name: You already have an endpoint named demo.", data: { code: "CONFLICT" } };
    expect(serverFieldErrors(err)).toEqual([{ path: "name", message: "You already have an endpoint named demo." }]);
  });

  it("gives nothing for other errors", () => {
    expect(serverFieldErrors(new Error("offline"))).toEqual([]);
    expect(serverFieldErrors({ message: "x", data: { code: "INTERNAL_SERVER_ERROR", issues: null } })).toEqual([]);
  });
});
