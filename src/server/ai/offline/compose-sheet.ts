/** The offline model's spreadsheets (CSV) for common requests, and rule-based revisions. */
import { parseCsv, serializeCsv, type Grid } from "@/lib/chat/csv";
import { capitalize, cleanPhrase, hashString } from "./text-utils";

const MONTHS = ["January", "February", "March", "April", "May", "June"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Deterministic pseudo-random integers in [lo, hi]. */
function numbers(seed: number, count: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  let x = seed || 1;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(lo + ((x >>> 0) % (hi - lo + 1)));
  }
  return out;
}

function money(n: number) {
  return (n / 100).toFixed(2);
}

export function composeSheet(request: string, earlier: string[] = []): string {
  const text = [...earlier, request].join("\n");
  const seed = hashString(request);
  // The request decides; earlier messages fill in when it does not name a subject ("make a table").
  const known = /\b(expenses?|budgets?|spending|costs?|sales|revenue|orders?|grades?|students?|scores?|class(es)?|inventory|stock|products?|items?|workouts?|exercises?|training|schedules?|plans?|weeks?|meals?)\b/i;
  const r = (known.test(request) ? request : text).toLowerCase();
  let grid: Grid;
  if (/\b(expenses?|budgets?|spending|costs?)\b/.test(r)) {
    const cats = ["Rent", "Groceries", "Transport", "Utilities", "Eating out", "Savings"];
    const amounts = numbers(seed, cats.length, 3000, 140000);
    grid = [["Category", "Monthly amount", "Notes"], ...cats.map((c, i) => [c, money(amounts[i]!), i === 0 ? "Fixed" : ""])];
  } else if (/\b(sales|revenue|orders?)\b/.test(r)) {
    const units = numbers(seed, MONTHS.length, 40, 400);
    grid = [["Month", "Units sold", "Unit price", "Revenue"], ...MONTHS.map((m, i) => [m, String(units[i]), "19.99", (units[i]! * 19.99).toFixed(2)])];
  } else if (/\b(grades?|students?|scores?|class(es)?)\b/.test(r)) {
    const names = ["Ada", "Ben", "Chloe", "Dev", "Elena", "Farid"];
    const scores = numbers(seed, names.length * 2, 55, 100);
    grid = [["Student", "Midterm", "Final", "Average"], ...names.map((n, i) => {
      const a = scores[2 * i]!;
      const b = scores[2 * i + 1]!;
      return [n, String(a), String(b), ((a + b) / 2).toFixed(1)];
    })];
  } else if (/\b(inventory|stock|products?|items?)\b/.test(r)) {
    const items = ["Notebook", "Pen", "Stapler", "Desk lamp", "Monitor stand", "USB cable"];
    const qty = numbers(seed, items.length, 0, 250);
    const price = numbers(seed + 7, items.length, 150, 4900);
    grid = [["Item", "Quantity", "Unit price", "Reorder"], ...items.map((it, i) => [it, String(qty[i]), money(price[i]!), qty[i]! < 20 ? "Yes" : "No"])];
  } else if (/\b(workouts?|exercises?|training|schedules?|plans?|weeks?|meals?)\b/.test(r)) {
    const meal = /\bmeal/.test(r);
    const acts = meal
      ? ["Oatmeal, berries", "Lentil soup", "Stir-fried tofu", "Pasta primavera", "Grilled fish", "Homemade pizza", "Roast vegetables"]
      : ["Run 5 km", "Upper body strength", "Yoga", "Intervals", "Lower body strength", "Long walk", "Rest"];
    const mins = numbers(seed, DAYS.length, 20, 75);
    grid = [["Day", meal ? "Meal" : "Activity", meal ? "Prep minutes" : "Minutes"], ...DAYS.map((d, i) => [d, acts[i]!, acts[i] === "Rest" ? "0" : String(mins[i])])];
  } else {
    const subject = cleanPhrase(/\b(?:of|for|with|about|tracking|listing)\s+([^.?!\n]+)/i.exec(request)?.[1] ?? "items");
    const values = numbers(seed, 5, 1, 100);
    grid = [["Item", "Description", "Value"], ...values.map((v, i) => [`${capitalize(subject)} ${i + 1}`, `Entry ${i + 1} for ${subject}`, String(v)])];
  }
  return serializeCsv(grid);
}

function isNumeric(cell: string) {
  return /^-?\d+(\.\d+)?$/.test(cell.trim());
}

function addTotals(grid: Grid): Grid {
  const [header, ...rows] = grid;
  if (!header) return grid;
  const body = rows.filter((r) => !/^total$/i.test(r[0] ?? ""));
  const total = header.map((_, c) => {
    if (c === 0) return "Total";
    const col = body.map((r) => r[c] ?? "");
    if (col.length === 0 || !col.every((v) => v === "" || isNumeric(v))) return "";
    const sum = col.reduce((s, v) => s + (v === "" ? 0 : Number(v)), 0);
    return col.some((v) => v.includes(".")) ? sum.toFixed(2) : String(sum);
  });
  return [header, ...body, total];
}

/** Applies a described change to CSV content. */
export function reviseSheet(content: string, description: string): string {
  const grid = parseCsv(content);
  const d = description.toLowerCase();
  const header = grid[0] ?? [];
  if (/\btotals?\b|\bsum\b/.test(d)) return serializeCsv(addTotals(grid));
  const sortBy = /\bsort(?:ed)?\s+(?:it\s+|the rows\s+)?by\s+([^.?!\n]+?)(?:\s+(asc|desc)\w*)?$/i.exec(description);
  if (sortBy?.[1]) {
    const name = cleanPhrase(sortBy[1]).toLowerCase();
    const c = Math.max(0, header.findIndex((h) => h.toLowerCase() === name || h.toLowerCase().includes(name)));
    const desc = /\b(desc|descending|highest|largest)\b/.test(d);
    const rows = grid.slice(1).sort((a, b) => {
      const x = a[c] ?? "";
      const y = b[c] ?? "";
      const cmp = isNumeric(x) && isNumeric(y) ? Number(x) - Number(y) : x.localeCompare(y);
      return desc ? -cmp : cmp;
    });
    return serializeCsv([header, ...rows]);
  }
  const addCol = /\badd (?:a |an )?(?:new )?column(?: (?:called|named|for))?\s+["“]?([^"”.?!\n]+)/i.exec(description);
  if (addCol?.[1]) {
    const name = capitalize(cleanPhrase(addCol[1]));
    return serializeCsv(grid.map((row, i) => [...row, i === 0 ? name : ""]));
  }
  const addRows = /\badd (\d+|a|an|one|two|three|another)?\s*(?:more |new )?rows?\b/i.exec(description);
  if (addRows) {
    const n = Math.min(20, Number(addRows[1]) || ({ two: 2, three: 3 } as Record<string, number>)[(addRows[1] ?? "").toLowerCase()] || 1);
    const width = header.length || 1;
    const start = grid.length;
    const rows = Array.from({ length: n }, (_, i) => Array.from({ length: width }, (_, c) => (c === 0 ? `Row ${start + i}` : "")));
    return serializeCsv([...grid, ...rows]);
  }
  const removeCol = /\b(?:remove|delete|drop) (?:the )?(?:column )?["“]?([^"”.?!\n]+?)["”]?(?: column)?$/i.exec(description);
  if (removeCol?.[1]) {
    const name = cleanPhrase(removeCol[1]).toLowerCase();
    const c = header.findIndex((h) => h.toLowerCase() === name);
    if (c >= 0) return serializeCsv(grid.map((row) => row.filter((_, i) => i !== c)));
  }
  // Anything else: keep the data and add a notes column that records the request.
  return serializeCsv(grid.map((row, i) => [...row, i === 0 ? "Notes" : i === 1 ? cleanPhrase(description) : ""]));
}
