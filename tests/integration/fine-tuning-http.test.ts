/**
 * fineTuning.create's error classes as a client meets them: POST /api/trpc through the real route
 * handler, with a local session cookie. Each class has its HTTP status and carries, in `error.data`,
 * what the configurator needs to show it in place: graphIssues (400), graphReasons (422),
 * retryAfterSeconds (503, also as Retry-After); 401 for another user's graph and for no session.
 */
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import superjson from "superjson";
import { trainingJobs } from "@/server/db/schema";
import { insertItems } from "@/server/training/record";
import { newUser, suiteDatabase } from "../chat/helpers";
import { idempotencyKey, insertDataset, trainingGraph } from "../helpers/training";
import { errorOf, LEAK, trpcMutation, trpcQuery } from "../helpers/trpc-http";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const saved = process.env.TRAINING_MAX_ACTIVE_JOBS_PER_USER;

/** The deep-validation fields of an error body's data. */
function graphData(body: unknown) {
  const data: Record<string, unknown> = errorOf(body).data;
  return { graphIssues: data.graphIssues, graphReasons: data.graphReasons, retryAfterSeconds: data.retryAfterSeconds };
}

describe("fineTuning.create errors on the wire", () => {
  const tdb = suiteDatabase();
  afterEach(() => {
    if (saved === undefined) delete process.env.TRAINING_MAX_ACTIVE_JOBS_PER_USER;
    else process.env.TRAINING_MAX_ACTIVE_JOBS_PER_USER = saved;
  });

  async function post(path: string, input: unknown, cookie?: string) {
    const { POST } = await import("@/app/api/trpc/[trpc]/route");
    const res = await POST(trpcMutation(path, input, cookie ? { cookie } : {}));
    return { res, body: await res.json() };
  }

  it("answers 200 with the job for a valid graph", async () => {
    const user = await newUser(tdb.db, "Wire");
    const dataset = await insertDataset(tdb.db, user.id);
    const { res, body } = await post(
      "fineTuning.create",
      { graph: trainingGraph(user.id, dataset.id), idempotencyKey: idempotencyKey() },
      user.cookie,
    );
    expect(res.status).toBe(200);
    expect(body.result.data.json).toEqual({ id: expect.any(String), created: true });
  });

  it("400: a malformed graph, every problem with its path and form field", async () => {
    const user = await newUser(tdb.db, "Wire");
    const dataset = await insertDataset(tdb.db, user.id);
    const graph: { nodes: { props: Record<string, unknown> }[] } = JSON.parse(
      JSON.stringify(trainingGraph(user.id, dataset.id)),
    );
    graph.nodes[2]!.props.epochs = 0;
    graph.nodes[2]!.props.surprise = true;
    for (const path of ["fineTuning.create", "fineTuning.validateGraph"]) {
      const { res, body } = await post(path, { graph, idempotencyKey: idempotencyKey() }, user.cookie);
      expect(res.status, path).toBe(400);
      const error = errorOf(body);
      expect(error.data).toMatchObject({
        code: "BAD_REQUEST",
        httpStatus: 400,
        graphReasons: null,
        retryAfterSeconds: null,
      });
      expect(error.message).toBe("The training graph is malformed (2 problems).");
      expect(graphData(body).graphIssues).toEqual([
        {
          path: ["nodes", 2, "props", "epochs"],
          field: "hyperparameters.epochs",
          message: "Epochs must be at least 1.",
        },
        { path: ["nodes", 2, "props"], field: null, message: expect.stringContaining("surprise") },
      ]);
      expect(res.headers.get("retry-after")).toBeNull();
    }
  });

  it("401: a graph made for another user, and a request without a session", async () => {
    const alice = await newUser(tdb.db, "Alice");
    const bob = await newUser(tdb.db, "Bob");
    const dataset = await insertDataset(tdb.db, alice.id);
    const graph = trainingGraph(alice.id, dataset.id);
    const asBob = await post("fineTuning.create", { graph, idempotencyKey: idempotencyKey() }, bob.cookie);
    expect(asBob.res.status).toBe(401);
    expect(errorOf(asBob.body)).toMatchObject({
      message: "This training request was made for another user: sign in as that user.",
      data: { code: "UNAUTHORIZED", graphIssues: null, graphReasons: null, retryAfterSeconds: null },
    });
    const anonymous = await post("fineTuning.create", { graph, idempotencyKey: idempotencyKey() });
    expect(anonymous.res.status).toBe(401);
    expect(errorOf(anonymous.body)).toMatchObject({ message: "Sign in to continue.", data: { code: "UNAUTHORIZED" } });
    expect(await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.datasetId, dataset.id))).toEqual([]);
  });

  it("422: the reasons the dataset, model or configuration cannot be trained, each for its field", async () => {
    const user = await newUser(tdb.db, "Wire");
    const validating = await insertDataset(tdb.db, user.id, { status: "validating", name: "fresh-upload" });
    const graph = trainingGraph(user.id, validating.id, { baseModelId: "gpt-4o" });
    const { res, body } = await post("fineTuning.create", { graph, idempotencyKey: idempotencyKey() }, user.cookie);
    expect(res.status).toBe(422);
    const error = errorOf(body);
    expect(error.data).toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      httpStatus: 422,
      graphIssues: null,
      retryAfterSeconds: null,
    });
    expect(graphData(body).graphReasons).toEqual([
      {
        code: "dataset_not_ready",
        path: ["nodes", 0, "props", "dataset_id"],
        field: "datasetId",
        message: 'Dataset "fresh-upload" is validating: only a validated, ready dataset can be trained on.',
      },
      {
        code: "model_unavailable",
        path: ["nodes", 1, "props", "model_id"],
        field: "baseModelId",
        message: "GPT-4o is hosted only: its weights are not available to fine-tune.",
      },
    ]);
    expect(error.message).toBe(
      'Dataset "fresh-upload" is validating: only a validated, ready dataset can be trained on.',
    );
  });

  it("503: no capacity, with when to retry in the body and the Retry-After header", async () => {
    process.env.TRAINING_MAX_ACTIVE_JOBS_PER_USER = "1";
    const user = await newUser(tdb.db, "Wire");
    const dataset = await insertDataset(tdb.db, user.id);
    await user.caller.fineTuning.create({
      graph: trainingGraph(user.id, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    await tdb.db
      .update(trainingJobs)
      .set({ estimatedCompletionAt: new Date(Date.now() + 600_000) })
      .where(eq(trainingJobs.userId, user.id));
    const { res, body } = await post(
      "fineTuning.create",
      { graph: trainingGraph(user.id, dataset.id), idempotencyKey: idempotencyKey() },
      user.cookie,
    );
    expect(res.status).toBe(503);
    const error = errorOf(body);
    const retry = Number(graphData(body).retryAfterSeconds);
    expect(error.data).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      httpStatus: 503,
      graphIssues: null,
      graphReasons: null,
    });
    expect(retry).toBeGreaterThan(590);
    expect(retry).toBeLessThanOrEqual(600);
    expect(res.headers.get("retry-after")).toBe(String(retry));
    expect(error.message).toBe(
      "You already have 1 training job running, your limit: try again in about 10 minutes, or cancel one.",
    );
  });

  it("other errors carry the graph fields as null and leak nothing", async () => {
    const user = await newUser(tdb.db, "Wire");
    const { res, body } = await post("fineTuning.cancel", { id: crypto.randomUUID() }, user.cookie);
    expect(res.status).toBe(404);
    const error = errorOf(body);
    expect(error.data).toMatchObject({
      code: "NOT_FOUND",
      graphIssues: null,
      graphReasons: null,
      retryAfterSeconds: null,
    });
    expect(JSON.stringify(body)).not.toMatch(LEAK);
  });

  it("sends a loss curve as plain JSON, and one with a non-finite value through superjson, alike for the client", async () => {
    const user = await newUser(tdb.db, "Wire");
    const dataset = await insertDataset(tdb.db, user.id);
    const { id } = await user.caller.fineTuning.create({
      graph: trainingGraph(user.id, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    const at = "2026-12-02T10:00:00.000Z";
    const points = [1, 2, 3].map((step) => ({
      step,
      epoch: 1,
      at,
      trainingLoss: 2 / step,
      learningRate: 0.0002,
      gradNorm: 0.5,
    }));
    await tdb.db.transaction((tx) => insertItems(tx, id, { points, logs: [], checkpoints: [] }));
    const { GET } = await import("@/app/api/trpc/[trpc]/route");
    const read = async (afterStep: number) => {
      const res = await GET(trpcQuery("fineTuning.metrics", { id, afterStep }, { cookie: user.cookie }));
      expect(res.status).toBe(200);
      return (await res.json()).result.data;
    };

    const plain = await read(0);
    expect(plain.meta).toBeUndefined();
    expect(superjson.deserialize(plain)).toEqual(await user.caller.fineTuning.metrics({ id }));
    expect(plain.json.points.map((p: { step: number; at: string }) => [p.step, p.at])).toEqual([
      [1, at],
      [2, at],
      [3, at],
    ]);

    await tdb.db.transaction((tx) =>
      insertItems(tx, id, {
        points: [{ step: 4, epoch: 1, at, trainingLoss: 0.4, learningRate: 0.0002, gradNorm: Number.NaN }],
        logs: [],
        checkpoints: [],
      }),
    );
    const annotated = await read(3);
    expect(annotated.meta).toBeDefined();
    const decoded: { points: { step: number; gradientNorm: number | null }[] } = superjson.deserialize(annotated);
    expect(decoded.points.map((p) => [p.step, p.gradientNorm])).toEqual([[4, Number.NaN]]);
  });
});
