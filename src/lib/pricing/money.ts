/**
 * Integer money arithmetic. Amounts are whole cents (or whole mills in rate tables); a division is
 * the only place a fraction can appear, and it is rounded here, once, half up.
 */

/** round(n / d), half up, for non-negative safe integers. */
export function divRound(n: number, d: number): number {
  assertSafe(n);
  assertSafe(d);
  let q = Math.floor(n / d);
  // Float division of two exact integers can land one off near a boundary: correct it.
  while (q * d > n) q--;
  while ((q + 1) * d <= n) q++;
  const r = n - q * d;
  return 2 * r >= d ? q + 1 : q;
}

/** ceil(n / d) for non-negative safe integers. */
export function ceilDiv(n: number, d: number): number {
  assertSafe(n);
  assertSafe(d);
  let q = Math.floor(n / d);
  while (q * d > n) q--;
  while (q * d < n) q++;
  return q;
}

function assertSafe(n: number) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`expected a non-negative safe integer, got ${n}`);
}

const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 123456 → "$1,234.56"; with `whole`, rounded to dollars: "$1,235". */
export function formatCents(cents: number, options: { whole?: boolean } = {}): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  if (options.whole) return `${sign}$${GROUPED.format(divRound(abs, 100))}`;
  const dollars = Math.floor(abs / 100);
  const rest = abs - dollars * 100;
  return `${sign}$${GROUPED.format(dollars)}.${String(rest).padStart(2, "0")}`;
}
