/**
 * The one-pass writer of superjson's format (src/server/api/json-with-dates.ts): for every value it
 * writes, the output is exactly superjson's and reads back to an equal value; everything it cannot
 * write is left to superjson (null).
 */
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeJsonWithDates } from "@/server/api/json-with-dates";

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe("serializeJsonWithDates", () => {
  const written: Array<[string, unknown]> = [
    ["a history page", { items: [{ id: "a", title: "T", updatedAt: at(1) }, { id: "b", title: "U", updatedAt: at(2) }], nextCursor: null }],
    ["no Dates at all", { items: [1, 2.5, "x", true, null], nested: { deep: [[{}]] } }],
    ["a Date at the top", at(3)],
    ["Dates in an array", [at(4), at(5)]],
    ["keys with dots and backslashes", { "a.b": { "c\\d": at(6) }, "e.": [at(7)] }],
    ["undefined properties", { a: undefined, b: { c: undefined, d: at(8) } }],
    ["primitives", "text"],
    ["numbers", { n: 0, big: Number.MAX_SAFE_INTEGER, neg: -1.5 }],
    ["an empty object", {}],
    ["an object without prototype", Object.assign(Object.create(null), { when: at(9) })],
  ];

  it.each(written)("%s: exactly superjson's output, and it reads back equal", (_, value) => {
    const ours = serializeJsonWithDates(value);
    expect(ours).not.toBeNull();
    expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(superjson.serialize(value))));
    expect(superjson.deserialize(JSON.parse(JSON.stringify(ours)))).toEqual(value);
  });

  const shared = { x: 1 };
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const left: Array<[string, unknown]> = [
    ["a Map", { m: new Map([[1, 2]]) }],
    ["a Set", [new Set([1])]],
    ["a bigint", { n: 1n }],
    ["NaN", { n: Number.NaN }],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["negative zero", { z: -0 }],
    ["an invalid Date", { d: new Date(Number.NaN) }],
    ["a class instance", { e: new Error("x") }],
    ["a URL", { u: new URL("https://example.com") }],
    ["one object twice", { p: shared, q: shared }],
    ["a cycle", cyclic],
    ["a hole of undefined in an array", [1, undefined]],
    ["undefined itself", undefined],
    ["a __proto__ key", JSON.parse('{"__proto__": {"a": 1}}')],
    ["an empty key", { "": at(1) }],
  ];

  it.each(left)("%s: left to superjson", (_, value) => {
    expect(serializeJsonWithDates(value)).toBeNull();
  });
});
