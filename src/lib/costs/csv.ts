/** The records export: RFC 4180 CSV (quoted where needed, CRLF line ends), amounts in dollars. */
import { MICRO_PER_CENT } from "./types";

export interface CsvRecord {
  periodStart: Date;
  periodEnd: Date;
  billingPeriod: string;
  type: string;
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  amountMicro: number;
  details: unknown;
}

export const CSV_HEADER = [
  "period_start",
  "period_end",
  "billing_period",
  "type",
  "resource_type",
  "resource_id",
  "resource_name",
  "amount_usd",
  "details",
];

function cell(value: string): string {
  // A leading = + - @ would make a spreadsheet run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Micro-cents as dollars with eight decimals ("0.01234567"): exact, no float. */
export function microToDollars(micro: number): string {
  const perDollar = 100 * MICRO_PER_CENT;
  const whole = Math.floor(micro / perDollar);
  const rest = micro - whole * perDollar;
  return `${whole}.${String(rest).padStart(8, "0")}`;
}

export function costsCsv(rows: readonly CsvRecord[]): string {
  const lines = [CSV_HEADER.join(",")];
  for (const r of rows) {
    lines.push(
      [
        r.periodStart.toISOString(),
        r.periodEnd.toISOString(),
        r.billingPeriod,
        r.type,
        r.resourceType,
        r.resourceId,
        r.resourceName ?? "",
        microToDollars(r.amountMicro),
        JSON.stringify(r.details ?? {}),
      ]
        .map(cell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
