import { describe, expect, it } from "vitest";
import { createThrottle } from "./throttle";

describe("createThrottle", () => {
  it("lets the first call through, then one per interval", () => {
    let t = 1000;
    const ready = createThrottle(100, () => t);
    expect(ready()).toBe(true);
    t += 50;
    expect(ready()).toBe(false);
    t += 49;
    expect(ready()).toBe(false);
    t += 1;
    expect(ready()).toBe(true);
    expect(ready()).toBe(false);
  });

  it("measures each interval from the last call let through, not from the first", () => {
    let t = 0;
    const ready = createThrottle(100, () => t);
    ready();
    t = 250;
    expect(ready()).toBe(true);
    t = 340;
    expect(ready()).toBe(false);
    t = 350;
    expect(ready()).toBe(true);
  });
});
