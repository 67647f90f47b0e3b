import { describe, expect, it } from "vitest";
import { ALL_DEPLOYMENTS, dayOf, endOfDay, formFieldOfServerError, keyFormSchema, toCreateInput } from "./key-form";

const NOW = new Date(2026, 11, 2, 12, 0, 0);
const schema = keyFormSchema(() => NOW);

describe("endOfDay", () => {
  it("is the last millisecond of that local day", () => {
    const d = endOfDay("2026-12-31");
    expect(d && [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 11, 31, 23, 59]);
  });
  it("refuses empty, malformed and impossible days", () => {
    expect(endOfDay("")).toBeNull();
    expect(endOfDay("31/12/2026")).toBeNull();
    expect(endOfDay("2026-02-31")).toBeNull();
  });
  it("round-trips with dayOf", () => {
    expect(dayOf(endOfDay("2027-03-04")!)).toBe("2027-03-04");
  });
});

describe("keyFormSchema", () => {
  it("accepts a name with no expiry", () => {
    expect(schema.safeParse({ name: " ci ", scope: ALL_DEPLOYMENTS, expires: "" }).success).toBe(true);
  });
  it("refuses an empty name and a name past the limit", () => {
    const empty = schema.safeParse({ name: "  ", scope: ALL_DEPLOYMENTS, expires: "" });
    expect(empty.error?.issues[0]?.message).toBe("Name the key.");
    expect(schema.safeParse({ name: "x".repeat(65), scope: ALL_DEPLOYMENTS, expires: "" }).success).toBe(false);
  });
  it("accepts today (usable until midnight) and refuses yesterday", () => {
    expect(schema.safeParse({ name: "k", scope: ALL_DEPLOYMENTS, expires: "2026-12-02" }).success).toBe(true);
    const past = schema.safeParse({ name: "k", scope: ALL_DEPLOYMENTS, expires: "2026-12-01" });
    expect(past.error?.issues[0]?.message).toBe("Choose an expiry date in the future.");
  });
});

describe("toCreateInput", () => {
  it("maps all deployments to null and an empty expiry to null", () => {
    expect(toCreateInput({ name: " ci ", scope: ALL_DEPLOYMENTS, expires: "" })).toEqual({ name: "ci", deploymentId: null, expiresAt: null });
  });
  it("keeps a deployment id and ends the expiry day", () => {
    const id = "3f1c8a7e-1111-4222-8333-444455556666";
    const input = toCreateInput({ name: "k", scope: id, expires: "2027-01-15" });
    expect(input.deploymentId).toBe(id);
    expect(input.expiresAt).toEqual(endOfDay("2027-01-15"));
  });
});

describe("formFieldOfServerError", () => {
  it("routes prefixed messages to their field", () => {
    expect(formFieldOfServerError("expiresAt: Choose an expiry date in the future.")).toEqual({ field: "expires", message: "Choose an expiry date in the future." });
    expect(formFieldOfServerError("deploymentId: Deployment not found.")).toEqual({ field: "scope", message: "Deployment not found." });
  });
  it("leaves other messages unrouted", () => {
    expect(formFieldOfServerError("You have 200 live keys.")).toEqual({ field: null, message: "You have 200 live keys." });
  });
});
