// The production build (`next build` first) as a separate process, the way a client meets it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const hasProductionBuild = (dir = ".") => fs.existsSync(path.join(dir, ".next/BUILD_ID"));

export interface NextServer {
  url: string;
  /** CPU time the server process has used so far (Linux; NaN elsewhere): less swayed by other load than wall time. */
  cpuMs(): number;
  /** The server process's resident memory in MB (Linux; NaN elsewhere). */
  rssMb(): number;
  stop(): Promise<void>;
}

/** utime + stime of a process, from /proc (fields 14 and 15, in clock ticks of 10 ms). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function waitFor(url: string, until: number, exited: () => string | null): Promise<void> {
  for (;;) {
    const gone = exited();
    if (gone) throw new Error(`next start exited before answering (${gone})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() > until) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** VmRSS of a process, from /proc. */
function rssMbOf(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * `next start` on the given port. Node runs Next's binary directly (no npx in between), so
 * `cpuProfDir` profiles the server itself: the .cpuprofile is written when it stops.
 */
export async function startNext(opts: { port: number; env: NodeJS.ProcessEnv; cpuProfDir?: string; cwd?: string }): Promise<NextServer> {
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve("next/package.json")), "dist/bin/next");
  const profile = opts.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const child = spawn(process.execPath, [...profile, bin, "start", "-p", String(opts.port), "-H", "127.0.0.1"], {
    env: { ...opts.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(opts.port) },
    stdio: ["ignore", "ignore", "inherit"],
    // Another checkout's build (a before/after comparison) is served from its own directory.
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
  });
  let exit: string | null = null;
  const exited = new Promise<void>((r) =>
    child.once("exit", (code, signal) => {
      exit = `code ${code}, signal ${signal}`;
      r();
    }),
  );
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (exit) return;
    child.kill("SIGTERM");
    const killed = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killed);
  };
  try {
    await waitFor(`${url}/api/health`, Date.now() + 120_000, () => exit);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, cpuMs: () => cpuMsOf(child.pid), rssMb: () => rssMbOf(child.pid), stop };
}
