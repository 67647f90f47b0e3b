import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";
import { describeDb, resolveDbConfig } from "@/server/db/config";
import { authMode } from "@/server/auth/mode";

describe("database driver choice", () => {
  it("uses embedded PGlite when DATABASE_URL is unset or empty", () => {
    expect(resolveDbConfig({}).driver).toBe("pglite");
    expect(resolveDbConfig(parseEnv({ DATABASE_URL: "" })).driver).toBe("pglite");
    expect(resolveDbConfig(parseEnv({ DATABASE_URL: "  " })).driver).toBe("pglite");
    expect(resolveDbConfig({ PGLITE_DIR: "/tmp/x" })).toEqual({ driver: "pglite", url: "/tmp/x" });
  });
  it("uses node-postgres for a plain Postgres URL and Neon for a Neon host", () => {
    expect(resolveDbConfig({ DATABASE_URL: "postgres://u:p@127.0.0.1:5432/db" }).driver).toBe("node-postgres");
    expect(resolveDbConfig({ DATABASE_URL: "postgresql://u:p@ep-cool-1.us-east-2.aws.neon.tech/db" }).driver).toBe("neon");
  });
  it("honours an explicit switch and rejects unknown ones", () => {
    expect(resolveDbConfig({ DATABASE_URL: "postgres://127.0.0.1/db", DATABASE_DRIVER: "neon" }).driver).toBe("neon");
    expect(resolveDbConfig(parseEnv({ DATABASE_URL: "postgres://127.0.0.1/db", DATABASE_DRIVER: "node-postgres" })).driver).toBe("node-postgres");
    expect(() => parseEnv({ DATABASE_URL: "postgres://127.0.0.1/db", DATABASE_DRIVER: "mysql" })).toThrow(/DATABASE_DRIVER/);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL: Invalid URL/);
  });
  it("never logs credentials", () => {
    const text = describeDb(resolveDbConfig({ DATABASE_URL: "postgres://admin:hunter2@db.example.com:6543/app" }));
    expect(text).toBe("node-postgres (db.example.com:6543/app)");
  });
});

describe("auth mode", () => {
  it("is local without Clerk keys and Clerk with both", () => {
    expect(authMode({})).toBe("local");
    expect(authMode({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x", CLERK_SECRET_KEY: "sk_test_x" })).toBe("clerk");
  });
  it("refuses a half-configured Clerk instead of silently using the local sign-in", () => {
    expect(() => authMode({ CLERK_SECRET_KEY: "sk_live_x" })).toThrow(/half-configured/);
    expect(() => authMode({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_live_x" })).toThrow(/half-configured/);
  });
});
