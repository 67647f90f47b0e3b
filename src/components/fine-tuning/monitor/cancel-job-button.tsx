"use client";

import { CircleStop } from "lucide-react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { api } from "@/trpc/react";

/** Cancel, after a confirmation that says what is kept and what is billed. */
export function CancelJobButton({ id, name }: { id: string; name: string }) {
  const utils = api.useUtils();
  const cancel = api.fineTuning.cancel.useMutation({
    onSuccess: () => Promise.all([utils.fineTuning.byId.invalidate({ id }), utils.fineTuning.list.invalidate()]),
    onError: (err) => toast.error("Could not cancel the job", { description: err.message }),
  });
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" disabled={cancel.isPending} className="text-destructive hover:text-destructive">
          <CircleStop /> Cancel job
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Cancel {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            Training stops and no model is produced. Checkpoints already saved are kept, and you are billed only for the
            steps that completed. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep training</AlertDialogCancel>
          <AlertDialogAction
            className="bg-destructive text-white hover:bg-destructive/90"
            onClick={() => cancel.mutate({ id })}
          >
            Cancel job
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
