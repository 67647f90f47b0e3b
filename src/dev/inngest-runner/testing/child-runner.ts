// Runs the runner as a child process (the real entry point), for the crash test and the e2e-like checks.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { sleep } from "./harness";

const ROOT = path.resolve(import.meta.dirname, "../../../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ChildRunner {
  url: string;
  proc: ChildProcess;
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnRunner(env: Record<string, string>, port: number): Promise<ChildRunner> {
  const output: string[] = [];
  // Node itself with tsx's loader (not the tsx CLI, which would put a wrapper process in between):
  // a SIGKILL must hit the runner, not a parent that leaves it orphaned.
  const proc = spawn(process.execPath, ["--import", "tsx", "src/dev/inngest-runner/main.ts"], {
    cwd: ROOT,
    // biome-ignore lint/style/noProcessEnv: forwards the whole environment to the child, which validates its own
    env: { ...process.env, INNGEST_RUNNER_PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d) => output.push(String(d)));
  proc.stderr!.on("data", (d) => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`runner exited early:\n${output.join("")}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`runner did not start:\n${output.join("")}`);
    await sleep(100);
  }
  return {
    url,
    proc,
    output,
    async kill(signal: NodeJS.Signals = "SIGKILL") {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once("exit", r));
      proc.kill(signal);
      await exited;
    },
  };
}
