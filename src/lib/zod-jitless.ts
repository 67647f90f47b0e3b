import { config } from "zod/v4/core";

// zod 4 probes for eval with `Function("")` before compiling fast object parsers (the AI SDK's
// stream parsing in the chat). Under the page CSP (no 'unsafe-eval' in production) the probe is
// blocked and reported as a violation; zod then uses its plain parser anyway, so skip the probe.
// Imported by the root client provider so it runs before any schema does in the browser.
config({ jitless: true });
