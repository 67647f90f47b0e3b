/**
 * Card checks that run in the browser. Only the summary (brand, last 4, expiry) leaves this module:
 * the number and CVC are read here and dropped, because no payment processor is connected.
 */
import { type CardBrand, isExpiryCurrent, type PaymentSummary } from "./payment";

export interface CardInput {
  /** As typed: spaces and dashes are ignored. */
  number: string;
  /** "MM/YY", "MM / YY" or "MM/YYYY". */
  expiry: string;
  cvc: string;
}

export type CardErrors = Partial<Record<keyof CardInput, string>>;

export type CardCheck = { ok: true; summary: PaymentSummary } | { ok: false; errors: CardErrors };

// Issuer prefixes and lengths (ISO/IEC 7812 ranges as the card networks publish them).
const BRANDS: { brand: CardBrand; prefix: RegExp; lengths: number[]; cvcLength: number }[] = [
  { brand: "amex", prefix: /^3[47]/, lengths: [15], cvcLength: 4 },
  { brand: "diners", prefix: /^3(?:0[0-5]|[689])/, lengths: [14, 15, 16, 17, 18, 19], cvcLength: 3 },
  { brand: "jcb", prefix: /^35(?:2[89]|[3-8])/, lengths: [16, 17, 18, 19], cvcLength: 3 },
  { brand: "visa", prefix: /^4/, lengths: [13, 16, 19], cvcLength: 3 },
  {
    brand: "mastercard",
    prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/,
    lengths: [16],
    cvcLength: 3,
  },
  { brand: "discover", prefix: /^(?:6011|65|64[4-9])/, lengths: [16, 17, 18, 19], cvcLength: 3 },
  { brand: "unionpay", prefix: /^62/, lengths: [16, 17, 18, 19], cvcLength: 3 },
];

/** The brand a (partial) number belongs to, as soon as its prefix tells. */
export function cardBrand(number: string): CardBrand | null {
  const digits = number.replace(/[\s-]/g, "");
  return BRANDS.find((b) => b.prefix.test(digits))?.brand ?? null;
}

/** The Luhn (mod 10) checksum every card number carries in its last digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** "04/27" → { month: 4, year: 2027 }; null when it is not a month and a year. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

export function checkCard(input: CardInput, now: Date = new Date()): CardCheck {
  const errors: CardErrors = {};
  const digits = input.number.replace(/[\s-]/g, "");
  const spec = BRANDS.find((b) => b.prefix.test(digits));

  if (digits === "") errors.number = "Enter the card number.";
  else if (!/^\d+$/.test(digits)) errors.number = "A card number has digits only.";
  else if (!spec) errors.number = "This card type is not accepted.";
  else if (!spec.lengths.includes(digits.length) || !luhnValid(digits))
    errors.number = "This card number is not valid: check for a typo.";

  const expiry = parseExpiry(input.expiry);
  if (!expiry) errors.expiry = "Enter the expiry as MM/YY.";
  else if (!isExpiryCurrent(expiry.month, expiry.year, now)) errors.expiry = "This card has expired.";

  const cvc = input.cvc.trim();
  const cvcLength = spec?.cvcLength;
  if (!/^\d{3,4}$/.test(cvc) || (cvcLength !== undefined && cvc.length !== cvcLength))
    errors.cvc = cvcLength ? `Enter the ${cvcLength}-digit security code.` : "Enter the 3- or 4-digit security code.";

  if (errors.number || errors.expiry || errors.cvc || !spec || !expiry) return { ok: false, errors };
  return {
    ok: true,
    summary: { brand: spec.brand, last4: digits.slice(-4), expMonth: expiry.month, expYear: expiry.year },
  };
}
