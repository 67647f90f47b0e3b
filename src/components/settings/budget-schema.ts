import { z } from "zod";

const MAX_CENTS = 1_000_000_000;
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;

/** "$1,250.50" → 125050 cents; "" → null (no budget). Dollars in the form, integer cents on the wire. */
export function dollarsToCents(text: string): number | null | undefined {
  const plain = text.trim().replace(/^\$/, "").replaceAll(",", "");
  if (plain === "") return null;
  if (!AMOUNT.test(plain)) return undefined;
  const [whole = "0", frac = ""] = plain.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** The stored cents as the form shows them ("" for none, no trailing ".00" on whole dollars). */
export function centsToDollarsText(cents: number | null): string {
  if (cents === null) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

export const budgetFormSchema = z.object({
  amount: z
    .string()
    .transform((text, ctx) => {
      const cents = dollarsToCents(text);
      if (cents === undefined) {
        ctx.addIssue({ code: "custom", message: "Enter an amount in dollars, like 50 or 12.50." });
        return z.NEVER;
      }
      if (cents !== null && cents < 1) {
        ctx.addIssue({ code: "custom", message: "The budget must be more than $0.00. Leave it empty for no budget." });
        return z.NEVER;
      }
      if (cents !== null && cents > MAX_CENTS) {
        ctx.addIssue({ code: "custom", message: "The budget is at most $10,000,000." });
        return z.NEVER;
      }
      return cents;
    }),
  hardLimit: z.boolean(),
});
export type BudgetFormInput = z.input<typeof budgetFormSchema>;
export type BudgetFormOutput = z.output<typeof budgetFormSchema>;
