import { describe, expect, it } from "vitest";
import { cardBrand, checkCard, luhnValid, parseExpiry } from "./card";
import { isExpiryCurrent, paymentSummarySchema } from "./payment";

const now = new Date(2026, 11, 2); // 2 December 2026, local time

describe("checkCard", () => {
  it.each([
    ["4242 4242 4242 4242", "visa", "4242", "123"],
    ["4111-1111-1111-1111", "visa", "1111", "123"],
    ["5555555555554444", "mastercard", "4444", "123"],
    ["2223003122003222", "mastercard", "3222", "123"],
    ["378282246310005", "amex", "0005", "1234"],
    ["6011111111111117", "discover", "1117", "123"],
    ["36227206271667", "diners", "1667", "123"],
    ["3566002020360505", "jcb", "0505", "123"],
    ["6200000000000005", "unionpay", "0005", "123"],
  ])("%s is a valid %s card ending %s", (number, brand, last4, cvc) => {
    expect(checkCard({ number, expiry: "12/26", cvc }, now)).toEqual({
      ok: true,
      summary: { brand, last4, expMonth: 12, expYear: 2026 },
    });
  });

  it("returns the summary only: the number and CVC do not come back", () => {
    const r = checkCard({ number: "4242424242424242", expiry: "04/30", cvc: "987" }, now);
    expect(JSON.stringify(r)).not.toMatch(/424242424242|987/);
    expect(r.ok && paymentSummarySchema.safeParse(r.summary).success).toBe(true);
  });

  it.each([
    [{ number: "" }, { number: "Enter the card number." }],
    [{ number: "4242 4242 4242 424x" }, { number: "A card number has digits only." }],
    [{ number: "9999999999999995" }, { number: "This card type is not accepted." }],
    [{ number: "4242424242424241" }, { number: "This card number is not valid: check for a typo." }],
    [{ number: "424242424242424" }, { number: "This card number is not valid: check for a typo." }],
    [{ expiry: "11/26" }, { expiry: "This card has expired." }],
    [{ expiry: "13/27" }, { expiry: "Enter the expiry as MM/YY." }],
    [{ expiry: "1227" }, { expiry: "Enter the expiry as MM/YY." }],
    [{ cvc: "12" }, { cvc: "Enter the 3-digit security code." }],
    [{ cvc: "1234" }, { cvc: "Enter the 3-digit security code." }],
    [{ number: "378282246310005", cvc: "123" }, { cvc: "Enter the 4-digit security code." }],
    [{ number: "9999999999999995", cvc: "12345" }, { number: "This card type is not accepted.", cvc: "Enter the 3- or 4-digit security code." }],
  ])("%o → %o", (patch, errors) => {
    expect(checkCard({ number: "4242424242424242", expiry: "12/26", cvc: "123", ...patch }, now)).toEqual({
      ok: false,
      errors,
    });
  });
});

describe("card helpers", () => {
  it("luhnValid", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("12a4")).toBe(false);
  });

  it("cardBrand tells from the first digits", () => {
    expect(cardBrand("4")).toBe("visa");
    expect(cardBrand("37")).toBe("amex");
    expect(cardBrand("2720 99")).toBe("mastercard");
    expect(cardBrand("2721")).toBeNull();
    expect(cardBrand("")).toBeNull();
  });

  it("parseExpiry", () => {
    expect(parseExpiry("04/27")).toEqual({ month: 4, year: 2027 });
    expect(parseExpiry(" 4 / 2031 ")).toEqual({ month: 4, year: 2031 });
    expect(parseExpiry("00/27")).toBeNull();
    expect(parseExpiry("04/7")).toBeNull();
  });

  it("a card is valid through the last day of its expiry month", () => {
    expect(isExpiryCurrent(12, 2026, now)).toBe(true);
    expect(isExpiryCurrent(11, 2026, now)).toBe(false);
    expect(isExpiryCurrent(1, 2027, now)).toBe(true);
  });
});
