/** Finding 10: /api/health is public, so it names adapter kinds only; targets are for development. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { setConnectionForTesting } from "@/server/db";
import { health } from "@/server/health";
import { openTestDatabase, type TestDatabase } from "../helpers/db";

describe("GET /api/health", () => {
  let tdb: TestDatabase;
  const saved = { ...process.env };
  beforeAll(async () => {
    tdb = await openTestDatabase("pglite");
    setConnectionForTesting(tdb);
    process.env.PGLITE_DIR = "/work/secret/place/pglite";
    process.env.OPENAI_API_KEY = "sk-test";
    process.env.OPENAI_BASE_URL = "http://internal-llm.corp.example:8000/v1";
    process.env.INNGEST_BASE_URL = "http://inngest.corp.example:8288";
  });
  afterAll(async () => {
    process.env = saved;
    setConnectionForTesting(undefined);
    await tdb.dispose();
  });

  it("answers status and adapter kinds only: no paths, hosts or URLs", async () => {
    const res = await GET(new Request("http://localhost/api/health"));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      status: "ok",
      adapters: {
        database: { driver: "pglite", ok: true },
        auth: "local",
        ai: { provider: "openai-compatible" },
        storage: "local",
        inngest: { mode: "dev" },
        compute: "simulator",
        training: "simulator",
      },
    });
    expect(text).not.toMatch(/\/work\/|corp\.example|http:|latency/);
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("shows targets in development", async () => {
    const body = await health({ details: true });
    expect(body.adapters.database).toMatchObject({ target: "pglite (/work/secret/place/pglite)", ok: true });
    expect(body.adapters.ai).toMatchObject({ host: "internal-llm.corp.example:8000" });
    expect(body.adapters.inngest).toMatchObject({ baseUrl: "http://inngest.corp.example:8288" });
  });
});
