/**
 * Finding 2: INNGEST_DEV alone must not put a production build in dev mode (unsigned calls to
 * /api/inngest would run functions). Only RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION=1 allows it.
 */
import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/env";
import { createInngestClient, resolveInngestMode } from "@/server/inngest/client";
import { logger } from "@/server/log";

const RUNNER = "http://127.0.0.1:8288";
const prod = (extra: Record<string, string> = {}) => parseEnv({ NODE_ENV: "production", INNGEST_DEV: RUNNER, ...extra });

afterEach(() => vi.restoreAllMocks());

describe("Inngest mode", () => {
  it("a production build with INNGEST_DEV and no allowance stays in cloud mode and says why", () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    const mode = resolveInngestMode(prod());
    expect(mode).toMatchObject({ dev: false, url: RUNNER });
    expect(mode.refused).toMatch(/RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION=1/);
    expect(createInngestClient(prod()).mode).toBe("cloud");
    expect(error).toHaveBeenCalledWith(expect.anything(), expect.stringMatching(/INNGEST_DEV is set in a production build/));
  });

  it("RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION=1 allows it (and only 1 does)", () => {
    const allowed = prod({ RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION: "1" });
    expect(resolveInngestMode(allowed)).toEqual({ dev: true, url: RUNNER, devInProduction: true });
    expect(createInngestClient(allowed).mode).toBe("dev");
    vi.spyOn(logger, "error").mockImplementation(() => {});
    for (const v of ["0", ""]) {
      expect(createInngestClient(prod({ RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION: v })).mode).toBe("cloud");
    }
    // Any other spelling stops the server at start rather than being read as "no".
    for (const v of ["true", "yes"]) expect(() => prod({ RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION: v })).toThrow(/RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION/);
  });

  it("development and tests keep following INNGEST_DEV; production without it is cloud", () => {
    expect(resolveInngestMode({ NODE_ENV: "development", INNGEST_DEV: RUNNER })).toEqual({ dev: true, url: RUNNER });
    expect(resolveInngestMode({ NODE_ENV: "test", INNGEST_DEV: "1" })).toEqual({ dev: true, url: undefined });
    expect(resolveInngestMode({ NODE_ENV: "development" })).toEqual({ dev: true });
    expect(resolveInngestMode({ NODE_ENV: "development", INNGEST_SIGNING_KEY: "signkey-x" })).toEqual({ dev: false });
    expect(resolveInngestMode({ NODE_ENV: "production" })).toEqual({ dev: false });
    expect(resolveInngestMode(prod({ INNGEST_DEV: "0" }))).toEqual({ dev: false, url: undefined });
  });
});

describe("an unsigned call to the served functions", () => {
  function served(env: Parameters<typeof createInngestClient>[0]) {
    const client = createInngestClient(env);
    const ran = vi.fn();
    const fn = client.createFunction({ id: "victim", triggers: [{ event: "x/victim" }] }, async () => {
      ran();
      return "ran";
    });
    const handler = serve({ client, functions: [fn] });
    const call = () =>
      handler.POST(
        new NextRequest("http://localhost/api/inngest?fnId=radium-victim&stepId=step", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ event: { name: "x/victim", data: {} }, ctx: { run_id: "r1", attempt: 0 }, steps: {} }),
        }),
        undefined,
      );
    return { call, ran };
  }

  it("is refused in a production build with INNGEST_DEV but no allowance", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => {});
    const { call, ran } = served(prod());
    const res = await call();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(ran).not.toHaveBeenCalled();
  });

  it("runs with the allowance", async () => {
    const { call, ran } = served(prod({ RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION: "1" }));
    const res = await call();
    expect(res.status).toBe(200);
    expect(ran).toHaveBeenCalledOnce();
  });
});
