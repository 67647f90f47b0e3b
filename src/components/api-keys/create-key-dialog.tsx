"use client";

import { useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { type CreatedKey, CreateKeyForm } from "./create-key-form";
import { NewKeyReveal } from "./new-key-reveal";

/** Create → reveal in one dialog; once a key is shown, only an explicit "done" closes it. */
export function CreateKeyDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; initialScope?: string }) {
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const close = () => {
    props.onOpenChange(false);
    setCreated(null);
  };
  return (
    <Dialog open={props.open} onOpenChange={(open) => (open ? props.onOpenChange(true) : created ? undefined : close())}>
      <DialogContent
        className="sm:max-w-lg"
        onInteractOutside={(e) => created && e.preventDefault()}
        onEscapeKeyDown={(e) => created && e.preventDefault()}
        showCloseButton={!created}
      >
        <DialogHeader>
          <DialogTitle>{created ? "Your new API key" : "Create API key"}</DialogTitle>
          <DialogDescription>
            {created
              ? "Send it as “Authorization: Bearer …” to the OpenAI-compatible API."
              : "A key lets programs call your deployments through the OpenAI-compatible API."}
          </DialogDescription>
        </DialogHeader>
        {created ? (
          <NewKeyReveal created={created} onDone={close} />
        ) : (
          <CreateKeyForm initialScope={props.initialScope} onCreated={setCreated} onCancel={close} />
        )}
      </DialogContent>
    </Dialog>
  );
}
