/**
 * superjson's wire format for the values API results are made of (plain objects, arrays, strings,
 * finite numbers, booleans, null, Dates, and undefined properties), in one pass. superjson's own
 * walk builds a tree of annotations per node, and for a list page that cost about as much CPU as
 * the query. Anything else (Map, Set, bigint, class instances, NaN, a shared or cyclic object,
 * `__proto__`-like keys...) returns null and the caller hands the value to superjson instead.
 */

type Annotation = ["Date"] | ["undefined"];

export interface SuperJSONResult {
  json: unknown;
  meta?: { values: Record<string, Annotation> | Annotation; v: 1 };
}

// superjson refuses these keys when it reads a path back (and "" would read as the root): left to it.
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The path syntax of superjson's `stringifyPath`: segments joined by ".", with "\" and "." escaped. */
const escapeKey = (key: string) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key);

class Unsupported extends Error {}

function walk(value: unknown, path: string, values: Record<string, Annotation>, seen: Set<object>): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value) || Object.is(value, -0)) throw new Unsupported();
      return value;
    case "object":
      break;
    default:
      throw new Unsupported();
  }
  if (value === null) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Unsupported();
    values[path] = ["Date"];
    return value.toISOString();
  }
  // superjson records a second sight of one object as a referential equality: leave those to it.
  if (seen.has(value)) throw new Unsupported();
  seen.add(value);
  const prefix = path === "" ? "" : `${path}.`;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) throw new Unsupported();
      out[i] = walk(item, `${prefix}${i}`, values, seen);
    }
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new Unsupported();
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(key) || key === "") throw new Unsupported();
    const itemPath = `${prefix}${escapeKey(key)}`;
    if (item === undefined) {
      values[itemPath] = ["undefined"];
      out[key] = null;
    } else out[key] = walk(item, itemPath, values, seen);
  }
  return out;
}

/** The value as superjson would serialize it, or null when it holds something only superjson handles. */
export function serializeJsonWithDates(value: unknown): SuperJSONResult | null {
  if (value === undefined) return null;
  const values: Record<string, Annotation> = {};
  let json: unknown;
  try {
    json = walk(value, "", values, new Set());
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
  // A Date at the top is annotated at the empty path, which superjson writes as the bare annotation.
  const root = values[""];
  if (root) return { json, meta: { values: root, v: 1 } };
  for (const _ in values) return { json, meta: { values, v: 1 } };
  return { json };
}
