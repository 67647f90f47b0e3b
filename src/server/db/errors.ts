/**
 * Reading database errors across drivers: node-postgres, Neon and PGlite all carry Postgres's
 * SQLSTATE in `code` (and node-postgres/Neon the constraint name), and Drizzle wraps them in a
 * DrizzleQueryError whose `cause` is the driver's error.
 */
interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  cause?: unknown;
}

function* chain(err: unknown): Generator<PgErrorLike> {
  let current = err;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const e: PgErrorLike = current;
    yield e;
    current = e.cause;
  }
}

/** True for a unique violation (23505), on `index` when given (matched by name in the error). */
export function isUniqueViolation(err: unknown, index?: string): boolean {
  for (const e of chain(err)) {
    if (e.code !== "23505") continue;
    if (!index) return true;
    if (e.constraint === index) return true;
    if (typeof e.message === "string" && e.message.includes(index)) return true;
  }
  return false;
}
