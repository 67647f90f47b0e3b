import { describe, expect, it } from "vitest";
import { ALL_KEYS, isFiltered, keysForDeployment, NO_REQUEST_FILTERS, PAGE_SIZE, requestsInput } from "./request-filters";

const DEP = "3f1c8a7e-1111-4222-8333-444455556666";
const KEY = "9a1c8a7e-1111-4222-8333-444455556666";
const NOW = new Date("2026-12-02T13:45:30.500Z");

describe("requestsInput", () => {
  it("asks for the deployment's first page with no filters", () => {
    expect(requestsInput(DEP, NO_REQUEST_FILTERS, NOW)).toEqual({ deploymentId: DEP, limit: PAGE_SIZE });
    expect(isFiltered(NO_REQUEST_FILTERS)).toBe(false);
  });
  it("passes status and key through", () => {
    const input = requestsInput(DEP, { status: "error", key: KEY, time: "all" }, NOW);
    expect(input).toEqual({ deploymentId: DEP, limit: PAGE_SIZE, status: "error", apiKeyId: KEY });
  });
  it("starts a time window on the minute, one range before now", () => {
    const input = requestsInput(DEP, { status: "all", key: ALL_KEYS, time: "1h" }, NOW);
    expect(input.from).toEqual(new Date("2026-12-02T12:45:00.000Z"));
    // Half a minute later the input is the same, so the query key does not change.
    expect(requestsInput(DEP, { status: "all", key: ALL_KEYS, time: "1h" }, new Date(NOW.getTime() + 20_000))).toEqual(input);
  });
});

describe("keysForDeployment", () => {
  it("keeps all-deployment keys and keys scoped to this one", () => {
    const keys = [
      { id: "a", deployment: null },
      { id: "b", deployment: { id: DEP } },
      { id: "c", deployment: { id: KEY } },
    ];
    expect(keysForDeployment(keys, DEP).map((k) => k.id)).toEqual(["a", "b"]);
  });
});
