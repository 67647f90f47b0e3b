import { CreditCard } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { PaymentSummary } from "@/lib/deployments/payment";

/** Which card will pay (brand, last 4, expiry only), with a way to enter another. */
export function PaymentNote({ payment, onChange }: { payment: PaymentSummary | null; onChange: () => void }) {
  if (!payment) return null;
  return (
    <p className="flex items-center gap-2 text-xs text-muted-foreground" data-testid="payment-note">
      <CreditCard className="size-3.5" aria-hidden />
      <span className="capitalize">{payment.brand}</span> •••• {payment.last4}, expires {String(payment.expMonth).padStart(2, "0")}/
      {payment.expYear}
      <Button type="button" variant="link" size="sm" className="h-auto p-0 text-xs" onClick={onChange}>
        Use another card
      </Button>
    </p>
  );
}
