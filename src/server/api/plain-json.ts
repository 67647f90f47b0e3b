/**
 * The tRPC transformer: superjson, with a fast path for results a procedure vouches are plain JSON
 * (strings, finite numbers, booleans, null, arrays and plain objects only). superjson walks every
 * value looking for Dates and the like, which for a 10,000-point loss curve costs far more than the
 * query; a vouched result goes out as `{ json }`, exactly what superjson itself sends when it finds
 * nothing to annotate, so the client's superjson reads both the same. Everything else goes through
 * a one-pass writer of superjson's format for JSON plus Dates (json-with-dates.ts), and only what that
 * cannot write (Maps, bigints, class instances...) through superjson itself.
 */
import "server-only";
import superjson from "superjson";
import { serializeJsonWithDates } from "./json-with-dates";

const vouched = new WeakSet<object>();

/** Marks a result as plain JSON (see above) and returns it. */
export function asPlainJson<T extends object>(value: T): T {
  vouched.add(value);
  return value;
}

export const transformer = {
  serialize: (value: unknown) =>
    typeof value === "object" && value !== null && vouched.has(value)
      ? { json: value }
      : (serializeJsonWithDates(value) ?? superjson.serialize(value)),
  deserialize: (payload: Parameters<typeof superjson.deserialize>[0]) => superjson.deserialize(payload),
};
