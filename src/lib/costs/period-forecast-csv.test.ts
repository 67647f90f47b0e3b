import { describe, expect, it } from "vitest";
import { costsCsv, microToDollars } from "./csv";
import { forecastMicro } from "./forecast";
import { billingPeriodOf, dayOf, daysBetween, monthStart, nextMonthStart } from "./period";

describe("billing periods", () => {
  it("are UTC months whatever offset an instant is written with", () => {
    expect(billingPeriodOf(new Date("2026-12-31T23:59:59.999Z"))).toBe("2026-12");
    expect(billingPeriodOf(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01");
    // New Year's Eve evening in New York is already January in UTC; Tokyo's New Year's morning is still December.
    expect(billingPeriodOf(new Date("2026-12-31T20:00:00-05:00"))).toBe("2027-01");
    expect(billingPeriodOf(new Date("2027-01-01T08:00:00+09:00"))).toBe("2026-12");
    expect(dayOf(new Date("2026-12-02T23:30:00-02:00"))).toBe("2026-12-03");
    expect(monthStart(new Date("2026-12-15T10:00:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(nextMonthStart(new Date("2026-12-15T10:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(daysBetween(new Date("2026-11-30T10:00:00Z"), new Date("2026-12-01T00:00:00Z"))).toEqual(["2026-11-30", "2026-12-01"]);
  });
});

describe("forecast to month end", () => {
  const now = new Date("2026-12-31T00:00:00Z");
  const end = new Date("2027-01-01T00:00:00Z");

  it("adds a day of what runs now to what was spent", () => {
    const micro = forecastMicro(5_000_000, { deploymentHourlyCents: 100, trainingJobs: [], storageMicroPerDay: 24 }, now, end);
    expect(micro).toBe(5_000_000 + 24 * 100 * 1_000_000 + 24);
  });

  it("prorates a training job that will end after the month does", () => {
    const job = { remainingMicro: 1_000, startedAt: null, expectedEndAt: new Date("2027-01-02T00:00:00Z") };
    expect(forecastMicro(0, { deploymentHourlyCents: 0, trainingJobs: [job], storageMicroPerDay: 0 }, now, end)).toBe(500);
    const soon = { ...job, expectedEndAt: new Date("2026-12-31T01:00:00Z") };
    expect(forecastMicro(0, { deploymentHourlyCents: 0, trainingJobs: [soon], storageMicroPerDay: 0 }, now, end)).toBe(1_000);
  });
});

describe("CSV export", () => {
  it("quotes, neutralizes formulas, and writes exact dollars", () => {
    expect(microToDollars(123_456_789)).toBe("1.23456789");
    expect(microToDollars(5)).toBe("0.00000005");
    const csv = costsCsv([
      {
        periodStart: new Date("2026-12-02T10:00:00Z"),
        periodEnd: new Date("2026-12-02T11:00:00Z"),
        billingPeriod: "2026-12",
        type: "compute",
        resourceType: "deployment",
        resourceId: "d1",
        resourceName: '=HYPERLINK("x"), "quoted"',
        amountMicro: 160_000_000,
        details: { replicas: 2 },
      },
    ]);
    const [header, row] = csv.split("\r\n");
    expect(header).toBe("period_start,period_end,billing_period,type,resource_type,resource_id,resource_name,amount_usd,details");
    expect(row).toBe(
      `2026-12-02T10:00:00.000Z,2026-12-02T11:00:00.000Z,2026-12,compute,deployment,d1,"'=HYPERLINK(""x""), ""quoted""",1.60000000,"{""replicas"":2}"`,
    );
  });
});
