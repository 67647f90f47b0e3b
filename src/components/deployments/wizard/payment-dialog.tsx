"use client";

import { useRef, useState } from "react";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { type CardErrors, type CardInput, cardBrand, checkCard } from "@/lib/deployments/card";
import type { PaymentSummary } from "@/lib/deployments/payment";
import { describedBy, Field } from "../field";

const EMPTY: CardInput = { number: "", expiry: "", cvc: "" };
const FIELDS = ["number", "expiry", "cvc"] as const;

/** "4242424242424242" → "4242 4242 4242 4242" while typing. */
function groupDigits(v: string) {
  return v
    .replace(/[^\d]/g, "")
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ");
}

/**
 * The payment method. The card is checked here, in the browser; only brand, last 4 and expiry are
 * handed on. Number and CVC live in this component's state alone and are wiped when it closes.
 */
export function PaymentDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; onSave: (summary: PaymentSummary) => void }) {
  const [card, setCard] = useState<CardInput>(EMPTY);
  const [errors, setErrors] = useState<CardErrors>({});
  const refs = useRef<Partial<Record<keyof CardInput, HTMLInputElement | null>>>({});
  const brand = cardBrand(card.number);

  function close(open: boolean) {
    if (!open) {
      setCard(EMPTY);
      setErrors({});
    }
    props.onOpenChange(open);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    // The dialog is portalled, but React still bubbles its submit to the wizard's form: stop it here.
    e.stopPropagation();
    const check = checkCard(card);
    if (!check.ok) {
      setErrors(check.errors);
      const first = FIELDS.find((f) => check.errors[f]);
      if (first) refs.current[first]?.focus();
      return;
    }
    setCard(EMPTY);
    setErrors({});
    props.onSave(check.summary);
  }

  const input = (name: keyof CardInput, label: string, extra: React.ComponentProps<"input">) => (
    <Field name={`card-${name}`} label={label} error={errors[name]}>
      <Input
        ref={(el) => {
          refs.current[name] = el;
        }}
        value={card[name]}
        onChange={(e) => setCard((c) => ({ ...c, [name]: name === "number" ? groupDigits(e.target.value) : e.target.value }))}
        inputMode="numeric"
        className="font-mono tabular-nums"
        {...describedBy(`card-${name}`, { error: errors[name] })}
        {...extra}
      />
    </Field>
  );

  return (
    <Dialog open={props.open} onOpenChange={close}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Payment method</DialogTitle>
          <DialogDescription>The card that pays for this endpoint.</DialogDescription>
        </DialogHeader>
        <p className="flex gap-2 rounded-md border border-amber-500/30 bg-amber-500/10 p-3 text-xs text-amber-900 dark:text-amber-200" role="note">
          <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            <strong>No payment processor is connected.</strong> Nothing is charged. The card is checked here in your browser; only its
            brand, last four digits and expiry are saved. The number and security code are never sent or stored.
          </span>
        </p>
        <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Card details">
          {input("number", "Card number", { autoComplete: "cc-number", placeholder: "1234 1234 1234 1234" })}
          <div className="grid grid-cols-2 gap-4">
            {input("expiry", "Expiry (MM/YY)", { autoComplete: "cc-exp", placeholder: "MM/YY", maxLength: 7 })}
            {input("cvc", "Security code", { autoComplete: "cc-csc", placeholder: brand === "amex" ? "4 digits" : "3 digits", maxLength: 4, type: "password" })}
          </div>
          {brand ? <p className="-mt-2 text-xs text-muted-foreground capitalize">Card: {brand}</p> : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit">Save card and deploy</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
