// An unreadable time string in an op (sleep duration, wait timeout, invoke timeout) fails that
// step with a clear error, memoized as {error} for the function, instead of waking at once or
// never timing out. The TS SDK normalizes times before sending, so a tiny fake app replies with
// the raw ops other SDKs (or a bug) could send.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJson } from "./http";
import type { Runner } from "./runner";
import { RunnerClient, startTestRunner } from "./testing/harness";

let runner: Runner;
let app: Server;
let client: RunnerClient;

interface CallBody {
  event: { data: { op: Record<string, unknown> } };
  steps: Record<string, unknown>;
}

beforeAll(async () => {
  runner = await startTestRunner();
  client = new RunnerClient(runner.url);
  // Discovery returns the op named in the event until the step has a memo, then returns that memo.
  app = createServer(async (req, res) => {
    const body = (await readJson(req)) as CallBody;
    const reply = "s1" in body.steps ? { status: 200, json: { memo: body.steps.s1 } } : { status: 206, json: [{ id: "s1", ...body.event.data.op }] };
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.json));
  });
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  const fn = (id: string) => ({
    id,
    name: id,
    triggers: [{ event: `fake/${id}` }],
    steps: { step: { id: "step", name: "step", runtime: { url: `${url}?fnId=${id}&stepId=step` }, retries: { attempts: 0 } } },
  });
  await client.json("/fn/register", {
    method: "POST",
    body: JSON.stringify({ url, appName: "fake", functions: [fn("fake-fn"), fn("fake-child")] }),
  });
});

afterAll(async () => {
  await runner?.close();
  app?.closeAllConnections();
  await new Promise<void>((r) => app?.close(() => r()));
});

async function runWithOp(op: Record<string, unknown>) {
  const [eventId] = await client.send([{ name: "fake/fake-fn", data: { op } }]);
  return client.waitForRun({ eventId, functionId: "fake-fn" });
}

describe("unreadable time strings", () => {
  it.each([
    [{ op: "Sleep", name: "soon" }, "Sleep", 'Invalid sleep duration "soon"'],
    [{ op: "Sleep", name: "2030-13-45T00:00:00Z" }, "Sleep", "not a valid date"],
    [{ op: "WaitForEvent", name: "fake/never", opts: { timeout: "" } }, "WaitForEvent", 'Invalid waitForEvent timeout "": it is empty'],
    [{ op: "WaitForEvent", name: "fake/never", opts: { timeout: "a while" } }, "WaitForEvent", 'Invalid waitForEvent timeout "a while"'],
    [
      { op: "InvokeFunction", opts: { function_id: "fake-child", payload: { data: {} }, timeout: "1 fortnight" } },
      "InvokeFunction",
      'Invalid invoke timeout "1 fortnight"',
    ],
  ])("%j fails the step with a clear error", async (op, stepOp, message) => {
    const run = await runWithOp(op);
    expect(run.status).toBe("completed"); // the fake function returns the memo it was given
    expect(run.output.memo.error.message).toContain(message);
    expect(run.steps).toHaveLength(1);
    expect(run.steps[0]).toMatchObject({ op: stepOp, status: "failed" });
    expect(run.steps[0].error.message).toContain(message);
    // Nothing was left behind to fire later: no sleep, timeout or child run.
    expect(run.pending.jobs).toEqual([]);
    expect(run.pending.waits).toEqual([]);
    expect(run.children).toEqual([]);
  });

  it('reads an empty sleep as "now", as Inngest does (the SDK sends "" for step.sleep(id, 0))', async () => {
    const run = await runWithOp({ op: "Sleep", name: "" });
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ memo: null });
    expect(run.steps[0]).toMatchObject({ op: "Sleep", status: "completed" });
  });
});
