import { describe, expect, it } from "vitest";
import { defaultDeploymentConfig } from "@/lib/deployments/schema";
import { INSTANCE_TYPES } from "./instance-types";
import { ceilDiv, divRound, formatCents } from "./money";
import { HOURS_PER_MONTH, type PricingInput, PricingError, priceDeployment, tryPriceDeployment } from "./price";
import { REGIONS } from "./regions";

type Overrides = {
  instanceTypeId?: string;
  gpuCount?: number;
  min?: number;
  max?: number;
  rpm?: number;
  trigger?: "cpu" | "gpu" | "custom";
  percent?: number;
  region?: string;
  privateEndpoint?: boolean;
  requestLogging?: boolean;
};

function input(o: Overrides = {}): PricingInput {
  return {
    hardware: { instanceTypeId: o.instanceTypeId ?? "nvidia-l4", gpuCount: o.gpuCount ?? 1 },
    scaling: {
      minReplicas: o.min ?? 1,
      maxReplicas: o.max ?? 1,
      trigger: o.trigger ?? "gpu",
      target: { percent: o.percent ?? 70 },
      expectedRequestsPerMinute: o.rpm ?? 0,
    },
    environment: { region: o.region ?? "us-east-1" },
    security: { privateEndpoint: o.privateEndpoint ?? false, requestLogging: o.requestLogging ?? false },
  };
}

const m = (b: number | null) => ({ parameterCountB: b === null ? null : String(b) });

// Each case's figures are worked out by hand in its comment (rates in mills, 730 h a month).
describe("priceDeployment: hand-computed cases", () => {
  it("1. one L4, always on: $0.80/h → 800 × 730 / 10 = 58,400¢", () => {
    const p = priceDeployment(input());
    expect(p.hourlyCents).toBe(80);
    expect(p.monthly).toEqual({ minCents: 58_400, expectedCents: 58_400, maxCents: 58_400 });
    expect(p.replicas).toEqual({ min: 1, expected: 1, max: 1 });
    expect(p.hours).toBe(HOURS_PER_MONTH);
    expect(p.lines.map((l) => l.id)).toEqual(["compute"]);
    expect(p.lines[0]).toMatchObject({ label: "1 × NVIDIA L4", detail: "$0.80/h per replica" });
  });

  it("2. scale to zero with no traffic: min and expected 0; max 2 × 58,400 + logging 1,460", () => {
    const p = priceDeployment(input({ min: 0, max: 2, requestLogging: true }));
    expect(p.monthly).toEqual({ minCents: 0, expectedCents: 0, maxCents: 118_260 });
    expect(p.hourlyCents).toBe(82); // 80 + 2
  });

  it("3. scale to zero with traffic: 10 rpm fits one replica (42 rpm at 70%), so expected 58,400", () => {
    const p = priceDeployment(input({ min: 0, max: 3, rpm: 10 }));
    expect(p.replicaCapacityRpm).toBe(42); // 60 × 1 × 70%
    expect(p.replicas).toEqual({ min: 0, expected: 1, max: 3 });
    expect(p.monthly).toEqual({ minCents: 0, expectedCents: 58_400, maxCents: 175_200 });
  });

  it("4. multi-GPU: 4 × A100 ($10/h), 70.6B model, 200 rpm at 80% → ceil(200 / 72.5) = 3 replicas", () => {
    const p = priceDeployment(
      input({ instanceTypeId: "nvidia-a100", gpuCount: 4, min: 1, max: 4, rpm: 200, percent: 80 }),
      m(70.6),
    );
    expect(p.replicaCapacityRpm).toBe(72); // 200 × 4 × 8 / 70.6 × 80% = 72.5
    expect(p.replicas.expected).toBe(3);
    expect(p.hourlyCents).toBe(1_000);
    expect(p.monthly).toEqual({ minCents: 730_000, expectedCents: 2_190_000, maxCents: 2_920_000 });
  });

  it("5. region: eu-west-1 at 112% adds a line of 65,408 − 58,400 = 7,008¢", () => {
    const p = priceDeployment(input({ region: "eu-west-1" }));
    expect(p.lines.map((l) => [l.id, l.hourlyCents, l.monthly.maxCents])).toEqual([
      ["compute", 80, 58_400],
      ["region", 10, 7_008], // 89.6 → 90 per hour
    ]);
    expect(p.lines[1]!.detail).toBe("+12% on compute");
    expect(p.hourlyCents).toBe(90);
    expect(p.monthly.maxCents).toBe(65_408);
  });

  it("6. CPU x1 ($0.033/h) in Tokyo at 145%: 2,409 + 1,084 = 3,493¢ (3,493.05 rounded once)", () => {
    const p = priceDeployment(input({ instanceTypeId: "intel-spr-x1", gpuCount: 0, region: "ap-northeast-1" }));
    expect(p.lines.map((l) => [l.id, l.hourlyCents, l.monthly.minCents])).toEqual([
      ["compute", 3, 2_409],
      ["region", 2, 1_084], // 4.785 → 5 per hour, minus 3
    ]);
    expect(p.lines[0]!.detail).toBe("$0.033/h per replica");
    expect(p.monthly).toEqual({ minCents: 3_493, expectedCents: 3_493, maxCents: 3_493 });
  });

  it("7. both add-ons on 2–5 T4s without traffic: 73,000 + 2,190 + 1,460 at min and expected", () => {
    const p = priceDeployment(
      input({ instanceTypeId: "nvidia-t4", min: 2, max: 5, privateEndpoint: true, requestLogging: true }),
    );
    expect(p.monthly).toEqual({ minCents: 76_650, expectedCents: 76_650, maxCents: 186_150 });
    expect(p.hourlyCents).toBe(55); // 50 + 3 + 2
    expect(p.lines.map((l) => [l.id, l.monthly.maxCents])).toEqual([
      ["compute", 182_500],
      ["privateEndpoint", 2_190],
      ["requestLogging", 1_460],
    ]);
  });

  it("8. 8 × H100, 405B, custom metric (70% assumed), 500 rpm → needs 12, capped at max 2", () => {
    const p = priceDeployment(
      input({ instanceTypeId: "nvidia-h100", gpuCount: 8, min: 1, max: 2, rpm: 500, trigger: "custom", percent: 10 }),
      m(405),
    );
    expect(p.replicaCapacityRpm).toBe(44); // 400 × 8 × 8 / 405 × 70%
    expect(p.replicas).toEqual({ min: 1, expected: 2, max: 2 });
    expect(p.monthly).toEqual({ minCents: 2_628_000, expectedCents: 5_256_000, maxCents: 5_256_000 });
  });

  it("9. 2 × B200 in Frankfurt (125%) with a private endpoint, scale to zero, 150 rpm at 50%", () => {
    const p = priceDeployment(
      input({ instanceTypeId: "nvidia-b200", gpuCount: 2, region: "eu-central-1", min: 0, max: 4, rpm: 150, percent: 50, privateEndpoint: true }),
      m(70.6),
    );
    // capacity 800 × 2 × 8 / 70.6 × 50% = 90.6; ceil(150 / 90.6) = 2 replicas
    expect(p.replicas.expected).toBe(2);
    // per replica: 1,350,500 base + 337,625 region = 1,688,125; private endpoint 2,190 when running
    expect(p.monthly).toEqual({ minCents: 0, expectedCents: 3_378_440, maxCents: 6_754_690 });
    expect(p.hourlyCents).toBe(2_316); // 1,850 + 463 (2,312.5 → 2,313) + 3
  });

  it("10. small models use the 8B reference; exactly the capacity still fits one replica", () => {
    const at = (rpm: number) => priceDeployment(input({ min: 1, max: 5, rpm, percent: 100 }), m(3.82));
    expect(at(60).replicas.expected).toBe(1); // 60 rpm per L4 at 100%
    expect(at(61).replicas.expected).toBe(2);
    expect(at(300).replicas.expected).toBe(5);
    expect(at(301).replicas.expected).toBe(5); // capped
  });

  it("11. a derived size (2 × T4, not on the list) costs twice the listed x1: 73,000¢", () => {
    const p = priceDeployment(input({ instanceTypeId: "nvidia-t4", gpuCount: 2 }));
    expect(p.monthly.minCents).toBe(73_000);
  });

  it("12. an undisclosed or absent model prices like the 8B reference", () => {
    const cfg = input({ min: 1, max: 10, rpm: 400 });
    const expected = priceDeployment(cfg).replicas.expected;
    expect(expected).toBe(10); // ceil(400 / 42) = 10
    expect(priceDeployment(cfg, m(null)).replicas.expected).toBe(expected);
    expect(priceDeployment(cfg, m(8.03)).replicas.expected).toBe(10); // ceil(400 / 41.8)
  });

  it("13. the wizard's default configuration: one L4 with logging, up to 2", () => {
    const p = priceDeployment(defaultDeploymentConfig);
    expect(p.monthly).toEqual({ minCents: 59_860, expectedCents: 59_860, maxCents: 118_260 });
  });

  it("refuses what cannot be priced; tryPriceDeployment returns null for drafts", () => {
    expect(() => priceDeployment(input({ instanceTypeId: "nvidia-x9" }))).toThrow(PricingError);
    expect(() => priceDeployment(input({ gpuCount: 3 }))).toThrow(/NVIDIA L4 has no size with 3 GPUs/);
    expect(() => priceDeployment(input({ region: "mars-1" }))).toThrow(PricingError);
    expect(() => priceDeployment(input({ min: 3, max: 2 }))).toThrow(PricingError);
    expect(tryPriceDeployment(input({ gpuCount: 3 }))).toBeNull();
    expect(tryPriceDeployment(input({ min: Number.NaN }))).toBeNull();
    expect(tryPriceDeployment(input({ rpm: 1.5 }))).toBeNull();
    expect(tryPriceDeployment(input({ max: 0, min: 0 }))).toBeNull();
    expect(tryPriceDeployment(input())?.monthly.minCents).toBe(58_400);
  });
});

// mulberry32: a tiny seeded generator, so a failure reproduces.
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("priceDeployment: properties over random configurations", () => {
  it("min ≤ expected ≤ max, lines add up, whole cents, scale-to-zero costs 0 at min", () => {
    const rand = rng(20261202);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    for (let i = 0; i < 3000; i++) {
      const type = pick(INSTANCE_TYPES);
      const min = int(0, 10);
      const cfg = input({
        instanceTypeId: type.id,
        gpuCount: pick(type.sizes).gpuCount,
        min,
        max: int(Math.max(1, min), 20),
        rpm: pick([0, int(1, 100), int(100, 100_000), 1_000_000]),
        trigger: pick(["cpu", "gpu", "custom"] as const),
        percent: int(10, 100),
        region: pick(REGIONS).id,
        privateEndpoint: rand() < 0.5,
        requestLogging: rand() < 0.5,
      });
      const model = pick([null, m(null), m(0.137), m(8.03), m(70.6), m(671)]);
      const p = priceDeployment(cfg, model);
      const ctx = JSON.stringify({ cfg, model });
      expect(p.monthly.minCents, ctx).toBeLessThanOrEqual(p.monthly.expectedCents);
      expect(p.monthly.expectedCents, ctx).toBeLessThanOrEqual(p.monthly.maxCents);
      expect(p.replicas.expected).toBeGreaterThanOrEqual(p.replicas.min);
      expect(p.replicas.expected).toBeLessThanOrEqual(p.replicas.max);
      for (const key of ["minCents", "expectedCents", "maxCents"] as const) {
        expect(p.lines.reduce((t, l) => t + l.monthly[key], 0)).toBe(p.monthly[key]);
        expect(Number.isSafeInteger(p.monthly[key])).toBe(true);
      }
      expect(p.lines.reduce((t, l) => t + l.hourlyCents, 0)).toBe(p.hourlyCents);
      if (min === 0) expect(p.monthly.minCents).toBe(0);
      else expect(p.monthly.minCents).toBeGreaterThan(0);
    }
  });
});

describe("money", () => {
  it.each([
    [0, 10, 0],
    [4, 10, 0],
    [5, 10, 1],
    [15, 10, 2],
    [3_493_050, 1000, 3_493],
    [2_312_500, 1000, 2_313],
  ])("divRound(%i, %i) = %i", (n, d, q) => expect(divRound(n, d)).toBe(q));

  it("ceilDiv and guards", () => {
    expect(ceilDiv(0, 7)).toBe(0);
    expect(ceilDiv(14, 7)).toBe(2);
    expect(ceilDiv(15, 7)).toBe(3);
    expect(() => divRound(1.5, 1)).toThrow(RangeError);
    expect(() => divRound(-1, 1)).toThrow(RangeError);
  });

  it.each([
    [0, {}, "$0.00"],
    [5, {}, "$0.05"],
    [58_400, {}, "$584.00"],
    [123_456, {}, "$1,234.56"],
    [123_456, { whole: true }, "$1,235"],
    [5_256_000, { whole: true }, "$52,560"],
    [-250, {}, "-$2.50"],
  ])("formatCents(%i, %o) = %s", (cents, opts, text) => expect(formatCents(cents, opts)).toBe(text));
});
