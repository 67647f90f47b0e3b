"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { TERMS_VERSION, type TermsAcceptance } from "@/lib/deployments/terms";

const CLAUSES = [
  ["Billing", "Dedicated endpoints are billed per replica-hour from the moment a replica starts until it stops, at the rates shown in the cost footer. Paused and scaled-to-zero endpoints are not billed for compute."],
  ["Estimates", "The monthly band is an estimate from your configuration and expected traffic. Actual cost depends on real traffic and autoscaling."],
  ["Your model and data", "You are responsible for having the right to deploy the model you choose and for the data you send to it. Model licences apply."],
  ["Acceptable use", "Do not use endpoints to break the law, attack other systems or generate content that harms people."],
  ["Availability", "Endpoints may be restarted for maintenance. Provisioning can fail when the provider lacks capacity; you are not billed for a failed deployment."],
] as const;

/** Terms of service, accepted explicitly (checkbox + button) before a deployment is created. */
export function TermsDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; onAccept: (terms: TermsAcceptance) => void }) {
  const [checked, setChecked] = useState(false);
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Terms of service</DialogTitle>
          <DialogDescription>Version {TERMS_VERSION}. Read and accept them to deploy.</DialogDescription>
        </DialogHeader>
        <div className="flex max-h-[45dvh] flex-col gap-3 overflow-y-auto rounded-md border bg-muted/30 p-4 text-sm">
          {CLAUSES.map(([title, text], i) => (
            <section key={title}>
              <h3 className="font-medium">
                {i + 1}. {title}
              </h3>
              <p className="text-muted-foreground">{text}</p>
            </section>
          ))}
        </div>
        <Label className="items-start gap-3 leading-snug font-normal">
          <Checkbox checked={checked} onCheckedChange={(v) => setChecked(v === true)} className="mt-0.5" />
          I have read and accept the terms of service (version {TERMS_VERSION}).
        </Label>
        <DialogFooter>
          <Button variant="outline" onClick={() => props.onOpenChange(false)}>
            Cancel
          </Button>
          <Button disabled={!checked} onClick={() => props.onAccept({ accepted: true, version: TERMS_VERSION })}>
            Accept and continue
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
