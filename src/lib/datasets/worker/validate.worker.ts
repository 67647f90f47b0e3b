/// <reference lib="webworker" />
// The dataset validator off the main thread: the File streams through it chunk by chunk (never read
// whole), and progress is posted at most ten times a second so the page stays responsive.
import { validateDatasetStream } from "../validator";
import type { ValidateRequest, WorkerReply } from "./protocol";
import { createThrottle } from "./throttle";

const post = (reply: WorkerReply) => self.postMessage(reply);

self.addEventListener("message", async (event: MessageEvent<ValidateRequest>) => {
  const { runId, file, options } = event.data;
  const started = performance.now();
  const ready = createThrottle(100);
  try {
    const report = await validateDatasetStream(file.stream(), options, (p) => {
      if (ready()) post({ type: "progress", runId, bytes: p.bytes, lines: p.lines });
    });
    post({ type: "done", runId, report, elapsedMs: performance.now() - started });
  } catch (err) {
    // Reading can fail (the file changed or was removed after it was picked); the validator itself reports, never throws.
    post({ type: "failed", runId, message: err instanceof Error ? err.message : String(err) });
  }
});
