// Entry point: `tsx src/dev/inngest-runner/main.ts`. Plays the Inngest dev server on port 8288.
import { optionsFromEnv } from "./config";
import { startRunner } from "./runner";

async function main(): Promise<void> {
  const runner = await startRunner(optionsFromEnv());
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runner.core.log.info(`${signal}: stopping (runs resume on next start)`);
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    await runner.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => {
  console.error(`inngest-runner failed to start: ${(err as Error).stack ?? err}`);
  process.exit(1);
});
