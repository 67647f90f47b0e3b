import { z } from "zod";

/**
 * What the app keeps of a payment card: brand, last four digits and expiry. No payment processor is
 * connected; the card number and CVC are checked in the browser (./card.ts) and never sent.
 */
export const CARD_BRANDS = ["visa", "mastercard", "amex", "discover", "diners", "jcb", "unionpay"] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

/** True when the card is still valid during `now`'s month (cards expire after their last month). */
export function isExpiryCurrent(expMonth: number, expYear: number, now: Date = new Date()): boolean {
  const thisMonth = now.getFullYear() * 12 + now.getMonth(); // getMonth is 0-based
  return expYear * 12 + (expMonth - 1) >= thisMonth;
}

export const paymentSummarySchema = z
  .object({
    brand: z.enum(CARD_BRANDS, { error: "Card brand is not one we accept." }),
    last4: z.string().regex(/^\d{4}$/, { error: "Last four digits must be 4 digits." }),
    expMonth: z
      .number({ error: "Expiry month must be a number." })
      .int({ error: "Expiry month must be a whole number." })
      .min(1, { error: "Expiry month must be 1–12." })
      .max(12, { error: "Expiry month must be 1–12." }),
    expYear: z
      .number({ error: "Expiry year must be a number." })
      .int({ error: "Expiry year must be a whole number." })
      .min(2000, { error: "Expiry year must have four digits." })
      .max(2100, { error: "Expiry year is too far ahead." }),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!isExpiryCurrent(p.expMonth, p.expYear)) {
      ctx.addIssue({ code: "custom", path: ["expYear"], message: "This card has expired." });
    }
  });
export type PaymentSummary = z.output<typeof paymentSummarySchema>;
