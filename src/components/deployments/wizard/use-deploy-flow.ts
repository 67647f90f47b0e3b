"use client";

import { useRef, useState } from "react";
import type { DeploymentConfig } from "@/lib/deployments/schema";
import type { PaymentSummary } from "@/lib/deployments/payment";
import type { TermsAcceptance } from "@/lib/deployments/terms";

export interface CreateRequest {
  config: DeploymentConfig;
  idempotencyKey: string;
  terms: TermsAcceptance;
  payment: PaymentSummary;
}
export interface Created {
  id: string;
  /** Shown once; null when the same idempotency key was sent again (the token went to the first answer). */
  apiToken: string | null;
}
export type CreateDeployment = (input: CreateRequest) => Promise<Created>;

type Step = "idle" | "terms" | "payment" | "creating";

/**
 * After the form validates: terms (once per wizard) → payment (once) → create. One idempotency key
 * per wizard, kept across retries, so a double click or a retry after a network error creates one
 * deployment; a new key is made only after a success.
 */
export function useDeployFlow(create: CreateDeployment, onCreated: (created: Created) => void, onError: (err: unknown) => void) {
  const [step, setStep] = useState<Step>("idle");
  const [terms, setTerms] = useState<TermsAcceptance | null>(null);
  const [payment, setPayment] = useState<PaymentSummary | null>(null);
  const pending = useRef<DeploymentConfig | null>(null);
  const key = useRef<string>(crypto.randomUUID());

  async function run(config: DeploymentConfig, t: TermsAcceptance | null, p: PaymentSummary | null) {
    pending.current = config;
    if (!t) return setStep("terms");
    if (!p) return setStep("payment");
    setStep("creating");
    try {
      const created = await create({ config, idempotencyKey: key.current, terms: t, payment: p });
      key.current = crypto.randomUUID();
      onCreated(created);
    } catch (err) {
      onError(err);
    } finally {
      setStep("idle");
    }
  }

  return {
    step,
    payment,
    busy: step === "creating",
    submit: (config: DeploymentConfig) => (step === "creating" ? undefined : run(config, terms, payment)),
    acceptTerms: (t: TermsAcceptance) => {
      setTerms(t);
      if (pending.current) void run(pending.current, t, payment);
    },
    savePayment: (p: PaymentSummary) => {
      setPayment(p);
      if (pending.current) void run(pending.current, terms, p);
    },
    cancel: () => setStep("idle"),
    forgetPayment: () => setPayment(null),
  };
}
