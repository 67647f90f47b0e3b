import { removeE2eDataRoot } from "./helpers/data-root";

/**
 * Each run leaves ~100 MB of PGlite data behind otherwise. Playwright runs global teardown before it
 * stops the web servers, which still hold files in the directory, so the removal waits for the
 * runner's exit (after the servers are gone); this hook runs once, in the main process.
 */
export default function globalTeardown() {
  process.once("exit", removeE2eDataRoot);
}
