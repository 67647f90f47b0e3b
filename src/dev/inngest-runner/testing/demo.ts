// Try the runner without the Radium app: starts a runner (in memory) and the conformance test app,
// sends one event of each kind, and leaves both running so the dashboard can be explored.
//   npx tsx src/dev/inngest-runner/testing/demo.ts   → http://localhost:8288/
import { env } from "../../../env";
import { startRunner } from "../runner";
import { createCalls, createConformanceFunctions } from "./conformance-app";
import { RunnerClient, startTestApp, testClient } from "./harness";

const port = env.INNGEST_RUNNER_PORT;
const runner = await startRunner({ port, backoff: { baseMs: 500 }, logLevel: "info" });
const inngest = testClient("demo", runner.url);
const app = await startTestApp(inngest, createConformanceFunctions(inngest, createCalls()));
runner.syncer.add(app.url);
const client = new RunnerClient(runner.url);
await client.waitForFunctions(["demo-steps"]);
await client.send([
  { name: "conf/steps", data: { tag: "demo" } },
  { name: "conf/parallel", data: { tag: "demo" } },
  { name: "conf/retry", data: { tag: "demo" } },
  { name: "conf/fail", data: { tag: "demo" } },
  { name: "conf/sleep", data: { tag: "demo", duration: "5s" } },
  { name: "conf/wait", data: { tag: "demo", orderId: "o-1", timeout: "10m" } },
  { name: "conf/invoke", data: { x: 21 } },
  { name: "conf/send", data: { tag: "demo" } },
  { name: "conf/long", data: { jobId: "demo" } },
]);
console.log(`demo running: ${runner.url}/  (Ctrl-C to stop)`);
process.on("SIGINT", () => void runner.close().then(() => app.close()).then(() => process.exit(0)));
process.on("SIGTERM", () => void runner.close().then(() => app.close()).then(() => process.exit(0)));
