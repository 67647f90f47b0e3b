/**
 * Every environment variable the app reads, validated once with zod (the create-t3-app pattern).
 * Code reads `env.NAME`, never `process.env`; `.env.example` documents exactly these variables
 * (tests/unit/env.test.ts checks both ways). To add a variable: declare it below, document it in
 * `.env.example`, read it through `env`.
 *
 * Empty strings (`NAME=` in a .env file) and blank values count as unset, so defaults apply.
 */
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** An optional string; blank means unset. */
const text = () =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().optional());
/** An optional URL; blank means unset. */
const url = () => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.url().trim().optional());
/** A comma-separated list; blank items are dropped. */
const list = () =>
  text().transform((s) =>
    s
      ?.split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max);
const ms = () => z.coerce.number().min(0);

export const serverSchema = {
  // Database (src/server/db/config.ts)
  DATABASE_URL: url(),
  DATABASE_DRIVER: z.enum(["auto", "node-postgres", "neon"]).default("auto"),
  PGLITE_DIR: text(),
  DATABASE_POOL_MAX: int(1).default(10),

  // Auth (src/server/auth): Clerk when both keys are set, the local sign-in otherwise
  CLERK_SECRET_KEY: text(),
  CLERK_JWT_KEY: text(),
  CLERK_AUTHORIZED_PARTIES: list(),
  /** Read by Clerk's verifyWebhook (and passed explicitly by the webhook route). */
  CLERK_WEBHOOK_SIGNING_SECRET: text(),
  AUTH_SECRET: text(),
  /** AES-256-GCM key for deployment secrets: base64 of 32 bytes (default: generated into .data/secrets-key). */
  SECRETS_KEY: text().refine((v) => v === undefined || /^[A-Za-z0-9+/]{43}=$/.test(v), {
    error: "must be base64 of 32 bytes (openssl rand -base64 32)",
  }),
  /** Local sign-in attempts per minute per IP. */
  LOCAL_SIGN_IN_RATE_LIMIT: int(1).optional(),
  /** The app's public origin, for absolute links and redirects. */
  APP_URL: url(),

  // AI (src/server/ai)
  OPENAI_API_KEY: text(),
  OPENAI_BASE_URL: url(),
  OPENAI_MODELS: list().transform((ids) => (ids?.length ? [...new Set(ids)] : ["gpt-4o-mini", "gpt-4o"])),
  /** The offline model's pause between streamed tokens (tests set 0). */
  OFFLINE_MODEL_DELAY_MS: ms().default(20),
  CHAT_DAILY_MESSAGE_LIMIT: int(0).default(100),

  // File storage (src/server/storage)
  UPLOADTHING_TOKEN: text(),
  /** The largest dataset file accepted, in bytes (checked when an upload starts and where the bytes arrive); 1 GB. */
  DATASET_MAX_BYTES: int(1).default(1024 ** 3),

  // Inngest (src/server/inngest, scripts/dev.mjs)
  INNGEST_DEV: text(),
  INNGEST_SIGNING_KEY: text(),
  INNGEST_EVENT_KEY: text(),
  INNGEST_BASE_URL: url(),
  /** What `npm run dev` starts (read by scripts/dev.mjs; declared here to be validated and documented). */
  RADIUM_INNGEST: z.enum(["runner", "runner-dev", "cli", "none"]).optional(),
  /** "1" lets a production build accept Inngest dev mode (unsigned calls); loudly logged. */
  RADIUM_ALLOW_INNGEST_DEV_IN_PRODUCTION: z.enum(["0", "1"]).optional(),
  OUTBOX_SWEEP_MS: int(1).default(5000),

  // Compute providers (src/server/providers/compute): Hugging Face when HF_TOKEN and HF_NAMESPACE are set
  HF_TOKEN: text(),
  HF_NAMESPACE: text(),
  HF_API_BASE_URL: url(),
  /** The simulator's phase durations are multiplied by this (1 ≈ a minute to come up; e2e uses 0.01). */
  COMPUTE_SIMULATOR_SPEED: z.coerce.number().min(0).default(1),
  /** Share of simulated deployments that fail while starting (0..1), chosen per deployment id. */
  COMPUTE_SIMULATOR_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),

  // The OpenAI-compatible gateway (src/server/gateway, /api/v1)
  /** Simulator deployments forward to this OpenAI-compatible server (…/v1) instead of answering with the offline model. */
  RADIUM_SIM_UPSTREAM_URL: url(),
  /** Bearer token for RADIUM_SIM_UPSTREAM_URL, if it wants one. */
  RADIUM_SIM_UPSTREAM_API_KEY: text(),
  /** The model name sent to RADIUM_SIM_UPSTREAM_URL (default: the deployed model's Hugging Face repository). */
  RADIUM_SIM_UPSTREAM_MODEL: text(),
  /** The largest request body /api/v1 accepts, in bytes (larger: 413). */
  GATEWAY_MAX_BODY_BYTES: int(1024).default(4 * 1024 * 1024),
  /** How long a request to a scaled-to-zero deployment waits for it to wake before 503 + Retry-After. */
  GATEWAY_COLD_START_WAIT_MS: ms().default(10_000),
  /** "0": chat completions, tRPC and chat turns go through Next's router like every other route (see src/server/http/fast-path.ts). */
  FAST_PATH: z.enum(["0", "1"]).default("1"),

  // Training providers (src/server/providers/training): Together AI fine-tuning when TOGETHER_API_KEY is set
  TOGETHER_API_KEY: text(),
  /** Together's API base, `/v1` included (default https://api.together.ai/v1). */
  TOGETHER_API_BASE_URL: url(),
  /** The training simulator's durations are multiplied by this (1 ≈ minutes per job; e2e uses 0.01; 0 = instant). */
  TRAINING_SIMULATOR_SPEED: z.coerce.number().min(0).default(1),
  /** Share of simulated training jobs that fail (0..1), chosen per job id. */
  TRAINING_SIMULATOR_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Live fine-tuning jobs one user may have at once; one more is refused with 503 and when to retry. */
  TRAINING_MAX_ACTIVE_JOBS_PER_USER: int(1).default(3),
  /** Live fine-tuning jobs across all users at once (the training capacity). */
  TRAINING_MAX_ACTIVE_JOBS: int(1).default(100),

  // Logging (src/server/log.ts)
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),

  // The local Inngest runner (src/dev/inngest-runner, its own process)
  INNGEST_RUNNER_PORT: int(0, 65535).default(8288),
  INNGEST_RUNNER_HOST: text(),
  INNGEST_RUNNER_APP_URL: list(),
  INNGEST_RUNNER_DATA_DIR: text(),
  INNGEST_RUNNER_DATABASE_URL: url(),
  INNGEST_RUNNER_LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  INNGEST_RUNNER_SYNC_INTERVAL_MS: ms().optional(),
  INNGEST_RUNNER_CONCURRENCY: int(1).optional(),
  INNGEST_RUNNER_BACKOFF_MS: ms().optional(),
  /** Ended runs older than this duration are pruned ("7d" default, "off" keeps everything). */
  INNGEST_RUNNER_RETENTION: text(),
  /** Signed mode (as `inngest start --signing-key`): hex, even length. Unset: dev mode. */
  INNGEST_RUNNER_SIGNING_KEY: text(),
  /** Signed mode: the event keys accepted on POST /e/:key, comma-separated. */
  INNGEST_RUNNER_EVENT_KEY: list(),

  // Tests
  TEST_DATABASE_URL: url(),
  /** "1" prints the runner's debug log in its tests. */
  RUNNER_TEST_LOG: z.enum(["0", "1"]).optional(),
  /** The de-facto standard switch for coloured terminal output (the runner's log). */
  NO_COLOR: text(),
};

export const clientSchema = {
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: text(),
  /** Read by Clerk's components itself; declared to be validated and documented. */
  NEXT_PUBLIC_CLERK_SIGN_IN_URL: text(),
  NEXT_PUBLIC_CLERK_SIGN_UP_URL: text(),
};

/** Set by Node.js and Next.js rather than by whoever deploys the app. */
export const sharedSchema = {
  // No default: scripts run with plain tsx leave it unset, and "unset" must not mean "development".
  NODE_ENV: z.enum(["development", "test", "production"]).optional(),
};

type RawEnv = Record<string, string | undefined>;

/** One line per problem, naming the variable and never echoing its value (it may be a secret). */
function reportInvalid(issues: readonly { message: string; path?: readonly unknown[] }[]): never {
  const lines = issues.map((i) => {
    const key = i.path?.map((p) => (typeof p === "object" && p !== null && "key" in p ? String(p.key) : String(p))).join(".");
    return `  ${key || "(env)"}: ${i.message}`;
  });
  throw new Error(`Invalid environment variables (see .env.example):\n${lines.join("\n")}`);
}

const isBrowser = typeof window !== "undefined";
const ALL_KEYS = [...Object.keys(serverSchema), ...Object.keys(clientSchema), ...Object.keys(sharedSchema)];

/** The variables as the schema sees them: the source, with the client and shared keys spelled out. */
function runtimeFrom(source: RawEnv) {
  return {
    ...source,
    NODE_ENV: source.NODE_ENV,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: source.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
    NEXT_PUBLIC_CLERK_SIGN_IN_URL: source.NEXT_PUBLIC_CLERK_SIGN_IN_URL,
    NEXT_PUBLIC_CLERK_SIGN_UP_URL: source.NEXT_PUBLIC_CLERK_SIGN_UP_URL,
  };
}

function parse(raw?: RawEnv) {
  return createEnv({
    server: serverSchema,
    client: clientSchema,
    shared: sharedSchema,
    experimental__runtimeEnv: raw
      ? // Only the given variables: every key the schema knows is overridden (undefined when absent).
        runtimeFrom({ ...Object.fromEntries(ALL_KEYS.map((k) => [k, undefined])), ...raw })
      : isBrowser
        ? // The browser has no process environment: Next inlines these literal reads at build time.
          {
            NODE_ENV: process.env.NODE_ENV,
            NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
            NEXT_PUBLIC_CLERK_SIGN_IN_URL: process.env.NEXT_PUBLIC_CLERK_SIGN_IN_URL,
            NEXT_PUBLIC_CLERK_SIGN_UP_URL: process.env.NEXT_PUBLIC_CLERK_SIGN_UP_URL,
          }
        : // The server reads the live process environment, not values inlined at build time.
          runtimeFrom(process.env),
    ...(raw ? { isServer: true } : {}),
    emptyStringAsUndefined: true,
    onValidationError: reportInvalid,
  });
}

export type Env = ReturnType<typeof parse>;

/** Validates a given set of variables (tests, and the .env.example check). Throws the start-up error. */
export function parseEnv(raw: RawEnv): Env {
  return parse({ ...raw });
}

let current = parse();
let seen: RawEnv = isBrowser ? {} : { ...process.env };

/**
 * The validated environment. Validation runs when this module is first imported, so a bad value
 * stops the server at start. On the server the values follow `process.env`: a changed variable
 * (tests set some between cases) is re-validated the next time any variable is read.
 */
export const env: Env = new Proxy(current, {
  get(_target, key) {
    if (!isBrowser && typeof key === "string" && process.env[key] !== seen[key]) {
      current = parse();
      seen = { ...process.env };
    }
    return Reflect.get(current, key);
  },
});

/** The variables a pure reader needs, as a plain record its tests can pass. */
export type EnvOf<K extends keyof Env> = Partial<Pick<Env, K>>;
